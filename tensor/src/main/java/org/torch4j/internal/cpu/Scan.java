package org.torch4j.internal.cpu;

import org.torch4j.Tensor;

/**
 * {@code torch.cumsum} along one dim, one line at a time through {@link StridedLoop}. float32 lines
 * accumulate in float64, as PyTorch's CPU kernel does.
 */
final class Scan {
    private Scan() {
    }

    /** The running sums of x (float32, float64 or int64) along dim, in x's dtype. */
    static Tensor cumsum(Tensor x, int dim) {
        int[] shape = x.shape();
        Tensor out = Elementwise.empty(shape, x.dtype());
        if (shape.length == 0) {
            return Elementwise.copy(out, x);
        }
        int n = shape[dim];
        int is = x.stride()[dim];
        int os = out.stride()[dim];
        int[] lines = shape.clone();
        lines[dim] = 1;
        int[][] strides = {out.stride(), x.stride()};
        int[] offsets = {0, x.storageOffset()};
        switch (x.dtype()) {
            case FLOAT32: {
                float[] a = Elementwise.data(x).floats();
                float[] o = Elementwise.data(out).floats();
                StridedLoop.run(lines, strides, offsets, (off, st, count) -> {
                    for (int i = 0; i < count; i++) {
                        int ao = off[1] + i * st[1];
                        int oo = off[0] + i * st[0];
                        double acc = 0;
                        for (int k = 0; k < n; k++) {
                            acc += a[ao + k * is];
                            o[oo + k * os] = (float) acc;
                        }
                    }
                });
                break;
            }
            case FLOAT64: {
                double[] a = Elementwise.data(x).doubles();
                double[] o = Elementwise.data(out).doubles();
                StridedLoop.run(lines, strides, offsets, (off, st, count) -> {
                    for (int i = 0; i < count; i++) {
                        int ao = off[1] + i * st[1];
                        int oo = off[0] + i * st[0];
                        double acc = 0;
                        for (int k = 0; k < n; k++) {
                            acc += a[ao + k * is];
                            o[oo + k * os] = acc;
                        }
                    }
                });
                break;
            }
            default: {
                long[] a = Elementwise.data(x).longs();
                long[] o = Elementwise.data(out).longs();
                StridedLoop.run(lines, strides, offsets, (off, st, count) -> {
                    for (int i = 0; i < count; i++) {
                        int ao = off[1] + i * st[1];
                        int oo = off[0] + i * st[0];
                        long acc = 0;
                        for (int k = 0; k < n; k++) {
                            acc += a[ao + k * is];
                            o[oo + k * os] = acc;
                        }
                    }
                });
            }
        }
        return out;
    }
}
