package org.torch4j.internal;

import org.torch4j.Tensor;

/**
 * The strides of a new elementwise result, shared by every backend: laid out like its inputs, as PyTorch's
 * TensorIterator does (contiguous inputs give a contiguous result, a transposed input a transposed one).
 */
public final class ResultLayout {
    private ResultLayout() {
    }

    /** The strides of {@code t} seen from {@code shape} (t broadcast to it: missing or size-1 dims get 0). */
    public static int[] broadcastStrides(Tensor t, int[] shape) {
        int[] own = t.shape();
        int[] ownStrides = t.stride();
        int[] strides = new int[shape.length];
        int lead = shape.length - own.length;
        for (int i = lead; i < shape.length; i++) {
            strides[i] = own[i - lead] == 1 ? 0 : ownStrides[i - lead];
        }
        return strides;
    }

    /** Dense strides for a result of {@code shape} whose dim order follows the inputs'. */
    public static int[] strides(int[] shape, Tensor... inputs) {
        int[][] strides = new int[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            strides[i] = broadcastStrides(inputs[i], shape);
        }
        int[] perm = innermostFirst(shape, strides);
        int[] out = new int[shape.length];
        int step = 1;
        for (int d : perm) {
            out[d] = step;
            step *= Math.max(shape[d], 1);
        }
        return out;
    }

    /**
     * The dims ordered innermost first by the inputs' strides (TensorIterator's reorder_dimensions): the first
     * input with unequal non-zero strides for two dims decides their order; equal strides put the smaller size
     * inside; broadcast dims (stride 0) leave the decision to the next input.
     */
    private static int[] innermostFirst(int[] shape, int[][] strides) {
        int nd = shape.length;
        int[] perm = new int[nd];
        for (int i = 0; i < nd; i++) {
            perm[i] = nd - 1 - i;
        }
        for (int i = 1; i < nd; i++) {
            int dim1 = i;
            for (int dim0 = i - 1; dim0 >= 0; dim0--) {
                int comparison = shouldSwap(shape, strides, perm[dim0], perm[dim1]);
                if (comparison > 0) {
                    int t = perm[dim0];
                    perm[dim0] = perm[dim1];
                    perm[dim1] = t;
                    dim1 = dim0;
                } else if (comparison < 0) {
                    break;
                }
            }
        }
        return perm;
    }

    private static int shouldSwap(int[] shape, int[][] strides, int dim0, int dim1) {
        for (int[] s : strides) {
            int s0 = s[dim0];
            int s1 = s[dim1];
            if (s0 == 0 || s1 == 0) {
                continue;
            }
            if (s0 != s1) {
                return s0 < s1 ? -1 : 1;
            }
            if (shape[dim0] > shape[dim1]) {
                return 1;
            }
        }
        return 0;
    }
}
