package org.torch4j.cuda.internal;

import jcuda.CudaException;
import jcuda.Pointer;
import jcuda.jcublas.JCublas2;
import jcuda.jcublas.cublasHandle;
import jcuda.jcublas.cublasOperation;

/**
 * cuBLAS through JCublas: one handle per device, on the default stream. libcublas.so.12 (CUDA 12.x) is loaded
 * on first use; where it is missing, {@link #of} answers null and the matrix products run the built-in tiled
 * kernel instead.
 */
final class Blas {
    private static final Object LOCK = new Object();
    private static String unavailableReason;

    private final cublasHandle handle;

    private Blas(cublasHandle handle) {
        this.handle = handle;
    }

    /** The cuBLAS handle of a device, created on first use, or null where cuBLAS cannot be loaded. */
    static Blas of(DeviceContext device) {
        synchronized (LOCK) {
            if (unavailableReason != null) {
                return null;
            }
            Blas blas = device.blas();
            if (blas == null) {
                try {
                    device.enter();
                    JCublas2.setExceptionsEnabled(true);
                    cublasHandle h = new cublasHandle();
                    JCublas2.cublasCreate(h);
                    blas = new Blas(h);
                    device.setBlas(blas);
                } catch (LinkageError | CudaException e) {
                    unavailableReason = e.toString();
                    return null;
                }
            }
            return blas;
        }
    }

    /** Why cuBLAS is not used, or null (also before the first product). */
    static String unavailableReason() {
        synchronized (LOCK) {
            return unavailableReason;
        }
    }

    /**
     * Column-major strided batched GEMM, C[z] = op(X[z])·op(Y[z]) (m×k times k×n), for float32 or float64
     * (pointers into device memory).
     */
    void gemm(boolean float64, GemmPlan.Operand x, GemmPlan.Operand y, int m, int n, int k, int batches,
              Pointer xData, long xBatch, Pointer yData, long yBatch, Pointer cData, long cBatch) {
        int opX = x.transpose ? cublasOperation.CUBLAS_OP_T : cublasOperation.CUBLAS_OP_N;
        int opY = y.transpose ? cublasOperation.CUBLAS_OP_T : cublasOperation.CUBLAS_OP_N;
        int ldc = Math.max(1, m);
        if (float64) {
            JCublas2.cublasDgemmStridedBatched(handle, opX, opY, m, n, k, Pointer.to(new double[] {1}),
                    xData, x.ld, xBatch, yData, y.ld, yBatch,
                    Pointer.to(new double[] {0}), cData, ldc, cBatch, batches);
        } else {
            JCublas2.cublasSgemmStridedBatched(handle, opX, opY, m, n, k, Pointer.to(new float[] {1}),
                    xData, x.ld, xBatch, yData, y.ld, yBatch,
                    Pointer.to(new float[] {0}), cData, ldc, cBatch, batches);
        }
    }
}
