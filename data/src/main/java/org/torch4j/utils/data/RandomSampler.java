package org.torch4j.utils.data;

import java.util.Arrays;
import java.util.Iterator;
import org.torch4j.DType;
import org.torch4j.Generator;
import org.torch4j.TensorOptions;
import org.torch4j.Torch;

/**
 * Random indices; the equivalent of {@code torch.utils.data.RandomSampler}, drawing the same numbers as PyTorch 1.13.
 *
 * <p>Without replacement each pass yields {@code randperm(n)} permutations (whole ones, then the head of one more,
 * up to {@code numSamples}); with replacement it yields {@code randint(n)} in chunks of 32. Without a generator,
 * every pass draws a seed from the default generator (on its first {@code hasNext()}) and samples from a fresh
 * generator seeded with it, as PyTorch does, so {@code Torch.manualSeed(s)} fixes the order of every epoch.
 */
public final class RandomSampler implements Sampler<Integer> {
    private static final int REPLACEMENT_CHUNK = 32;

    private final Dataset<?> dataSource;
    private final boolean replacement;
    private final Integer numSamples;
    private final Generator generator;

    /** {@code RandomSampler(data_source)}. */
    public RandomSampler(Dataset<?> dataSource) {
        this(dataSource, false, null, null);
    }

    /** {@code RandomSampler(data_source, generator=g)}. */
    public RandomSampler(Dataset<?> dataSource, Generator generator) {
        this(dataSource, false, null, generator);
    }

    /**
     * {@code RandomSampler(data_source, replacement, num_samples, generator)}; a null {@code numSamples} means
     * {@code len(data_source)}, a null generator a fresh one per pass seeded from the default generator.
     */
    public RandomSampler(Dataset<?> dataSource, boolean replacement, Integer numSamples, Generator generator) {
        this.dataSource = dataSource;
        this.replacement = replacement;
        this.numSamples = numSamples;
        this.generator = generator;
        if (len() <= 0) {
            throw new IllegalArgumentException("num_samples should be a positive integer value, but got num_samples="
                    + len());
        }
    }

    /** {@code sampler.replacement}. */
    public boolean replacement() {
        return replacement;
    }

    @Override
    public Iterator<Integer> iterator() {
        int n = dataSource.len();
        if (n == 0) {
            throw new IllegalStateException("RandomSampler: cannot sample from an empty dataset");
        }
        int total = len();
        Generator[] pass = new Generator[1];
        if (replacement) {
            int chunks = total / REPLACEMENT_CHUNK + 1;
            TensorOptions int64 = TensorOptions.ofDType(DType.INT64);
            return new ChunkedIndexIterator(chunks, c -> {
                int size = c < chunks - 1 ? REPLACEMENT_CHUNK : total % REPLACEMENT_CHUNK;
                return Torch.randint(0, n, new int[] {size}, int64, passGenerator(pass, c)).toLongArray();
            });
        }
        int chunks = total / n + 1;
        return new ChunkedIndexIterator(chunks, c -> {
            long[] perm = Torch.randperm(n, passGenerator(pass, c)).toLongArray();
            return c < chunks - 1 ? perm : Arrays.copyOf(perm, total % n);
        });
    }

    /** The generator of this pass: the given one, or (created at the first chunk) a fresh one seeded by the default. */
    private Generator passGenerator(Generator[] pass, int chunk) {
        if (generator != null) {
            return generator;
        }
        if (chunk == 0) {
            pass[0] = new Generator(Seeds.draw(Generator.defaultGenerator()));
        }
        return pass[0];
    }

    /** {@code sampler.num_samples}: {@code numSamples}, or the dataset's current length when none was given. */
    @Override
    public int len() {
        return numSamples == null ? dataSource.len() : numSamples;
    }
}
