package org.torch4j.utils.data;

import java.util.NoSuchElementException;

/**
 * The part of an epoch's iterator that does not depend on threads: one batch of look-ahead for {@code hasNext()},
 * the end, and the closed state.
 *
 * @param <B> the batch type
 */
abstract class LoaderIterator<B> implements DataLoaderIterator<B> {
    private final DataLoader<?, B> loader;
    private Object buffered;
    private boolean hasBuffered;
    private boolean exhausted;
    private boolean closed;

    LoaderIterator(DataLoader<?, B> loader) {
        this.loader = loader;
    }

    /** The next batch, or {@link Fetcher#END} at the end of the epoch. */
    abstract Object nextData();

    /** Stops whatever runs for this epoch; idempotent. */
    abstract void release();

    @Override
    public final boolean hasNext() {
        if (closed || loader.isClosed()) {
            throw new IllegalStateException(closed ? "this DataLoader iterator is closed" : "the DataLoader is closed");
        }
        if (!hasBuffered && !exhausted) {
            Object data = nextData();
            if (data == Fetcher.END) {
                exhausted = true;
                release();
            } else {
                buffered = data;
                hasBuffered = true;
            }
        }
        return hasBuffered;
    }

    @Override
    @SuppressWarnings("unchecked")
    public final B next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the DataLoader epoch is over");
        }
        B batch = (B) buffered;
        buffered = null;
        hasBuffered = false;
        return batch;
    }

    @Override
    public final int len() {
        return loader.len();
    }

    @Override
    public final void close() {
        closed = true;
        buffered = null;
        hasBuffered = false;
        release();
    }
}
