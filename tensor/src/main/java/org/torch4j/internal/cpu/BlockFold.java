package org.torch4j.internal.cpu;

import org.torch4j.internal.Parallel;

/**
 * Folds one long contiguous run block by block, the blocks split over the intra-op pool: each block's result
 * lands in its own slot, then the slots are combined in block order on the calling thread, so the result does
 * not depend on the number of threads (a float sum gives the same bits as the serial block loop).
 */
final class BlockFold {
    /** Runs shorter than this many elements are folded on the calling thread. */
    static final int PARALLEL_MIN = 2 * Parallel.GRAIN_SIZE;

    /** The fold of the block of {@code length} elements starting {@code start} elements into the run. */
    interface Block {
        double fold(int start, int length);
    }

    private BlockFold() {
    }

    /** The combination, in order, of the folds of the blocks of {@code block} elements covering n elements. */
    static double fold(ReduceKind kind, int n, int block, Block f) {
        int blocks = (n + block - 1) / block;
        double[] parts = new double[blocks];
        Parallel.forRange(blocks, Math.max(1, Parallel.GRAIN_SIZE / block), (first, end) -> {
            for (int k = first; k < end; k++) {
                int start = k * block;
                parts[k] = f.fold(start, Math.min(block, n - start));
            }
        });
        double acc = kind.identity();
        for (double p : parts) {
            acc = kind.combine(acc, p);
        }
        return acc;
    }
}
