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
        int[] perm = Shapes.innermostFirst(shape, strides);
        int[] out = new int[shape.length];
        int step = 1;
        for (int d : perm) {
            out[d] = step;
            step *= Math.max(shape[d], 1);
        }
        return out;
    }
}
