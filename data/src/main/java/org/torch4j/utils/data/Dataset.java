package org.torch4j.utils.data;

/**
 * A map-style dataset: samples addressed by an index in {@code [0, len())}; the equivalent of
 * {@code torch.utils.data.Dataset} (with {@code __getitem__} and {@code __len__}).
 *
 * <p>Implementations should accept negative indices counting from the end, as Python indexing does, and throw
 * {@link IndexOutOfBoundsException} for an index out of range. With {@code numWorkers > 0} a {@link DataLoader}
 * calls {@link #getItem} from several threads at once, so it must be safe for concurrent reads.
 *
 * @param <T> the type of a sample
 */
public interface Dataset<T> {
    /** {@code dataset[index]}. */
    T getItem(int index);

    /** {@code len(dataset)}. */
    int len();
}
