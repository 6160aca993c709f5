package org.torch4j.internal.cpu;

import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.internal.Parallel;
import org.torch4j.internal.TensorAccess;

/**
 * A fused elementwise pass over two operands of one shape (ATen's fused backward formulas such as {@code
 * threshold_backward} and {@code sigmoid_backward}): when both are contiguous and of one floating dtype, a row
 * kernel of that dtype runs over their arrays into a new result, split over the intra-op pool above ATen's grain
 * size; other layouts and dtypes are left to the caller.
 */
final class FusedBinary {
    /** o[oo + i] = f(a[ao + i], b[bo + i]) for i below n, on float32 arrays. */
    interface FloatRow {
        void run(float[] a, int ao, float[] b, int bo, float[] o, int oo, int n);
    }

    /** {@link FloatRow} on float64 arrays. */
    interface DoubleRow {
        void run(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n);
    }

    private FusedBinary() {
    }

    /**
     * The new result of the row kernel of a's dtype over a and b (of a's shape), or null when they are not both
     * contiguous float32 or float64 operands of one dtype.
     */
    static Tensor apply(Tensor a, Tensor b, FloatRow floats, DoubleRow doubles) {
        boolean plain = a.isContiguous() && b.isContiguous() && b.dtype() == a.dtype();
        if (!plain || a.dtype() != DType.FLOAT32 && a.dtype() != DType.FLOAT64) {
            return null;
        }
        Tensor out = Elementwise.empty(TensorAccess.shape(a), a.dtype());
        int ao = a.storageOffset();
        int bo = b.storageOffset();
        if (a.dtype() == DType.FLOAT32) {
            float[] x = Elementwise.data(a).floats();
            float[] y = Elementwise.data(b).floats();
            float[] o = Elementwise.data(out).floats();
            Parallel.forRange(out.numel(), Parallel.GRAIN_SIZE,
                (begin, end) -> floats.run(x, ao + begin, y, bo + begin, o, begin, end - begin));
        } else {
            double[] x = Elementwise.data(a).doubles();
            double[] y = Elementwise.data(b).doubles();
            double[] o = Elementwise.data(out).doubles();
            Parallel.forRange(out.numel(), Parallel.GRAIN_SIZE,
                (begin, end) -> doubles.run(x, ao + begin, y, bo + begin, o, begin, end - begin));
        }
        return out;
    }
}
