package org.torch4j.cuda.internal;

import org.torch4j.DType;
import org.torch4j.Device;
import org.torch4j.Tensor;
import org.torch4j.internal.CpuStorage;
import org.torch4j.internal.OpChecks;
import org.torch4j.internal.ResultLayout;
import org.torch4j.internal.Shapes;
import org.torch4j.internal.TypePromotion;
import jcuda.driver.JCudaDriver;

/**
 * Elementwise operators on CUDA tensors (elementwise.cu): allocation, the converting copy, unary and binary
 * operators with PyTorch's type promotion and broadcasting, clamp, where and masked_fill. Inputs of another
 * dtype than the computation's are converted by the kernels as they load, and results are stored in the
 * output's dtype, so in-place operators write straight into their output.
 */
final class CudaElementwise {
    private static final String MODULE = "elementwise";

    private CudaElementwise() {
    }

    // ------------------------------------------------------------------ allocation and copies

    /** The CUDA device an operator runs on: that of its first CUDA operand. */
    static Device deviceOf(Tensor... tensors) {
        for (Tensor t : tensors) {
            if (t.device().isCuda()) {
                return t.device();
            }
        }
        throw new IllegalStateException("no CUDA operand");
    }

    /** A new tensor with the given strides (dense over {@code Shapes.numel(shape)} elements), uninitialised. */
    static Tensor allocate(Device device, int[] shape, int[] strides, DType dtype) {
        CudaStorage s = CudaStorage.allocate(CudaRuntime.context(device), dtype, Shapes.numel(shape));
        return Tensor.of(s, shape, strides, 0);
    }

    /** A new contiguous tensor, uninitialised (for results the kernels write in full). */
    static Tensor allocate(Device device, int[] shape, DType dtype) {
        return allocate(device, shape, Shapes.contiguousStrides(shape), dtype);
    }

    /** {@code torch.empty} on CUDA: zero-filled, as on the CPU. */
    static Tensor empty(Device device, int[] shape, DType dtype) {
        Tensor t = allocate(device, shape, dtype);
        CudaStorage s = (CudaStorage) t.storage();
        if (s.length() > 0) {
            s.context().enter();
            JCudaDriver.cuMemsetD8Async(s.pointer(0), (byte) 0, (long) s.length() * dtype.itemSize(), null);
        }
        return t;
    }

    /** dst.copy_(src) without the version bump: broadcast, converting to dst's dtype. */
    static Tensor copy(Tensor dst, Tensor src) {
        int[] shape = dst.shape();
        OpChecks.copyShape(shape, src.shape());
        Iter it = Iter.of("copy_", shape, Iter.of(dst, shape), Iter.of(src, shape));
        launch("copy_convert", dst, it);
        return dst;
    }

    /** t in the given dtype: t itself, or a converted contiguous copy. */
    static Tensor cast(Tensor t, DType dtype) {
        return t.dtype() == dtype ? t : copy(allocate(t.device(), t.shape(), dtype), t);
    }

    /** {@code x.clone(memory_format)}: dense layouts keep their strides unless {@code contiguousFormat}. */
    static Tensor clone(Tensor x, boolean contiguousFormat) {
        int[] strides = contiguousFormat ? null : Shapes.denseStrides(x.shape(), x.stride());
        Tensor out = strides == null ? allocate(x.device(), x.shape(), x.dtype())
                : allocate(x.device(), x.shape(), strides, x.dtype());
        return copy(out, x);
    }

    /** {@code torch.full}: value (a 0-dim tensor) converted to dtype everywhere. */
    static Tensor full(Device device, int[] shape, Tensor value, DType dtype) {
        return copy(allocate(device, shape, dtype), value);
    }

    /** Launches kernel (of elementwise.cu) over the walk, on the device of t; nothing for an empty walk. */
    private static void launch(String kernel, Tensor t, Iter it, Object... args) {
        if (it.numel == 0) {
            return;
        }
        Object[] all = new Object[args.length + 1];
        all[0] = it.bytes;
        System.arraycopy(args, 0, all, 1, args.length);
        CudaRuntime.context(t.device()).launch(MODULE, kernel, DeviceContext.blocks(it.numel, DeviceContext.THREADS),
                DeviceContext.THREADS, all);
    }

    /** The suffix of the kernel computing in dtype: f32, f64, or i64 for every integral and bool dtype. */
    static String suffix(DType dtype) {
        switch (dtype) {
            case FLOAT32: return "f32";
            case FLOAT64: return "f64";
            default: return "i64";
        }
    }

    /** The tensor to write a result of shape/dtype into: out (checked, version bumped) or a new one like the inputs. */
    private static Tensor target(Tensor out, int[] shape, DType dtype, Device device, Tensor... inputs) {
        if (out == null) {
            return allocate(device, shape, ResultLayout.strides(shape, inputs), dtype);
        }
        OpChecks.outputShape(out.shape(), shape);
        TypePromotion.checkCastToOut(dtype, out.dtype());
        out.storage().bumpVersion();
        return out;
    }

