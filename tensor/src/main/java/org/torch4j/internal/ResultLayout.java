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
        int[] own = TensorAccess.shape(t);
        int[] ownStrides = TensorAccess.strides(t);
        int[] strides = new int[shape.length];
        int lead = shape.length - own.length;
        for (int i = lead; i < shape.length; i++) {
            strides[i] = own[i - lead] == 1 ? 0 : ownStrides[i - lead];
        }
        return strides;
    }

    /** Dense strides for a result of {@code shape} whose dim order follows the inputs'. */
    public static int[] strides(int[] shape, Tensor... inputs) {
        if (plainLayout(shape, inputs)) {
            return Shapes.contiguousStrides(shape);
        }
        int[][] strides = new int[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            strides[i] = broadcastStrides(inputs[i], shape);
        }
        int[] perm = Shapes.innermostFirst(shape, strides);
        int[] out = new int[shape.length];
        int step = 1;
        for (int d : perm) {
            out[d] = step;
            step *= Math.max(shape[d], 1);
        }
        return out;
    }

    /**
     * Whether every input is contiguous with exactly {@code shape}, which has no dim of size 1: then the inputs'
     * strides order the dims naturally and the result is plainly contiguous (the common case, decided without
     * computing strides).
     */
    private static boolean plainLayout(int[] shape, Tensor... inputs) {
        for (int size : shape) {
            if (size == 1) {
                return false;
            }
        }
        for (Tensor t : inputs) {
            int[] own = TensorAccess.shape(t);
            if (own.length != shape.length || !Shapes.isContiguous(own, TensorAccess.strides(t))) {
                return false;
            }
            for (int d = 0; d < shape.length; d++) {
                if (own[d] != shape[d]) {
                    return false;
                }
            }
        }
        return true;
    }
}
