package org.torch4j.utils.data;

/**
 * An iterable-style dataset: a stream of samples; the equivalent of {@code torch.utils.data.IterableDataset}.
 *
 * <p>A {@link DataLoader} with {@code numWorkers > 0} calls {@link #iterator()} once in every worker thread, so each
 * worker reads its own replica of the stream: use {@link WorkerInfo#current()} inside {@code iterator()} to give each
 * worker its own share, as in PyTorch, or every sample is read once per worker.
 *
 * @param <T> the type of a sample
 */
public interface IterableDataset<T> extends Iterable<T> {
    /**
     * {@code len(dataset)}, where the stream knows it; the default throws, as Python does for an
     * {@code IterableDataset} without {@code __len__}.
     */
    default int len() {
        throw new UnsupportedOperationException("object of type '" + getClass().getSimpleName() + "' has no len()");
    }
}
