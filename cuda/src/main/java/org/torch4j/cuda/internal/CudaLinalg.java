package org.torch4j.cuda.internal;

import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.internal.OpChecks;
import org.torch4j.internal.Views;

/**
 * Matrix products on CUDA tensors: {@code torch.mm}, {@code bmm}, {@code mv} and {@code dot}, all as batched
 * products of 3-d views. float32/float64 go to cuBLAS (strided batched GEMM, FP32/FP64 math: no TF32, as
 * PyTorch 1.13's default) and int64/int32 (which cuBLAS lacks) to the tiled kernel of gemm.cu, which also
 * stands in for cuBLAS where libcublas cannot be loaded. The result is a new contiguous tensor of the first
 * operand's dtype.
 */
final class CudaLinalg {
    private static final int TILE = 16;
    private static final int MAX_GRID = 65535;

    private CudaLinalg() {
    }

    static Tensor mm(Tensor a, Tensor b) {
        OpChecks.mm(a, b);
        Tensor out = CudaElementwise.empty(a.device(), new int[] {a.size(0), b.size(1)}, a.dtype());
        if (out.numel() > 0 && a.size(1) > 0) {
            OpChecks.matmulDTypes("addmm_cuda", a, b);
            gemm(Views.unsqueeze(a, 0), Views.unsqueeze(b, 0), Views.unsqueeze(out, 0));
        }
        return out;
    }

    static Tensor bmm(Tensor a, Tensor b) {
        OpChecks.bmm(a, b);
        Tensor out = CudaElementwise.empty(a.device(), new int[] {a.size(0), a.size(1), b.size(2)}, a.dtype());
        if (out.numel() > 0 && a.size(2) > 0) {
            OpChecks.matmulDTypes("bmm_cuda", a, b);
            gemm(a, b, out);
        }
        return out;
    }

    static Tensor mv(Tensor a, Tensor v) {
        OpChecks.mv(a, v);
        Tensor out = CudaElementwise.empty(a.device(), new int[] {a.size(0)}, a.dtype());
        if (out.numel() > 0 && a.size(1) > 0) {
            OpChecks.matmulDTypes("addmv_impl_cuda", a, v);
            gemm(Views.unsqueeze(a, 0), column(v), column(out));
        }
        return out;
    }

    static Tensor dot(Tensor a, Tensor b) {
        OpChecks.dot(a, b);
        OpChecks.matmulDTypes("dot", a, b);
        Tensor out = CudaElementwise.empty(a.device(), new int[0], a.dtype());
        if (a.size(0) > 0) {
            gemm(Views.unsqueeze(Views.unsqueeze(a, 0), 0), column(b), column(out));
        }
        return out;
    }

    /** A vector (or 0-dim tensor) as a batch of one column matrix. */
    private static Tensor column(Tensor v) {
        Tensor c = v.dim() == 0 ? Views.unsqueeze(v, 0) : v;
        return Views.unsqueeze(Views.unsqueeze(c, 1), 0);
    }

    /** c[z] = a[z]·b[z] for 3-d operands of one dtype; c is contiguous. */
    private static void gemm(Tensor a, Tensor b, Tensor c) {
        DeviceContext device = CudaRuntime.context(a.device());
        Blas blas = a.dtype().isFloatingPoint() ? Blas.of(device) : null;
        if (blas == null) {
            tiled(device, a, b, c);
            return;
        }
        int batches = a.size(0);
        int n = a.size(1);
        int k = a.size(2);
        int m = b.size(2);
        GemmPlan.Operand x = GemmPlan.of(k, m, b.stride(1), b.stride(2));
        if (x == null) {
            b = CudaElementwise.clone(b, true);
            x = GemmPlan.of(k, m, b.stride(1), b.stride(2));
        }
        GemmPlan.Operand y = GemmPlan.of(n, k, a.stride(1), a.stride(2));
        if (y == null) {
            a = CudaElementwise.clone(a, true);
            y = GemmPlan.of(n, k, a.stride(1), a.stride(2));
        }
        device.enter();
        blas.gemm(a.dtype() == DType.FLOAT64, x, y, m, n, k, batches, pointer(b), batchStride(b), pointer(a),
                batchStride(a), pointer(c), batchStride(c));
    }

    private static jcuda.Pointer pointer(Tensor t) {
        return ((CudaStorage) t.storage()).pointer(t.storageOffset());
    }

    private static long batchStride(Tensor t) {
        return t.size(0) == 1 ? 0 : t.stride(0);
    }

    /** The gemm.cu kernel: any strides, 16×16 tiles, the batch over the grid's z. */
    private static void tiled(DeviceContext device, Tensor a, Tensor b, Tensor c) {
        int batches = a.size(0);
        int n = a.size(1);
        int k = a.size(2);
        int m = b.size(2);
        int[] grid = {(m + TILE - 1) / TILE, Math.min(MAX_GRID, (n + TILE - 1) / TILE), Math.min(MAX_GRID, batches)};
        String suffix = a.dtype() == DType.INT32 ? "i32" : CudaElementwise.suffix(a.dtype());
        device.launch("gemm", "gemm_" + suffix, grid, new int[] {TILE, TILE, 1}, n, m, k, batches,
                Iter.address(a), a.stride(1), a.stride(2), (long) a.stride(0),
                Iter.address(b), b.stride(1), b.stride(2), (long) b.stride(0),
                Iter.address(c), c.stride(1), c.stride(2), (long) c.stride(0));
    }
}
