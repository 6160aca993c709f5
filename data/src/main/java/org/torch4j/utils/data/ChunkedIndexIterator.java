package org.torch4j.utils.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.IntFunction;

/**
 * Yields the indices of a fixed number of chunks, drawing each chunk only when the previous one is used up, as the
 * {@code yield from} loops of PyTorch's samplers do: the random stream is consumed at the same moments (the first
 * chunk on the first {@code hasNext()}, even an empty last chunk when the end is reached).
 */
final class ChunkedIndexIterator implements Iterator<Integer> {
    private final int chunks;
    private final IntFunction<long[]> chunk;
    private int drawn;
    private long[] current = new long[0];
    private int position;

    /** Iterates over {@code chunk.apply(0)}, then {@code chunk.apply(1)}, ... up to {@code chunks - 1}. */
    ChunkedIndexIterator(int chunks, IntFunction<long[]> chunk) {
        this.chunks = chunks;
        this.chunk = chunk;
    }

    @Override
    public boolean hasNext() {
        while (position == current.length && drawn < chunks) {
            current = chunk.apply(drawn++);
            position = 0;
        }
        return position < current.length;
    }

    @Override
    public Integer next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return (int) current[position++];
    }
}
