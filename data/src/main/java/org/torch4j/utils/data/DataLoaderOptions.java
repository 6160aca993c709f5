package org.torch4j.utils.data;

import java.time.Duration;
import java.util.List;
import org.torch4j.Generator;

/**
 * The keyword arguments of {@code torch.utils.data.DataLoader} (LibTorch's {@code DataLoaderOptions}); setters
 * return this, so {@code new DataLoaderOptions().batchSize(64).shuffle(true).numWorkers(2)} reads like the Python
 * call. The defaults are PyTorch's. A {@link DataLoader} copies the options when it is built.
 */
public final class DataLoaderOptions {
    private int batchSize = 1;
    private boolean shuffle;
    private Sampler<Integer> sampler;
    private Sampler<List<Integer>> batchSampler;
    private boolean dropLast;
    private int numWorkers;
    private int prefetchFactor = 2;
    private Duration timeout = Duration.ZERO;
    private Generator generator;

    /** {@code batch_size} (default 1). */
    public DataLoaderOptions batchSize(int batchSize) {
        this.batchSize = batchSize;
        return this;
    }

    /** {@code shuffle} (default false): a {@link RandomSampler} over the dataset, re-shuffled every epoch. */
    public DataLoaderOptions shuffle(boolean shuffle) {
        this.shuffle = shuffle;
        return this;
    }

    /** {@code sampler}: where the indices come from (exclusive with shuffle). */
    public DataLoaderOptions sampler(Sampler<Integer> sampler) {
        this.sampler = sampler;
        return this;
    }

    /** {@code batch_sampler}: where whole batches of indices come from (exclusive with batchSize, shuffle, sampler, dropLast). */
    public DataLoaderOptions batchSampler(Sampler<List<Integer>> batchSampler) {
        this.batchSampler = batchSampler;
        return this;
    }

    /** {@code drop_last} (default false): leave out a last batch smaller than batchSize. */
    public DataLoaderOptions dropLast(boolean dropLast) {
        this.dropLast = dropLast;
        return this;
    }

    /** {@code num_workers} (default 0: batches are loaded on the calling thread); N starts N worker threads per epoch. */
    public DataLoaderOptions numWorkers(int numWorkers) {
        this.numWorkers = numWorkers;
        return this;
    }

    /** {@code prefetch_factor} (default 2): batches loaded in advance per worker; only with numWorkers &gt; 0. */
    public DataLoaderOptions prefetchFactor(int prefetchFactor) {
        this.prefetchFactor = prefetchFactor;
        return this;
    }

    /** {@code timeout} (default 0: wait forever): the longest wait for a batch from the workers. */
    public DataLoaderOptions timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** {@code generator}: drives shuffling and the per-epoch base seed (default: the default generator). */
    public DataLoaderOptions generator(Generator generator) {
        this.generator = generator;
        return this;
    }

    /** The batch size. */
    public int batchSize() {
        return batchSize;
    }

    /** Whether to shuffle. */
    public boolean shuffle() {
        return shuffle;
    }

    /** The index sampler, or null. */
    public Sampler<Integer> sampler() {
        return sampler;
    }

    /** The batch sampler, or null. */
    public Sampler<List<Integer>> batchSampler() {
        return batchSampler;
    }

    /** Whether to drop a short last batch. */
    public boolean dropLast() {
        return dropLast;
    }

    /** The number of worker threads. */
    public int numWorkers() {
        return numWorkers;
    }

    /** Batches loaded ahead per worker. */
    public int prefetchFactor() {
        return prefetchFactor;
    }

    /** The longest wait for a batch (zero: no limit). */
    public Duration timeout() {
        return timeout;
    }

    /** The generator, or null for the default one. */
    public Generator generator() {
        return generator;
    }
}
