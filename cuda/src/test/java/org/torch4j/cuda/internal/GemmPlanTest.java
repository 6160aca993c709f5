package org.torch4j.cuda.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.torch4j.Tensor;
import org.torch4j.Torch;

/**
 * The row-major to column-major mapping of the cuBLAS products, checked without a GPU: a column-major GEMM
 * written out in Java is fed exactly what CudaLinalg gives cuBLAS (operands swapped, transposes and leading
 * dimensions from GemmPlan, raw storage with offsets) and must give torch.mm's result.
 */
class GemmPlanTest {
    /** cuBLAS's column-major C = op(X)·op(Y): X is m×k after op, Y k×n, C m×n with leading dimension ldc. */
    private static float[] columnMajorGemm(GemmPlan.Operand x, float[] xs, int xo, GemmPlan.Operand y, float[] ys, int yo,
                                           int m, int n, int k) {
        float[] c = new float[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double acc = 0;
                for (int p = 0; p < k; p++) {
                    float xv = x.transpose ? xs[xo + p + i * x.ld] : xs[xo + i + p * x.ld];
                    float yv = y.transpose ? ys[yo + j + p * y.ld] : ys[yo + p + j * y.ld];
                    acc += xv * yv;
                }
                c[i + j * Math.max(1, m)] = (float) acc;
            }
        }
        return c;
    }

    private static void check(Tensor a, Tensor b) {
        int n = a.size(0);
        int k = a.size(1);
        int m = b.size(1);
        GemmPlan.Operand x = GemmPlan.of(k, m, b.stride(0), b.stride(1));
        GemmPlan.Operand y = GemmPlan.of(n, k, a.stride(0), a.stride(1));
        assertNotNull(x);
        assertNotNull(y);
        float[] bs = (float[]) ((org.torch4j.internal.CpuStorage) b.storage()).array();
        float[] as = (float[]) ((org.torch4j.internal.CpuStorage) a.storage()).array();
        float[] c = columnMajorGemm(x, bs, b.storageOffset(), y, as, a.storageOffset(), m, n, k);
        assertArrayEquals(a.mm(b).toFloatArray(), c, 1e-4f);
    }

    @Test
    void everyRowOrColumnMajorLayoutMapsToCublas() {
        Torch.manualSeed(3);
        Tensor a = Torch.randn(5, 7);
        Tensor b = Torch.randn(7, 4);
        check(a, b);
        check(Torch.randn(7, 5).t(), b);
        check(a, Torch.randn(4, 7).t());
        check(Torch.randn(7, 5).t(), Torch.randn(4, 7).t());
        check(Torch.randn(6, 9).slice(0, 1, 6).slice(1, 2, 9), Torch.randn(8, 10).slice(0, 1, 8).slice(1, 3, 7));
        check(Torch.randn(1, 7), b);
        check(a, Torch.randn(7, 1));
        check(Torch.randn(5, 1), Torch.randn(1, 4));
        check(Torch.randn(9, 3).slice(0, 0, 9, 2).t(), Torch.randn(5, 3));
    }

    @Test
    void layoutsWithoutAUnitStrideNeedACopy() {
        assertNull(GemmPlan.of(3, 4, 8, 2));
        assertNull(GemmPlan.of(3, 4, 4, 0));
    }
}
