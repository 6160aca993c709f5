package org.torch4j.internal.cpu;

import org.torch4j.Tensor;

/**
 * The one general strided iterator of the CPU backend: walks a shape over several operands with their own
 * strides (0 for broadcast dims) and hands each innermost run to a {@link Row} callback. Adjacent dims
 * that are contiguous for every operand are merged first, so contiguous tensors are a single run.
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
        int[] own = t.shape();
        int[] ownStrides = t.stride();
        int[] strides = new int[shape.length];
        int lead = shape.length - own.length;
        for (int i = lead; i < shape.length; i++) {
            strides[i] = own[i - lead] == 1 ? 0 : ownStrides[i - lead];
        }
        return strides;
    }

    /** Runs {@code row} over {@code shape} for operands with the given strides and base offsets. */
    static void run(int[] shape, int[][] strides, int[] baseOffsets, Row row) {
        int ops = strides.length;
        int[] dims = new int[shape.length];
        int[][] st = new int[ops][shape.length];
        int nd = 0;
        for (int d = 0; d < shape.length; d++) {
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
        int[] offsets = baseOffsets.clone();
        int[] steps = new int[ops];
        if (nd == 0) {
            row.run(offsets, steps, 1);
            return;
        }
        int inner = dims[nd - 1];
        for (int k = 0; k < ops; k++) {
            steps[k] = st[k][nd - 1];
        }
        int outer = nd - 1;
        int[] counter = new int[Math.max(outer, 1)];
        while (true) {
            row.run(offsets, steps, inner);
            int d = outer - 1;
            while (d >= 0) {
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
                d--;
            }
            if (d < 0) {
                return;
            }
        }
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
