package org.torch4j.internal.cpu;

import org.torch4j.DType;
import org.torch4j.Tensor;

/**
 * {@code torch.softmax} and {@code torch.log_softmax} over one dim of a contiguous float tensor, seen as
 * (outer, n, inner) with n the size of the dim. Each slice subtracts its max before exponentiating, so large
 * inputs do not overflow. With inner == 1 (the last dim) a slice is one contiguous line; otherwise the
 * slice's n rows of length inner are combined row-wise. Both use the Vector API.
 */
final class Softmax {
    /** The kernels of one dtype, bound to an input and an output array. */
    interface Kernel {
        /** One contiguous line of n elements at off. */
        void line(int off, int n, boolean log);

        /** n rows of {@code inner} contiguous elements, row i at base + i * inner, reduced across rows. */
        void rows(int base, int n, int inner, boolean log);
    }

    private Softmax() {
    }

    /** softmax (or log_softmax) of contiguous float32/float64 x over dim. */
    static Tensor run(Tensor x, int dim, boolean log) {
        int[] shape = x.shape();
        Tensor out = Elementwise.empty(shape, x.dtype());
        int outer = 1;
        int inner = 1;
        for (int d = 0; d < shape.length; d++) {
            if (d < dim) {
                outer *= shape[d];
            } else if (d > dim) {
                inner *= shape[d];
            }
        }
        int n = shape.length == 0 ? 1 : shape[dim];
        int off = x.storageOffset();
        Kernel k = x.dtype() == DType.FLOAT32
                ? new FloatSoftmax(Elementwise.data(x).floats(), Elementwise.data(out).floats(), off, n, inner)
                : new DoubleSoftmax(Elementwise.data(x).doubles(), Elementwise.data(out).doubles(), off, n, inner);
        for (int o = 0; o < outer; o++) {
            if (inner == 1) {
                k.line(o * n, n, log);
            } else {
                k.rows(o * n * inner, n, inner, log);
            }
        }
        return out;
    }
}
