package org.torch4j.internal.cpu;

import java.util.Arrays;
import org.torch4j.Tensor;
import org.torch4j.internal.Parallel;
import org.torch4j.internal.ResultLayout;
import org.torch4j.internal.Shapes;

/**
 * The one general strided iterator of the CPU backend: walks a shape over several operands with their own
 * strides (0 for broadcast dims) and hands each innermost run to a {@link Row} callback. Adjacent dims
 * that are contiguous for every operand are merged first, so contiguous tensors are a single run; unordered
 * runs are first put in the memory order of the output (transposed and permuted layouts then step through
 * memory). Large iterations are split over the intra-op pool ({@link Parallel}); a Row must only write its
 * own elements.
 */
final class StridedLoop {
    /** One innermost run: operand k starts at {@code offsets[k]} and steps by {@code steps[k]}, n times. */
    interface Row {
        void run(int[] offsets, int[] steps, int n);
    }

    private StridedLoop() {
    }

    /** The strides of {@code t} seen from {@code shape} (t broadcast to it: missing or size-1 dims get 0). */
    static int[] broadcastStrides(Tensor t, int[] shape) {
        return ResultLayout.broadcastStrides(t, shape);
    }

    /**
     * Runs {@code row} over {@code shape} for operands with the given strides and base offsets, in parallel
     * chunks when large: rows must write only the elements they are given.
     */
    static void run(int[] shape, int[][] strides, int[] baseOffsets, Row row) {
        run(shape, strides, baseOffsets, row, Parallel.GRAIN_SIZE);
    }

    /** Runs {@code row} in order on the calling thread (for rows that accumulate into shared state). */
    static void runSerial(int[] shape, int[][] strides, int[] baseOffsets, Row row) {
        run(shape, strides, baseOffsets, row, Integer.MAX_VALUE);
    }

    /**
     * Runs {@code row} over {@code shape}, splitting over the intra-op pool only above {@code grain} elements
     * of the iteration (Integer.MAX_VALUE: in order on the calling thread).
     */
    static void run(int[] shape, int[][] strides, int[] baseOffsets, Row row, int grain) {
        int ops = strides.length;
        if (contiguous(shape, strides)) {
            int n = Shapes.numel(shape);
            int[] steps = new int[ops];
            Arrays.fill(steps, 1);
            if (n > 0 && n <= grain) {
                row.run(baseOffsets.clone(), steps, n);
            } else if (n > 0) {
                Parallel.forRange(n, grain, (begin, end) -> row.run(offsets(baseOffsets, begin), steps, end - begin));
            }
            return;
        }
        int[] dims = new int[shape.length];
        int[][] st = new int[ops][shape.length];
        int[] order = grain == Integer.MAX_VALUE ? null : memoryOrder(shape, strides);
        int nd = 0;
        for (int q = 0; q < shape.length; q++) {
            int d = order == null ? q : order[q];
            if (shape[d] == 0) {
                return;
            }
            if (shape[d] == 1) {
                continue;
            }
            if (nd > 0 && mergeable(st, strides, nd - 1, d, shape[d], ops)) {
                dims[nd - 1] *= shape[d];
                for (int k = 0; k < ops; k++) {
                    st[k][nd - 1] = strides[k][d];
                }
                continue;
            }
            dims[nd] = shape[d];
            for (int k = 0; k < ops; k++) {
                st[k][nd] = strides[k][d];
            }
            nd++;
        }
        int inner = nd == 0 ? 1 : dims[nd - 1];
        int[] steps = new int[ops];
        for (int k = 0; k < ops; k++) {
            steps[k] = nd == 0 ? 0 : st[k][nd - 1];
        }
        if (nd <= 1) {
            Parallel.forRange(inner, grain, (begin, end) -> {
                int[] offsets = new int[ops];
                for (int k = 0; k < ops; k++) {
                    offsets[k] = baseOffsets[k] + begin * steps[k];
                }
                row.run(offsets, steps, end - begin);
            });
            return;
        }
        int outerDims = nd - 1;
        int rows = 1;
        for (int d = 0; d < outerDims; d++) {
            rows *= dims[d];
        }
        Parallel.forRange(rows, grain == Integer.MAX_VALUE ? grain : Math.max(1, grain / inner),
                (begin, end) -> runRows(dims, st, outerDims, baseOffsets, steps, inner, begin, end, row));
    }

    /** Whether every operand is row-major contiguous over the shape (the common case: one run, no setup). */
    private static boolean contiguous(int[] shape, int[][] strides) {
        for (int[] st : strides) {
            int expected = 1;
            for (int d = shape.length - 1; d >= 0; d--) {
                if (shape[d] != 1 && st[d] != expected) {
                    return false;
                }
                expected *= shape[d];
            }
        }
        return true;
    }

    /** The base offsets advanced by {@code begin} unit steps. */
    private static int[] offsets(int[] baseOffsets, int begin) {
        int[] offsets = baseOffsets.clone();
        for (int k = 0; k < offsets.length; k++) {
            offsets[k] += begin;
        }
        return offsets;
    }

    /** Runs rows [begin, end) of the outer dims (row-major numbering). */
    private static void runRows(int[] dims, int[][] st, int outerDims, int[] baseOffsets, int[] steps, int inner,
                                int begin, int end, Row row) {
        int ops = baseOffsets.length;
        int[] counter = new int[outerDims];
        int[] offsets = baseOffsets.clone();
        int rest = begin;
        for (int d = outerDims - 1; d >= 0; d--) {
            counter[d] = rest % dims[d];
            rest /= dims[d];
            for (int k = 0; k < ops; k++) {
                offsets[k] += counter[d] * st[k][d];
            }
        }
        for (int r = begin; r < end; r++) {
            row.run(offsets, steps, inner);
            for (int d = outerDims - 1; d >= 0; d--) {
                counter[d]++;
                for (int k = 0; k < ops; k++) {
                    offsets[k] += st[k][d];
                }
                if (counter[d] < dims[d]) {
                    break;
                }
                for (int k = 0; k < ops; k++) {
                    offsets[k] -= st[k][d] * dims[d];
                }
                counter[d] = 0;
            }
        }
    }

    /**
     * The dims ordered by decreasing stride of operand 0 (ties by operand 1), as TensorIterator reorders them,
     * so that the innermost run steps through memory; null when the logical order already does (the usual case).
     */
    private static int[] memoryOrder(int[] shape, int[][] strides) {
        int nd = shape.length;
        boolean sorted = true;
        for (int d = 0, previous = -1; d < nd && sorted; d++) {
            if (shape[d] != 1) {
                sorted = previous < 0 || outerFirst(strides, previous, d) <= 0;
                previous = d;
            }
        }
        if (sorted) {
            return null;
        }
        int[] order = new int[nd];
        for (int d = 0; d < nd; d++) {
            int j = d;
            while (j > 0 && outerFirst(strides, order[j - 1], d) > 0) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = d;
        }
        return order;
    }

    /** Positive when dim b should come before (outside) dim a: a larger |stride| for operand 0, then 1. */
    private static int outerFirst(int[][] strides, int a, int b) {
        for (int k = 0; k < Math.min(2, strides.length); k++) {
            int c = Integer.compare(Math.abs(strides[k][b]), Math.abs(strides[k][a]));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Whether dim d (size n) continues the merged dim m for every operand. */
    private static boolean mergeable(int[][] merged, int[][] strides, int m, int d, int n, int ops) {
        for (int k = 0; k < ops; k++) {
            if (merged[k][m] != strides[k][d] * n) {
                return false;
            }
        }
        return true;
    }
}
