package org.torch4j.internal.cpu;

import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.internal.CpuStorage;
import org.torch4j.internal.OpChecks;
import org.torch4j.internal.ResultLayout;
import org.torch4j.internal.TensorAccess;
import org.torch4j.internal.Views;

/**
 * Matrix products on CPU tensors: {@code torch.mm}, {@code torch.addmm}, {@code torch.bmm}, {@code torch.mv} and
 * {@code torch.dot},
 * with PyTorch's checks and messages in PyTorch's order. Inputs may be any strided views; the result is a new
 * contiguous tensor of the first operand's dtype. float32/float64 run the Vector API kernels, int64/int32
 * a scalar loop; bool is not implemented, as in PyTorch.
 */
final class Linalg {
    private Linalg() {
    }

    static Tensor mm(Tensor a, Tensor b) {
        OpChecks.mm(a, b);
        Tensor out = Elementwise.empty(new int[] {a.size(0), b.size(1)}, a.dtype());
        if (out.numel() > 0 && a.size(1) > 0) {
            OpChecks.matmulDTypes("addmm_impl_cpu_", a, b);
            if (a.dtype().isFloatingPoint()) {
                gemm(a, b, out);
            } else {
                gemm(Views.unsqueeze(a, 0), Views.unsqueeze(b, 0), Views.unsqueeze(out, 0));
            }
        }
        return out;
    }

    /**
     * {@code beta * self + alpha * (a · b)} with self broadcast to the product's shape: the result starts as the
     * broadcast (scaled) self and the GEMM adds the scaled product into it. As in BLAS, a zero beta ignores self
     * and a zero alpha the product (NaN and infinity included); integer results take the factors truncated.
     */
    static Tensor addmm(Tensor self, Tensor a, Tensor b, double beta, double alpha) {
        OpChecks.addmm(self, a, b);
        int[] shape = {a.size(0), b.size(1)};
        if (!broadcastsTo(TensorAccess.shape(self), shape)) {
            self.expand(shape); // PyTorch's error for a self that does not broadcast to the product
        }
        Tensor out = Elementwise.empty(shape, a.dtype());
        OpChecks.matmulDTypes("addmm_impl_cpu_", a, b);
        double b0 = converted(beta, out.dtype());
        if (b0 == 1 && out.dtype() == DType.FLOAT32 && out.numel() > 0 && a.size(1) > 0 && (float) alpha != 0
                && FloatGemm.multiplyOnto(self, ResultLayout.broadcastStrides(self, shape), a, b, out, alpha)) {
            // a small float product (nn.Linear's): self copied into each row as the row is computed
            return out;
        }
        if (out.numel() > 0 && b0 != 0) {
            Elementwise.copy(out, self);
            if (b0 != 1) {
                Elementwise.binary(BinaryOp.MUL, out, scalar(beta, out.dtype()), 1, out);
            }
        }
        if (out.numel() > 0 && a.size(1) > 0 && converted(alpha, out.dtype()) != 0) {
            switch (a.dtype()) {
                case FLOAT32: FloatGemm.multiply(a, b, out, alpha); break;
                case FLOAT64: DoubleGemm.multiply(a, b, out, alpha); break;
                default: IntegerGemm.multiply(Views.unsqueeze(a, 0), Views.unsqueeze(b, 0), Views.unsqueeze(out, 0),
                        (long) alpha);
            }
        }
        return out;
    }

    /** Whether a tensor of {@code own} shape broadcasts to {@code shape} (what {@code expand(shape)} accepts). */
    private static boolean broadcastsTo(int[] own, int[] shape) {
        int lead = shape.length - own.length;
        if (lead < 0) {
            return false;
        }
        for (int i = 0; i < own.length; i++) {
            if (own[i] != 1 && own[i] != shape[lead + i]) {
                return false;
            }
        }
        return true;
    }

    /** {@code value} converted to the dtype as C++'s static_cast (floating dtypes without a tensor). */
    private static double converted(double value, DType dtype) {
        switch (dtype) {
            case FLOAT32: return (float) value;
            case FLOAT64: return value;
            default: return scalar(value, dtype).item();
        }
    }

    /** A 0-dim tensor of the dtype holding {@code value} converted as C++'s static_cast. */
    private static Tensor scalar(double value, DType dtype) {
        CpuStorage s = CpuStorage.allocate(dtype, 1);
        s.setDouble(0, value);
        return Tensor.of(s);
    }

    static Tensor bmm(Tensor a, Tensor b) {
        OpChecks.bmm(a, b);
        Tensor out = Elementwise.empty(new int[] {a.size(0), a.size(1), b.size(2)}, a.dtype());
        if (out.numel() > 0 && a.size(2) > 0) {
            OpChecks.matmulDTypes("bmm", a, b);
            gemm(a, b, out);
        }
        return out;
    }

    static Tensor mv(Tensor a, Tensor v) {
        OpChecks.mv(a, v);
        Tensor out = Elementwise.empty(new int[] {a.size(0)}, a.dtype());
        if (out.numel() == 0 || a.size(1) == 0) {
            return out;
        }
        OpChecks.matmulDTypes("addmv_impl_cpu", a, v);
        switch (a.dtype()) {
            case FLOAT32: FloatMatVec.mv(a, v, out); break;
            case FLOAT64: DoubleMatVec.mv(a, v, out); break;
            default: IntegerGemm.multiply(Views.unsqueeze(a, 0), column(v), column(out));
        }
        return out;
    }

    static Tensor dot(Tensor a, Tensor b) {
        OpChecks.dot(a, b);
        OpChecks.matmulDTypes("dot", a, b);
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

    /** c[t] += a[t] · b[t] for 3-d operands of one dtype (float32/float64 also take matrices: c += a · b). */
    private static void gemm(Tensor a, Tensor b, Tensor c) {
        switch (a.dtype()) {
            case FLOAT32: FloatGemm.multiply(a, b, c); break;
            case FLOAT64: DoubleGemm.multiply(a, b, c); break;
            default: IntegerGemm.multiply(a, b, c);
        }
    }
}
