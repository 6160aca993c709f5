package org.torch4j.internal.cpu;

import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * Per-thread scratch arrays by slot, each kept for reuse and replaced by a new (zero) one only when a longer one
 * is asked for: the kernels' packing buffers, padded images and partial sums, with no allocation per call.
 */
final class ThreadScratch<T> {
    private final IntFunction<T> allocate;
    private final ToIntFunction<T> length;
    private final ThreadLocal<Object[]> arrays;

    /** {@code slots} arrays per thread, made by {@code allocate} and measured by {@code length}. */
    ThreadScratch(int slots, IntFunction<T> allocate, ToIntFunction<T> length) {
        this.allocate = allocate;
        this.length = length;
        arrays = ThreadLocal.withInitial(() -> new Object[slots]);
    }

    /** The calling thread's array for the slot, at least {@code minLength} long. */
    @SuppressWarnings("unchecked")
    T get(int slot, int minLength) {
        Object[] mine = arrays.get();
        T array = (T) mine[slot];
        if (array == null || length.applyAsInt(array) < minLength) {
            array = allocate.apply(minLength);
            mine[slot] = array;
        }
        return array;
    }
}
