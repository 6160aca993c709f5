package org.torch4j.internal.cpu;

import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.internal.Views;

/**
 * Matrix products on CPU tensors: {@code torch.mm}, {@code torch.bmm}, {@code torch.mv} and {@code torch.dot},
 * with PyTorch's checks and messages in PyTorch's order. Inputs may be any strided views; the result is a new
 * contiguous tensor of the first operand's dtype. float32/float64 run the Vector API kernels, int64/int32
 * a scalar loop; bool is not implemented, as in PyTorch.
 */
final class Linalg {
    private Linalg() {
    }

    static Tensor mm(Tensor a, Tensor b) {
        if (a.dim() != 2) {
            throw new IllegalArgumentException("self must be a matrix");
        }
        if (b.dim() != 2) {
            throw new IllegalArgumentException("mat2 must be a matrix");
        }
        if (a.size(1) != b.size(0)) {
            throw new IllegalArgumentException("mat1 and mat2 shapes cannot be multiplied (" + a.size(0) + "x" + a.size(1)
                    + " and " + b.size(0) + "x" + b.size(1) + ")");
        }
        Tensor out = Elementwise.empty(new int[] {a.size(0), b.size(1)}, a.dtype());
        if (out.numel() > 0 && a.size(1) > 0) {
            checkDTypes("addmm_impl_cpu_", a, b);
            if (a.dtype().isFloatingPoint()) {
                gemm(a, b, out);
            } else {
                gemm(Views.unsqueeze(a, 0), Views.unsqueeze(b, 0), Views.unsqueeze(out, 0));
            }
        }
        return out;
    }

    static Tensor bmm(Tensor a, Tensor b) {
        if (a.dim() != 3) {
            throw new IllegalArgumentException("batch1 must be a 3D tensor");
        }
        if (b.dim() != 3) {
            throw new IllegalArgumentException("batch2 must be a 3D tensor");
        }
        if (b.size(0) != a.size(0) || b.size(1) != a.size(2)) {
            throw new IllegalArgumentException("Expected size for first two dimensions of batch2 tensor to be: ["
                    + a.size(0) + ", " + a.size(2) + "] but got: [" + b.size(0) + ", " + b.size(1) + "].");
        }
        Tensor out = Elementwise.empty(new int[] {a.size(0), a.size(1), b.size(2)}, a.dtype());
        if (out.numel() > 0 && a.size(2) > 0) {
            checkDTypes("bmm", a, b);
            gemm(a, b, out);
        }
        return out;
    }

    static Tensor mv(Tensor a, Tensor v) {
        if (a.dim() == 0) {
            throw new IndexOutOfBoundsException("Dimension specified as 0 but tensor has no dimensions");
        }
        if (a.dim() != 2 || v.dim() != 1) {
            throw new IllegalArgumentException("vector + matrix @ vector expected, got 1, " + a.dim() + ", " + v.dim());
        }
        if (a.size(1) != v.size(0)) {
            throw new IllegalArgumentException("size mismatch, got " + a.size(0) + ", " + a.size(0) + "x" + a.size(1)
                    + "," + v.size(0));
        }
        Tensor out = Elementwise.empty(new int[] {a.size(0)}, a.dtype());
        if (out.numel() == 0 || a.size(1) == 0) {
            return out;
        }
        checkDTypes("addmv_impl_cpu", a, v);
        switch (a.dtype()) {
            case FLOAT32: FloatMatVec.mv(a, v, out); break;
            case FLOAT64: DoubleMatVec.mv(a, v, out); break;
            default: IntegerGemm.multiply(Views.unsqueeze(a, 0), column(v), column(out));
        }
        return out;
    }

    static Tensor dot(Tensor a, Tensor b) {
        if (a.dim() != 1 || b.dim() != 1) {
            throw new IllegalArgumentException("1D tensors expected, but got " + a.dim() + "D and " + b.dim() + "D tensors");
        }
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException("dot : expected both vectors to have same dtype, but found "
                    + a.dtype().scalarTypeName() + " and " + b.dtype().scalarTypeName());
        }
        if (a.size(0) != b.size(0)) {
            throw new IllegalArgumentException("inconsistent tensor size, expected tensor [" + a.size(0) + "] and src ["
                    + b.size(0) + "] to have the same number of elements, but got " + a.size(0) + " and " + b.size(0)
                    + " elements respectively");
        }
        checkDTypes("dot", a, b);
        Tensor out = Elementwise.empty(new int[0], a.dtype());
        switch (a.dtype()) {
            case FLOAT32: Elementwise.data(out).floats()[0] = FloatMatVec.dot(a, b); break;
            case FLOAT64: Elementwise.data(out).doubles()[0] = DoubleMatVec.dot(a, b); break;
            default: IntegerGemm.multiply(Views.unsqueeze(Views.unsqueeze(a, 0), 0), column(b), column(out));
        }
        return out;
    }

    /** A vector (or 0-dim tensor) as a batch of one column matrix. */
    private static Tensor column(Tensor v) {
        Tensor c = v.dim() == 0 ? Views.unsqueeze(v, 0) : v;
        return Views.unsqueeze(Views.unsqueeze(c, 1), 0);
    }

    /** PyTorch's dtype checks of the CPU kernels: bool is not dispatched, and the second operand must match. */
    private static void checkDTypes(String kernel, Tensor a, Tensor b) {
        if (a.dtype() == DType.BOOL) {
            throw new IllegalArgumentException("\"" + kernel + "\" not implemented for 'Bool'");
        }
        if (b.dtype() != a.dtype()) {
            throw new IllegalArgumentException("expected scalar type " + a.dtype().scalarTypeName() + " but found "
                    + b.dtype().scalarTypeName());
        }
    }

    /** c[t] += a[t] · b[t] for 3-d operands of one dtype (float32/float64 also take matrices: c += a · b). */
    private static void gemm(Tensor a, Tensor b, Tensor c) {
        switch (a.dtype()) {
            case FLOAT32: FloatGemm.multiply(a, b, c); break;
            case FLOAT64: DoubleGemm.multiply(a, b, c); break;
            default: IntegerGemm.multiply(a, b, c);
        }
    }
}
