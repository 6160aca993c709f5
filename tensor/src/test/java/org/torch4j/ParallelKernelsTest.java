package org.torch4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Kernels that split work over the intra-op pool give the same bits with one thread as with several, and the
 * parallel reductions agree with a plain double-precision loop.
 */
class ParallelKernelsTest {
    private static final int THREADS = Torch.getNumThreads();

    @AfterEach
    void restore() {
        Torch.setNumThreads(THREADS);
    }

    /** The values of {@code op} computed with 1 thread and with 3 threads. */
    private static float[][] serialAndParallel(Supplier<Tensor> op) {
        Torch.setNumThreads(1);
        float[] serial = op.get().toFloatArray();
        Torch.setNumThreads(3);
        float[] parallel = op.get().toFloatArray();
        return new float[][] {serial, parallel};
    }

    @Test
    void fullReductionsOfLongRuns() {
        Torch.manualSeed(0);
        Tensor x = Torch.randn(1_000_003);
        float[] data = x.toFloatArray();
        double sum = 0;
        float max = Float.NEGATIVE_INFINITY;
        float min = Float.POSITIVE_INFINITY;
        for (float v : data) {
            sum += v;
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        for (Supplier<Tensor> op : List.<Supplier<Tensor>>of(x::sum, x::mean, x::max, x::min)) {
            float[][] r = serialAndParallel(op);
            assertArrayEquals(r[0], r[1]);
        }
        assertEquals(sum, x.sum().item(), 1e-3);
        assertEquals(sum / data.length, x.mean().item(), 1e-9);
        assertEquals(max, x.max().itemFloat());
        assertEquals(min, x.min().itemFloat());
    }

    @Test
    void maxPropagatesNaNFromAnyBlock() {
        Tensor x = Torch.zeros(300_000);
        x.narrow(0, 250_000, 1).fill_(Float.NaN);
        Torch.setNumThreads(2);
        assertEquals(Float.NaN, x.max().itemFloat());
    }

    @Test
    void reductionsOverDimsAndSoftmax() {
        Torch.manualSeed(1);
        Tensor x = Torch.randn(300, 1001);
        for (Supplier<Tensor> op : List.<Supplier<Tensor>>of(() -> x.sum(1), () -> x.sum(0),
                () -> x.amax(new int[] {1}, false), () -> x.softmax(1), () -> x.softmax(0), () -> x.logSoftmax(1))) {
            float[][] r = serialAndParallel(op);
            assertArrayEquals(r[0], r[1]);
        }
    }

    @Test
    void largeMatmulsSplitOverThreads() {
        Torch.manualSeed(2);
        Tensor a = Torch.randn(301, 517);
        Tensor b = Torch.randn(517, 1100);
        for (Supplier<Tensor> op : List.<Supplier<Tensor>>of(() -> a.matmul(b), () -> b.t().matmul(a.t()),
                () -> a.to(DType.FLOAT64).matmul(b.to(DType.FLOAT64)).to(DType.FLOAT32))) {
            float[][] r = serialAndParallel(op);
            assertArrayEquals(r[0], r[1]);
        }
        float[] x = a.toFloatArray();
        float[] y = b.toFloatArray();
        float[] c = a.matmul(b).toFloatArray();
        for (int i = 0; i < 301; i += 37) {
            for (int j = 0; j < 1100; j += 53) {
                double expected = 0;
                for (int p = 0; p < 517; p++) {
                    expected += (double) x[i * 517 + p] * y[p * 1100 + j];
                }
                assertEquals(expected, c[i * 1100 + j], 1e-3, "C[" + i + ", " + j + "]");
            }
        }
    }

    @Test
    void transposedAndPermutedLayouts() {
        Torch.manualSeed(3);
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor a = Torch.randn(70, 45).to(dtype);
            double[] x = a.toDoubleArray();
            double[] t = a.t().contiguous().toDoubleArray();
            double[] kept = a.t().clone().toDoubleArray();
            for (int i = 0; i < 45; i++) {
                for (int j = 0; j < 70; j++) {
                    assertEquals(x[j * 45 + i], t[i * 70 + j], 0.0);
                    assertEquals(x[j * 45 + i], kept[i * 70 + j], 0.0);
                }
            }
            Tensor sliced = Torch.randn(80, 90).to(dtype).narrow(0, 5, 64).t();
            assertArrayEquals(sliced.contiguous().toDoubleArray(), sliced.add(0).toDoubleArray(), 0.0);
        }
        Tensor b = Torch.randn(4, 50, 60);
        float[] y = b.toFloatArray();
        float[] permuted = b.permute(2, 0, 1).add(1).toFloatArray();
        for (int k = 0; k < 60; k++) {
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 50; j++) {
                    assertEquals(y[(i * 50 + j) * 60 + k] + 1, permuted[(k * 4 + i) * 50 + j], 0f);
                }
            }
        }
    }
}
