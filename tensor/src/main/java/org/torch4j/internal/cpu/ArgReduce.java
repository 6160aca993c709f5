package org.torch4j.internal.cpu;

import org.torch4j.DType;
import org.torch4j.Tensor;

/**
 * The values and int64 indices of the largest or smallest element along one dim ({@code torch.max(x, dim)},
 * {@code torch.argmax}): ties give the first index and a NaN wins over every number (the first NaN), as in
 * PyTorch. Floating runs find the extreme with the vector loops of {@link FloatReduce}/{@link DoubleReduce},
 * then the first index holding it.
 */
final class ArgReduce {
    private ArgReduce() {
    }

    /**
     * {values, indices}, both shaped as {@link ReductionPlan#keepShape}, for x of float32, float64 or int64
     * and a plan over a single non-empty dim.
     */
    static Tensor[] reduce(boolean max, Tensor x, ReductionPlan p) {
        Tensor values = Elementwise.empty(p.keepShape, x.dtype());
        Tensor indices = Elementwise.empty(p.keepShape, DType.INT64);
        long[] index = Elementwise.data(indices).longs();
        int stride = p.innerStride;
        int n = p.innerSize;
        switch (x.dtype()) {
            case FLOAT32: {
                float[] in = Elementwise.data(x).floats();
                float[] out = Elementwise.data(values).floats();
                p.forEachOutput((off, st, count) -> {
                    for (int i = 0; i < count; i++) {
                        int base = off[1] + i * st[1];
                        int k = floatIndex(max, in, base, stride, n);
                        out[off[0] + i * st[0]] = in[base + k * stride];
                        index[off[0] + i * st[0]] = k;
                    }
                });
                break;
            }
            case FLOAT64: {
                double[] in = Elementwise.data(x).doubles();
                double[] out = Elementwise.data(values).doubles();
                p.forEachOutput((off, st, count) -> {
                    for (int i = 0; i < count; i++) {
                        int base = off[1] + i * st[1];
                        int k = doubleIndex(max, in, base, stride, n);
                        out[off[0] + i * st[0]] = in[base + k * stride];
                        index[off[0] + i * st[0]] = k;
                    }
                });
                break;
            }
            case INT64: {
                long[] in = Elementwise.data(x).longs();
                long[] out = Elementwise.data(values).longs();
                p.forEachOutput((off, st, count) -> {
                    for (int i = 0; i < count; i++) {
                        int base = off[1] + i * st[1];
                        int k = longIndex(max, in, base, stride, n);
                        out[off[0] + i * st[0]] = in[base + k * stride];
                        index[off[0] + i * st[0]] = k;
                    }
                });
                break;
            }
            default: throw new IllegalStateException("ArgReduce needs float32, float64 or int64, got " + x.dtype());
        }
        return new Tensor[] {values, indices};
    }

    private static int floatIndex(boolean max, float[] a, int off, int stride, int n) {
        float m = (float) FloatReduce.run(max ? ReduceKind.MAX : ReduceKind.MIN, a, off, stride, n);
        boolean nan = Float.isNaN(m);
        int k = 0;
        while (k < n - 1 && (nan ? !Float.isNaN(a[off + k * stride]) : a[off + k * stride] != m)) {
            k++;
        }
        return k;
    }

    private static int doubleIndex(boolean max, double[] a, int off, int stride, int n) {
        double m = DoubleReduce.run(max ? ReduceKind.MAX : ReduceKind.MIN, a, off, stride, n);
        boolean nan = Double.isNaN(m);
        int k = 0;
        while (k < n - 1 && (nan ? !Double.isNaN(a[off + k * stride]) : a[off + k * stride] != m)) {
            k++;
        }
        return k;
    }

    private static int longIndex(boolean max, long[] a, int off, int stride, int n) {
        int best = 0;
        long m = a[off];
        for (int k = 1; k < n; k++) {
            long v = a[off + k * stride];
            if (max ? v > m : v < m) {
                m = v;
                best = k;
            }
        }
        return best;
    }
}
