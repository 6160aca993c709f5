package org.torch4j.internal.cpu;

import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.internal.CpuStorage;
import org.torch4j.internal.OpChecks;
import org.torch4j.internal.Parallel;
import org.torch4j.internal.TensorAccess;

/**
 * The fast path of {@link Elementwise} for the small dense operands that dominate tiny models: float32/float64
 * tensors that are row-major contiguous, of one shape (or with a 0-dim scalar operand), small enough to run on
 * the calling thread. It skips type promotion, broadcasting, result layout and the strided iterator, and runs
 * the same row kernels as the general path, so results are identical. Each method returns null (or false) when
 * its operands do not qualify; the caller then takes the general path.
 */
final class SmallElementwise {
    private SmallElementwise() {
    }

    /** Whether t is a non-empty float32/float64 tensor, dense row-major, that one thread handles alone. */
    private static boolean denseFloating(Tensor t) {
        DType d = t.dtype();
        if (d != DType.FLOAT32 && d != DType.FLOAT64) {
            return false;
        }
        int[] shape = TensorAccess.shape(t);
        int[] strides = TensorAccess.strides(t);
        long expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && strides[i] != expected) {
                return false;
            }
            expected *= shape[i];
        }
        return expected > 0 && expected <= Parallel.GRAIN_SIZE;
    }

    private static boolean sameShape(Tensor a, Tensor b) {
        int[] sa = TensorAccess.shape(a);
        int[] sb = TensorAccess.shape(b);
        if (sa == sb) {
            return true;
        }
        if (sa.length != sb.length) {
            return false;
        }
        for (int i = 0; i < sa.length; i++) {
            if (sa[i] != sb[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * A new contiguous result shaped like the dense tensor t, of its dtype; it shares t's shape array and, when
     * they are the canonical row-major ones, its strides (both are never written).
     */
    private static Tensor resultLike(Tensor t, int n) {
        int[] shape = TensorAccess.shape(t);
        int[] strides = TensorAccess.strides(t);
        int expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (strides[i] != expected) {
                strides = null;
                break;
            }
            expected *= shape[i];
        }
        CpuStorage storage = CpuStorage.allocate(t.dtype(), n);
        return strides == null ? Tensor.of(storage, shape) : Tensor.of(storage, shape, strides, 0);
    }

    /**
     * {@code a op b} (alpha scaling b for add/sub) when a is small and dense, out is null or a, and b is a dense
     * tensor of a's shape and dtype or a 0-dim scalar that a's dtype absorbs; else null.
     */
    static Tensor binary(BinaryOp op, Tensor a, Tensor b, double alpha, Tensor out) {
        if (op.isPredicate() || out != null && out != a || !denseFloating(a)) {
            return null;
        }
        DType dtype = a.dtype();
        boolean scalar = b.dim() == 0 && (a.dim() > 0 || b.isWrappedNumber());
        if (!scalar && (b.dtype() != dtype || !sameShape(a, b) || !denseFloating(b))) {
            return null;
        }
        OpChecks.alpha(alpha, dtype);
        int n = a.numel();
        Tensor result = out != null ? out : resultLike(a, n);
        if (out != null) {
            out.storage().bumpVersion();
        }
        BinaryOp effective = op == BinaryOp.SUB && alpha != 1 ? BinaryOp.ADD : op;
        double effectiveAlpha = op == BinaryOp.SUB && alpha != 1 ? -alpha : alpha;
        CpuStorage x = Elementwise.data(a);
        CpuStorage y = scalar ? scalarIn(b, dtype) : Elementwise.data(b);
        int yo = scalar && b.dtype() != dtype ? 0 : b.storageOffset();
        int step = scalar ? 0 : 1;
        if (dtype == DType.FLOAT32) {
            Elementwise.floatRow(effective, (float) effectiveAlpha, x.floats(), a.storageOffset(), 1, y.floats(), yo, step,
                    Elementwise.data(result).floats(), result.storageOffset(), 1, n);
        } else {
            Elementwise.doubleRow(effective, effectiveAlpha, x.doubles(), a.storageOffset(), 1, y.doubles(), yo, step,
                    Elementwise.data(result).doubles(), result.storageOffset(), 1, n);
        }
        return result;
    }

    /** The storage holding 0-dim s as an element of {@code dtype}: its own, or a one-element conversion of it. */
    private static CpuStorage scalarIn(Tensor s, DType dtype) {
        CpuStorage own = Elementwise.data(s);
        if (s.dtype() == dtype) {
            return own;
        }
        CpuStorage converted = CpuStorage.allocate(dtype, 1);
        Elementwise.copyElement(converted, 0, own, s.storageOffset());
        return converted;
    }

    /** {@code op(x)} when x is small and dense, op keeps its dtype, and out is null or x; else null. */
    static Tensor unary(UnaryOp op, Tensor x, Tensor out) {
        if (out != null && out != x || !denseFloating(x)) {
            return null;
        }
        int n = x.numel();
        Tensor result = out != null ? out : resultLike(x, n);
        if (out != null) {
            out.storage().bumpVersion();
        }
        if (x.dtype() == DType.FLOAT32) {
            Elementwise.floatUnary(op, Elementwise.data(x).floats(), x.storageOffset(), 1,
                    Elementwise.data(result).floats(), result.storageOffset(), 1, n);
        } else {
            Elementwise.doubleUnary(op, Elementwise.data(x).doubles(), x.storageOffset(), 1,
                    Elementwise.data(result).doubles(), result.storageOffset(), 1, n);
        }
        return result;
    }

    /**
     * {@code dst.copy_(src)} when dst is small and dense and src is a dense tensor of its shape and dtype (one
     * array copy) or a 0-dim scalar (converted once, then filled); false when they do not qualify.
     */
    static boolean copy(Tensor dst, Tensor src) {
        if (!denseFloating(dst)) {
            return false;
        }
        int n = dst.numel();
        CpuStorage o = Elementwise.data(dst);
        int oo = dst.storageOffset();
        if (src.dim() == 0) {
            Elementwise.copyElement(o, oo, Elementwise.data(src), src.storageOffset());
            Elementwise.fillRun(o, oo + 1, n - 1, o, oo);
            return true;
        }
        if (src.dtype() != dst.dtype() || !sameShape(dst, src) || !denseFloating(src)) {
            return false;
        }
        System.arraycopy(Elementwise.data(src).array(), src.storageOffset(), o.array(), oo, n);
        return true;
    }
}
