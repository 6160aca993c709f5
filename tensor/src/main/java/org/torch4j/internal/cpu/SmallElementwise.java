package org.torch4j.internal.cpu;

import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.internal.CpuStorage;
import org.torch4j.internal.OpChecks;
import org.torch4j.internal.Parallel;
import org.torch4j.internal.TensorAccess;

/**
 * The fast path of {@link Elementwise} for the small dense operands that dominate tiny models: float32/float64
 * tensors that are row-major contiguous, of one shape (or with a scalar or bias-like second operand), small
 * enough to run on the calling thread. It skips type promotion, broadcasting, result layout and the strided iterator, and runs
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
     * Whether dense b, of a's dtype, broadcasts to a's shape without growing it, each copy of b being a
     * contiguous stretch of a: b's shape, once its leading 1s are dropped, ends a's shape.
     */
    private static boolean repeatsAlong(Tensor b, Tensor a) {
        int[] sb = TensorAccess.shape(b);
        int[] sa = TensorAccess.shape(a);
        int lead = sa.length - sb.length;
        if (lead < 0) {
            return false;
        }
        int d = 0;
        while (d < sb.length && sb[d] == 1) {
            d++;
        }
        for (; d < sb.length; d++) {
            if (sb[d] != sa[lead + d]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether s is a single value broadcast over dense d's shape in d's result dtype: a 0-dim scalar that d's dtype
     * absorbs, or a tensor of d's dtype holding one value (numel 1, or every stride 0, as an expanded scalar) whose
     * shape broadcasts to d's without growing it.
     */
    private static boolean scalarOver(Tensor s, Tensor d) {
        if (s.dim() == 0) {
            return d.dim() > 0 || s.isWrappedNumber() || s.dtype() == d.dtype();
        }
        if (s.dtype() != d.dtype()) {
            return false;
        }
        int[] ss = TensorAccess.shape(s);
        int[] st = TensorAccess.strides(s);
        int[] sd = TensorAccess.shape(d);
        int lead = sd.length - ss.length;
        if (lead < 0) {
            return false;
        }
        for (int i = 0; i < ss.length; i++) {
            if (ss[i] != 1 && (st[i] != 0 || ss[i] != sd[lead + i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code a op b} (alpha scaling b for add/sub) on small dense float operands, else null. One operand is dense
     * (a, or b when the result is new) and fixes the result's shape and dtype; the other is a single value
     * ({@link #scalarOver}) or, on the right, a dense tensor of a's dtype repeated along a (same shape, or a
     * bias-like trailing shape). The general path walks the same runs: one run over the whole result (step 0 for a
     * single value), or one run per copy of b.
     */
    static Tensor binary(BinaryOp op, Tensor a, Tensor b, double alpha, Tensor out) {
        if (op.isPredicate() || out != null && out != a) {
            return null;
        }
        boolean denseLeft = !a.isWrappedNumber() && denseFloating(a);
        Tensor dense;
        int aStep = 1;
        int bStep = 1;
        int run;
        if (denseLeft && scalarOver(b, a)) {
            dense = a;
            bStep = 0;
            run = a.numel();
        } else if (denseLeft && b.dtype() == a.dtype() && denseFloating(b) && repeatsAlong(b, a)) {
            dense = a;
            run = b.numel();
        } else if (out == null && !b.isWrappedNumber() && denseFloating(b) && scalarOver(a, b)) {
            dense = b;
            aStep = 0;
            run = b.numel();
        } else {
            return null;
        }
        DType dtype = dense.dtype();
        OpChecks.alpha(alpha, dtype);
        int n = dense.numel();
        Tensor result = out != null ? out : resultLike(dense, n);
        if (out != null) {
            out.storage().bumpVersion();
        }
        BinaryOp effective = op == BinaryOp.SUB && alpha != 1 ? BinaryOp.ADD : op;
        double effectiveAlpha = op == BinaryOp.SUB && alpha != 1 ? -alpha : alpha;
        CpuStorage x = operand(a, dtype);
        CpuStorage y = operand(b, dtype);
        int ao = x.dtype() == a.dtype() ? a.storageOffset() : 0;
        int bo = y.dtype() == b.dtype() ? b.storageOffset() : 0;
        int oo = result.storageOffset();
        // runs shorter than the result only happen for b repeated along a: a and the result advance, b restarts
        if (dtype == DType.FLOAT32) {
            float[] o = Elementwise.data(result).floats();
            for (int r = 0; r < n; r += run) {
                Elementwise.floatRow(effective, (float) effectiveAlpha, x.floats(), ao + r, aStep, y.floats(), bo, bStep,
                        o, oo + r, 1, run);
            }
        } else {
            double[] o = Elementwise.data(result).doubles();
            for (int r = 0; r < n; r += run) {
                Elementwise.doubleRow(effective, effectiveAlpha, x.doubles(), ao + r, aStep, y.doubles(), bo, bStep, o,
                        oo + r, 1, run);
            }
        }
        return result;
    }

    /** The storage of operand t, or for a 0-dim t of another dtype a one-element conversion of its value. */
    private static CpuStorage operand(Tensor t, DType dtype) {
        CpuStorage own = Elementwise.data(t);
        if (t.dtype() == dtype) {
            return own;
        }
        CpuStorage converted = CpuStorage.allocate(dtype, 1);
        Elementwise.copyElement(converted, 0, own, t.storageOffset());
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
     * array copy), a dense tensor of its dtype that broadcasts along leading dims only (one array copy per
     * repeat, from another storage) or a 0-dim scalar (converted once, then filled); false when they do not
     * qualify.
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
        if (src.dtype() != dst.dtype() || !denseFloating(src)) {
            return false;
        }
        if (sameShape(dst, src)) {
            System.arraycopy(Elementwise.data(src).array(), src.storageOffset(), o.array(), oo, n);
            return true;
        }
        if (src.storage() == dst.storage() || !trailing(dst, src)) {
            return false;
        }
        int block = src.numel();
        for (int r = 0; r < n; r += block) {
            System.arraycopy(Elementwise.data(src).array(), src.storageOffset(), o.array(), oo + r, block);
        }
        return true;
    }

    /** Whether src, without its leading ones, has the shape of dst's trailing dims (a broadcast of whole blocks). */
    private static boolean trailing(Tensor dst, Tensor src) {
        int[] d = TensorAccess.shape(dst);
        int[] s = TensorAccess.shape(src);
        if (s.length > d.length) {
            return false;
        }
        int j = 0;
        while (j < s.length && s[j] == 1) {
            j++;
        }
        for (int i = j; i < s.length; i++) {
            if (s[i] != d[d.length - s.length + i]) {
                return false;
            }
        }
        return true;
    }
}
