package org.torch4j.cuda.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.cuda.Cuda;
import org.torch4j.cuda.CudaAssumptions;

/**
 * float32 matmul at 4096 through cuBLAS: prints the GFLOP/s (2·n³ per product, after warm-up, synchronised) and
 * checks a few entries against float64 dot products on the CPU. No timing is asserted.
 */
class CublasBenchmarkTest {
    private static final int N = 4096;
    private static final int RUNS = 20;

    @BeforeEach
    void gpu() {
        CudaAssumptions.requireGpu();
        Assumptions.assumeTrue(System.getProperty("torch4j.cuda.emulator") == null,
                "the CPU emulation of the CUDA driver has no GFLOP/s worth measuring");
    }

    @Test
    void matmul4096() {
        Torch.manualSeed(7);
        Tensor a = Torch.randn(N, N);
        Tensor b = Torch.randn(N, N);
        Tensor ga = a.cuda();
        Tensor gb = b.cuda();
        Tensor c = ga.mm(gb);
        for (int i = 0; i < 3; i++) {
            c = ga.mm(gb);
        }
        Cuda.synchronize();
        long start = System.nanoTime();
        for (int i = 0; i < RUNS; i++) {
            c = ga.mm(gb);
        }
        Cuda.synchronize();
        double seconds = (System.nanoTime() - start) / 1e9 / RUNS;
        double gflops = 2.0 * N * N * N / seconds / 1e9;
        System.out.printf("cuBLAS sgemm %d x %d x %d on %s: %.3f ms, %.0f GFLOP/s (cuBLAS: %s)%n", N, N, N,
                Cuda.getDeviceName(0), seconds * 1e3, gflops, Blas.unavailableReason() == null ? "in use" : "not loaded, tiled kernel: " + Blas.unavailableReason());
        for (int[] ij : new int[][] {{0, 0}, {17, 4095}, {4095, 123}, {2048, 2048}}) {
            double expected = a.select(0, ij[0]).toDouble().dot(b.select(1, ij[1]).toDouble()).item();
            assertEquals(expected, c.select(0, ij[0]).select(0, ij[1]).item(), 1e-3 * Math.sqrt(N));
        }
    }
}
