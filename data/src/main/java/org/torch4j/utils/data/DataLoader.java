package org.torch4j.utils.data;

import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.torch4j.Generator;

/**
 * Batches of a dataset, one epoch per {@link #iterator()}; the equivalent of {@code torch.utils.data.DataLoader}.
 *
 * <pre>{@code
 * try (DataLoader<Tensor[], Tensor[]> loader = new DataLoader<>(new TensorDataset(x, y),
 *         new DataLoaderOptions().batchSize(64).shuffle(true).numWorkers(2))) {
 *     for (int epoch = 0; epoch < 10; epoch++) {
 *         for (Tensor[] batch : loader) { ... batch[0], batch[1] ... }
 *     }
 * }
 * }</pre>
 *
 * <p>With {@code numWorkers = 0} batches are loaded on the calling thread; with N &gt; 0 every epoch starts N worker
 * threads that load whole batches ahead of the training loop (at most {@code prefetchFactor * N}) and stop at the end
 * of the epoch, on {@link #close()}, on a failure or on a timeout. Batches come in the sampler's order either way,
 * and the random stream is consumed as in PyTorch 1.13 (every epoch draws a base seed from the loader's generator,
 * then the shuffling), so {@code Torch.manualSeed(s)} gives the epochs PyTorch gives.
 *
 * @param <T> the sample type
 * @param <B> the batch type (what the collate function returns)
 */
public final class DataLoader<T, B> implements Iterable<B>, AutoCloseable {
    private final Dataset<T> dataset;
    private final IterableDataset<T> iterableDataset;
    private final Function<? super List<T>, ? extends B> collate;
    private final int batchSize;
    private final boolean dropLast;
    private final Sampler<Integer> sampler;
    private final Sampler<List<Integer>> batchSampler;
    private final int numWorkers;
    private final int prefetchFactor;
    private final Duration timeout;
    private final Generator generator;
    private final Set<WorkerPool> pools = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** {@code DataLoader(dataset)}: batches of one sample, in order, default collate. */
    public DataLoader(Dataset<T> dataset) {
        this(dataset, new DataLoaderOptions());
    }

    /** {@code DataLoader(dataset, **options)} with {@link Collate#defaultCollate}; B is what it returns for T. */
    public DataLoader(Dataset<T> dataset, DataLoaderOptions options) {
        this(dataset, options, Collate.defaultCollateFn());
    }

    /** {@code DataLoader(dataset, collate_fn=collate, **options)}. */
    public DataLoader(Dataset<T> dataset, DataLoaderOptions options, Function<? super List<T>, ? extends B> collate) {
        this(dataset, null, options, collate);
    }

    /** {@code DataLoader(iterable_dataset, **options)} with {@link Collate#defaultCollate}. */
    public DataLoader(IterableDataset<T> dataset, DataLoaderOptions options) {
        this(dataset, options, Collate.defaultCollateFn());
    }

    /**
     * {@code DataLoader(iterable_dataset, collate_fn=collate, **options)}: batches of consecutive samples of the
     * stream; shuffle, sampler and batchSampler do not apply. With N workers each reads its own replica (see
     * {@link IterableDataset}), and the workers' batches alternate.
     */
    public DataLoader(IterableDataset<T> dataset, DataLoaderOptions options,
                      Function<? super List<T>, ? extends B> collate) {
        this(null, dataset, options, collate);
    }

