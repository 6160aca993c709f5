package org.torch4j.internal.cpu;

import java.util.Arrays;
import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.internal.Parallel;
import org.torch4j.internal.Shapes;

/**
 * {@code torch.softmax} and {@code torch.log_softmax} over one dim of a contiguous float tensor, seen as
 * (outer, n, inner) with n the size of the dim. Each slice subtracts its max before exponentiating, so large
 * inputs do not overflow. With inner == 1 (the last dim) a slice is one contiguous line; otherwise the
 * slice's n rows of length inner are combined row-wise. Both use the Vector API; slices are split over the
 * intra-op pool when large, each chunk with its own kernel (the rows form keeps per-window buffers).
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
        int n = shape.length == 0 ? 1 : shape[dim];
        int inner = shape.length == 0 ? 1 : Shapes.numel(Arrays.copyOfRange(shape, dim + 1, shape.length));
        int outer = x.numel() / (n * inner);
        int off = x.storageOffset();
        int slice = n * inner;
        Parallel.forRange(outer, Math.max(1, Parallel.GRAIN_SIZE / Math.max(1, slice)), (first, end) -> {
            Kernel k = x.dtype() == DType.FLOAT32
                    ? new FloatSoftmax(Elementwise.data(x).floats(), Elementwise.data(out).floats(), off, n, inner)
                    : new DoubleSoftmax(Elementwise.data(x).doubles(), Elementwise.data(out).doubles(), off, n, inner);
            for (int o = first; o < end; o++) {
                if (inner == 1) {
                    k.line(o * slice, n, log);
                } else {
                    k.rows(o * slice, n, inner, log);
                }
            }
        });
        return out;
    }
}
