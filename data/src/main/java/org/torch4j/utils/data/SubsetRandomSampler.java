package org.torch4j.utils.data;

import java.util.Iterator;
import org.torch4j.Generator;
import org.torch4j.Torch;

/** The given indices in a random order; the equivalent of {@code torch.utils.data.SubsetRandomSampler}. */
public final class SubsetRandomSampler implements Sampler<Integer> {
    private final int[] indices;
    private final Generator generator;

    /** {@code SubsetRandomSampler(indices)}: shuffled with the default generator. */
    public SubsetRandomSampler(int[] indices) {
        this(indices, Generator.defaultGenerator());
    }

    /** {@code SubsetRandomSampler(indices, generator=g)}: each pass yields {@code indices[randperm(len, g)]}. */
    public SubsetRandomSampler(int[] indices, Generator generator) {
        this.indices = indices.clone();
        this.generator = generator == null ? Generator.defaultGenerator() : generator;
    }

    @Override
    public Iterator<Integer> iterator() {
        return new ChunkedIndexIterator(1, c -> {
            long[] order = Torch.randperm(indices.length, generator).toLongArray();
            for (int i = 0; i < order.length; i++) {
                order[i] = indices[(int) order[i]];
            }
            return order;
        });
    }

    @Override
    public int len() {
        return indices.length;
    }
}
