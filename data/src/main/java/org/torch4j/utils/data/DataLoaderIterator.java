package org.torch4j.utils.data;

import java.util.Iterator;

/**
 * One epoch over a {@link DataLoader} (PyTorch's {@code _BaseDataLoaderIter}). With worker threads,
 * {@link #close()} stops them; an iterator that runs to its end, fails, or becomes unreachable stops them too.
 *
 * @param <B> the batch type
 */
public interface DataLoaderIterator<B> extends Iterator<B>, AutoCloseable {
    /** {@code len(iterator)}: the number of batches of the epoch, as {@link DataLoader#len()}. */
    int len();

    /** Stops the workers of this epoch; further use throws {@link IllegalStateException}. Never blocks. */
    @Override
    void close();
}
