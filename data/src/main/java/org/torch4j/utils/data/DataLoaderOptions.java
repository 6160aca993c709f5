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

    public int batchSize() {
        return batchSize;
    }

    public boolean shuffle() {
        return shuffle;
    }

    public Sampler<Integer> sampler() {
        return sampler;
    }

    public Sampler<List<Integer>> batchSampler() {
        return batchSampler;
    }

    public boolean dropLast() {
        return dropLast;
    }

    public int numWorkers() {
        return numWorkers;
    }

    public int prefetchFactor() {
        return prefetchFactor;
    }

    public Duration timeout() {
        return timeout;
    }

    public Generator generator() {
        return generator;
    }
}
