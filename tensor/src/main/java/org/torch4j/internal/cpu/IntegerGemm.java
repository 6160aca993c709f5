package org.torch4j.internal.cpu;

import org.torch4j.Tensor;
import org.torch4j.internal.CpuStorage;

/**
 * Batched matrix product for int64 and int32 tensors: plain scalar loops over the strides, accumulating in
 * 64 bits; int32 results wrap around on overflow as PyTorch's CPU kernels do.
 */
final class IntegerGemm {
    private IntegerGemm() {
    }

    /** {@code c[t] += a[t] · b[t]} for integer a (B, m, k), b (B, k, n) and c (B, m, n) of one dtype. */
    static void multiply(Tensor a, Tensor b, Tensor c) {
        multiply(a, b, c, 1);
    }

    /** {@code c[t] += alpha * a[t] · b[t]}, as {@link #multiply(Tensor, Tensor, Tensor)}. */
    static void multiply(Tensor a, Tensor b, Tensor c, long alpha) {
        CpuStorage ad = Elementwise.data(a);
        CpuStorage bd = Elementwise.data(b);
        CpuStorage cd = Elementwise.data(c);
        int k = a.size(2);
        int[] as = a.stride();
        int[] bs = b.stride();
        int[] cs = c.stride();
        for (int t = 0; t < c.size(0); t++) {
            for (int i = 0; i < c.size(1); i++) {
                int ai = a.storageOffset() + t * as[0] + i * as[1];
                for (int j = 0; j < c.size(2); j++) {
                    int bj = b.storageOffset() + t * bs[0] + j * bs[2];
                    long sum = 0;
                    for (int p = 0; p < k; p++) {
                        sum += ad.getLong(ai + p * as[2]) * bd.getLong(bj + p * bs[1]);
                    }
                    int ci = c.storageOffset() + t * cs[0] + i * cs[1] + j * cs[2];
                    cd.setLong(ci, cd.getLong(ci) + alpha * sum);
                }
            }
        }
    }
}
