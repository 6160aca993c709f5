package org.torch4j.internal.cpu;

import org.torch4j.internal.CpuStorage;

/**
 * The inner loop of the indexing kernels (index_select, gather, scatter, boolean masks): element moves
 * {@code dst[d] = src[s]} (or {@code dst[d] += src[s]} for scatter_add) between two storages of one dtype,
 * collected by storage offset and performed in order, a batch at a time, by one typed loop per dtype.
 * Callers either queue moves ({@link #add}, {@link #run}, then {@link #flush}) or fill {@link #dstOffsets}
 * and {@link #srcOffsets} themselves and call {@link #move}. Contiguous runs of plain copies go straight
 * to {@link System#arraycopy}.
 */
final class MoveBuffer {
    /** The capacity of the offset arrays. */
    static final int BATCH = 512;
    /** Shorter unit-stride runs are batched rather than copied by System.arraycopy. */
    private static final int MIN_ARRAYCOPY = 8;

    /** Destination offsets of the batch. */
    final int[] dstOffsets = new int[BATCH];
    /** Source offsets of the batch. */
    final int[] srcOffsets = new int[BATCH];
    private final CpuStorage dst;
    private final CpuStorage src;
    private final boolean accumulate;
    private int pending;

    /** Moves from src to dst (same dtype); {@code accumulate} adds instead of copying (bool: logical or). */
    MoveBuffer(CpuStorage dst, CpuStorage src, boolean accumulate) {
        this.dst = dst;
        this.src = src;
        this.accumulate = accumulate;
    }

    /** Queues {@code dst[d] = src[s]} (or {@code +=}). */
    void add(int d, int s) {
        dstOffsets[pending] = d;
        srcOffsets[pending] = s;
        if (++pending == BATCH) {
            flush();
        }
    }

    /** Queues a run of n moves: {@code dst[d + i * dStep] = src[s + i * sStep]}. */
    void run(int d, int dStep, int s, int sStep, int n) {
        if (!accumulate && dStep == 1 && sStep == 1 && n >= MIN_ARRAYCOPY) {
            flush();
            System.arraycopy(src.array(), s, dst.array(), d, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            add(d + i * dStep, s + i * sStep);
        }
    }

    /** Performs the queued moves in the order they were queued. */
    void flush() {
        int n = pending;
        pending = 0;
        move(n);
    }

    /** Performs the first n moves of the offset arrays, which the caller filled (with nothing queued). */
    void move(int n) {
        int[] d = dstOffsets;
        int[] s = srcOffsets;
        switch (dst.dtype()) {
            case FLOAT32: {
                float[] o = dst.floats();
                float[] a = src.floats();
                if (accumulate) {
                    for (int i = 0; i < n; i++) {
                        o[d[i]] += a[s[i]];
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        o[d[i]] = a[s[i]];
                    }
                }
                break;
            }
            case FLOAT64: {
                double[] o = dst.doubles();
                double[] a = src.doubles();
                if (accumulate) {
                    for (int i = 0; i < n; i++) {
                        o[d[i]] += a[s[i]];
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        o[d[i]] = a[s[i]];
                    }
                }
                break;
            }
            case INT64: {
                long[] o = dst.longs();
                long[] a = src.longs();
                if (accumulate) {
                    for (int i = 0; i < n; i++) {
                        o[d[i]] += a[s[i]];
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        o[d[i]] = a[s[i]];
                    }
                }
                break;
            }
            case INT32: {
                int[] o = dst.ints();
                int[] a = src.ints();
                if (accumulate) {
                    for (int i = 0; i < n; i++) {
                        o[d[i]] += a[s[i]];
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        o[d[i]] = a[s[i]];
                    }
                }
                break;
            }
            default: {
                boolean[] o = dst.bools();
                boolean[] a = src.bools();
                if (accumulate) {
                    for (int i = 0; i < n; i++) {
                        o[d[i]] |= a[s[i]];
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        o[d[i]] = a[s[i]];
                    }
                }
            }
        }
    }
}