    // ------------------------------------------------------------------ binary and unary

    static Tensor binary(CudaBinaryOp op, Tensor a, Tensor b, double alpha, Tensor out) {
        DType common = TypePromotion.resultType(a, b);
        if (op == CudaBinaryOp.SUB) {
            OpChecks.noBoolSubtraction(common);
        }
        OpChecks.alpha(alpha, common);
        if (op == CudaBinaryOp.POW && !common.isFloatingPoint() && !b.device().isCuda() && Iter.scalar(b).lvalue < 0) {
            throw new IllegalArgumentException("Integers to negative integer powers are not allowed.");
        }
        DType compute = op == CudaBinaryOp.DIV || op == CudaBinaryOp.ATAN2 ? TypePromotion.toFloating(common) : common;
        DType resultType = op.isPredicate() ? DType.BOOL : compute;
        int[] shape = Shapes.broadcast(a.shape(), b.shape());
        Device device = deviceOf(a, b);
        Tensor result = target(out, shape, resultType, device, a, b);
        Iter it = Iter.of(op.name().toLowerCase(), shape, Iter.of(result, shape), Iter.of(a, shape), Iter.of(b, shape));
        launch("binary_" + suffix(compute), result, it, op.ordinal(), alpha);
        return result;
    }

    static Tensor unary(CudaUnaryOp op, Tensor x, Tensor out) {
        if (op == CudaUnaryOp.NEG) {
            OpChecks.noBoolNegation(x.dtype());
        }
        DType compute = op.floatValued ? TypePromotion.toFloating(x.dtype()) : x.dtype();
        return unaryKernel(op, x, out, compute, 0, 0, 0, 0);
    }

    private static Tensor unaryKernel(CudaUnaryOp op, Tensor x, Tensor out, DType compute, double lo, double hi,
                                      long llo, long lhi) {
        int[] shape = x.shape();
        Tensor result = target(out, shape, compute, x.device(), x);
        Iter it = Iter.of(op.name().toLowerCase(), shape, Iter.of(result, shape), Iter.of(x, shape));
        launch("unary_" + suffix(compute), result, it, op.ordinal(), lo, hi, llo, lhi);
        return result;
    }

    /** {@code torch.logical_not}: x == false, as the CPU backend computes it. */
    static Tensor logicalNot(Tensor x, Tensor out) {
        return binary(CudaBinaryOp.EQ, x, Tensor.of(CpuStorage.wrap(new boolean[] {false})), 1, out);
    }

    /** {@code torch.clamp}; integer inputs clamp to the integers inside the bounds. */
    static Tensor clamp(Tensor x, Double min, Double max, Tensor out) {
        double lo = min == null ? Double.NEGATIVE_INFINITY : min;
        double hi = max == null ? Double.POSITIVE_INFINITY : max;
        long llo = min == null ? Long.MIN_VALUE : (long) Math.ceil(lo);
        long lhi = max == null ? Long.MAX_VALUE : (long) Math.floor(hi);
        return unaryKernel(CudaUnaryOp.CLAMP, x, out, x.dtype(), lo, hi, llo, lhi);
    }

    // ------------------------------------------------------------------ selection

    /** {@code torch.where(condition, a, b)}. */
    static Tensor where(Tensor condition, Tensor a, Tensor b) {
        DType dtype = TypePromotion.resultType(a, b);
        int[] shape = Shapes.broadcast(condition.shape(), Shapes.broadcast(a.shape(), b.shape()));
        Tensor result = allocate(deviceOf(condition, a, b), shape, ResultLayout.strides(shape, condition, a, b), dtype);
        return select(result, condition, a, b);
    }

    /** result = condition ? a : b over result's shape, converted to result's dtype. */
    private static Tensor select(Tensor result, Tensor condition, Tensor a, Tensor b) {
        int[] shape = result.shape();
        Iter it = Iter.of("where", shape, Iter.of(result, shape), Iter.of(condition, shape), Iter.of(a, shape),
                Iter.of(b, shape));
        launch("where_" + suffix(result.dtype()), result, it);
        return result;
    }

    /** {@code x.masked_fill(mask, value)}; out is x (in place) or null. */
    static Tensor maskedFill(Tensor x, Tensor mask, Tensor value, Tensor out) {
        int[] shape = OpChecks.maskedFill(x, mask, value, out);
        Tensor result;
        if (out != null) {
            out.storage().bumpVersion();
            result = out;
        } else {
            result = copy(allocate(x.device(), shape, x.dtype()), x);
        }
        return select(result, mask, value, result);
    }
}