    private DataLoader(Dataset<T> dataset, IterableDataset<T> iterableDataset, DataLoaderOptions options,
                       Function<? super List<T>, ? extends B> collate) {
        this.dataset = dataset;
        this.iterableDataset = iterableDataset;
        this.collate = collate;
        numWorkers = options.numWorkers();
        prefetchFactor = options.prefetchFactor();
        timeout = options.timeout();
        generator = options.generator();
        validateWorkers();
        if (iterableDataset != null) {
            if (options.shuffle()) {
                throw new IllegalArgumentException("DataLoader with IterableDataset: expected unspecified shuffle "
                        + "option, but got shuffle=True");
            } else if (options.sampler() != null) {
                throw new IllegalArgumentException("DataLoader with IterableDataset: expected unspecified sampler "
                        + "option, but got sampler=" + options.sampler());
            } else if (options.batchSampler() != null) {
                throw new IllegalArgumentException("DataLoader with IterableDataset: expected unspecified "
                        + "batch_sampler option, but got batch_sampler=" + options.batchSampler());
            }
            BatchSampler.checkBatchSize(options.batchSize());
            batchSize = options.batchSize();
            dropLast = options.dropLast();
            sampler = null;
            batchSampler = null;
            return;
        }
        if (options.sampler() != null && options.shuffle()) {
            throw new IllegalArgumentException("sampler option is mutually exclusive with shuffle");
        }
        if (options.batchSampler() != null) {
            if (options.batchSize() != 1 || options.shuffle() || options.sampler() != null || options.dropLast()) {
                throw new IllegalArgumentException("batch_sampler option is mutually exclusive with batch_size, "
                        + "shuffle, sampler, and drop_last");
            }
            batchSize = 0;
            dropLast = false;
        } else {
            batchSize = options.batchSize();
            dropLast = options.dropLast();
        }
        if (options.sampler() != null) {
            sampler = options.sampler();
        } else if (options.shuffle()) {
            sampler = new RandomSampler(dataset, generator);
        } else {
            sampler = new SequentialSampler(dataset);
        }
        batchSampler = options.batchSampler() != null ? options.batchSampler()
                : new BatchSampler(sampler, batchSize, dropLast);
    }

    private void validateWorkers() {
        if (numWorkers < 0) {
            throw new IllegalArgumentException("num_workers option should be non-negative; use num_workers=0 to "
                    + "disable multiprocessing.");
        }
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout option should be non-negative");
        }
        if (numWorkers == 0 && prefetchFactor != 2) {
            throw new IllegalArgumentException("prefetch_factor option could only be specified in multiprocessing."
                    + "let num_workers > 0 to enable multiprocessing.");
        }
        if (numWorkers == 0 && !timeout.isZero()) {
            throw new IllegalArgumentException("timeout option only applies with num_workers > 0");
        }
        if (prefetchFactor <= 0) {
            throw new IllegalArgumentException("prefetch_factor option should be positive, but got prefetch_factor="
                    + prefetchFactor);
        }
    }

    /** {@code loader.sampler}: the index sampler (null for an IterableDataset). */
    public Sampler<Integer> sampler() {
        return sampler;
    }

    /** {@code loader.batch_sampler}: the sampler of batches (null for an IterableDataset). */
    public Sampler<List<Integer>> batchSampler() {
        return batchSampler;
    }

    /** {@code loader.num_workers}. */
    public int numWorkers() {
        return numWorkers;
    }

    /** {@code loader.prefetch_factor}. */
    public int prefetchFactor() {
        return prefetchFactor;
    }

    /** {@code loader.timeout}. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * {@code len(loader)}: the number of batches per epoch; for an IterableDataset {@code len(dataset)} divided by
     * the batch size (rounded down with dropLast, up without), which throws when the dataset has no length.
     */
    public int len() {
        return iterableDataset != null ? BatchSampler.numBatches(iterableDataset.len(), batchSize, dropLast)
                : batchSampler.len();
    }

    /**
     * {@code iter(loader)}: a new epoch. It first draws the epoch's base seed from the loader's generator (the
     * default one when none was given), as PyTorch does, then the workers (if any) start prefetching.
     */
    @Override
    public DataLoaderIterator<B> iterator() {
        requireOpen();
        // drawn on every epoch, workers or not, because PyTorch does: it moves the generator on before shuffling
        long baseSeed = Seeds.draw(generator == null ? Generator.defaultGenerator() : generator);
        Iterator<List<Integer>> batches = iterableDataset != null
                ? Stream.generate(() -> Collections.nCopies(batchSize, -1)).iterator()
                : batchSampler.iterator();
        Supplier<Fetcher> fetchers = iterableDataset != null
                ? () -> Fetcher.of(iterableDataset, collate, dropLast)
                : () -> Fetcher.of(dataset, collate);
        if (numWorkers == 0) {
            return new SerialIterator<>(this, batches, fetchers.get());
        }
        WorkerIterator<B> epoch = new WorkerIterator<>(this, batches, fetchers, baseSeed, pools);
        if (closed) {
            // close() ran before this epoch's pool was registered, so it could not stop it
            epoch.close();
            requireOpen();
        }
        return epoch;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the DataLoader is closed");
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** Stops the workers of every epoch still running; iterating afterwards throws. Never blocks. */
    @Override
    public void close() {
        closed = true;
        for (WorkerPool pool : pools) {
            pool.shutdown();
        }
    }
}
