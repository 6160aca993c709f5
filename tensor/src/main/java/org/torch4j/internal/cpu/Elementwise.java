package org.torch4j.internal.cpu;

import java.util.Arrays;
import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.internal.CpuStorage;
import org.torch4j.internal.OpChecks;
import org.torch4j.internal.ResultLayout;
import org.torch4j.internal.TensorAccess;
import org.torch4j.internal.Shapes;
import org.torch4j.internal.TypePromotion;

/**
 * Elementwise operators on CPU tensors: type promotion, broadcasting, the in-place and functional forms,
 * and the choice between the Vector API loops (contiguous float32/float64 runs) and the scalar loops of
 * the strided iterator.
 */
final class Elementwise {
    private Elementwise() {
    }

    // ------------------------------------------------------------------ allocation and conversion

    static Tensor empty(int[] shape, DType dtype) {
        return Tensor.of(CpuStorage.allocate(dtype, Shapes.numel(shape)), shape);
    }

    static CpuStorage data(Tensor t) {
        return (CpuStorage) t.storage();
    }

    /** t in the given dtype: t itself, or a converted contiguous copy (a 0-dim one for scalars). */
    static Tensor cast(Tensor t, DType dtype) {
        if (t.dtype() == dtype) {
            return t;
        }
        Tensor out = empty(t.shape(), dtype);
        copy(out, t);
        return out;
    }

    /** A new result of {@code shape}/{@code dtype} laid out like its inputs ({@link ResultLayout}). */
    static Tensor resultLike(int[] shape, DType dtype, Tensor... inputs) {
        return Tensor.of(CpuStorage.allocate(dtype, Shapes.numel(shape)), shape, ResultLayout.strides(shape, inputs), 0);
    }

    /** The tensor to write a result of {@code shape}/{@code dtype} into: out (checked) or a new one like the inputs. */
    private static Tensor target(Tensor out, int[] shape, DType dtype, Tensor... inputs) {
        if (out == null) {
            return resultLike(shape, dtype, inputs);
        }
        OpChecks.outputShape(TensorAccess.shape(out), shape);
        TypePromotion.checkCastToOut(dtype, out.dtype());
        out.storage().bumpVersion();
        return out.dtype() == dtype ? out : resultLike(shape, dtype, out);
    }

    /** Moves a result computed in another dtype into out, or returns it when it already is out. */
    private static Tensor finish(Tensor result, Tensor out) {
        if (out != null && result != out) {
            copy(out, result);
        }
        return result == out || out == null ? result : out;
    }

    // ------------------------------------------------------------------ binary

    static Tensor binary(BinaryOp op, Tensor a, Tensor b, double alpha, Tensor out) {
        Tensor small = SmallElementwise.binary(op, a, b, alpha, out);
        if (small != null) {
            return small;
        }
        DType common = TypePromotion.resultType(a, b);
        if (op == BinaryOp.SUB) {
            OpChecks.noBoolSubtraction(common);
        }
        OpChecks.alpha(alpha, common);
        if (op == BinaryOp.POW && !common.isFloatingPoint()) {
            checkIntegerPower(b);
        }
        DType compute = op == BinaryOp.DIV || op == BinaryOp.ATAN2 ? TypePromotion.toFloating(common) : common;
        DType resultType = op.isPredicate() ? DType.BOOL : compute;
        int[] shape = Shapes.broadcast(TensorAccess.shape(a), TensorAccess.shape(b));
        Tensor ca = cast(a, compute);
        Tensor cb = cast(b, compute);
        Tensor result = target(out, shape, resultType, a, b);
        BinaryOp effective = op == BinaryOp.SUB && alpha != 1 ? BinaryOp.ADD : op;
        double effectiveAlpha = op == BinaryOp.SUB && alpha != 1 ? -alpha : alpha;
        int[][] strides = {TensorAccess.strides(result), StridedLoop.broadcastStrides(ca, shape),
            StridedLoop.broadcastStrides(cb, shape)};
        int[] offsets = {result.storageOffset(), ca.storageOffset(), cb.storageOffset()};
        StridedLoop.run(shape, strides, offsets, binaryRow(effective, effectiveAlpha, result, ca, cb));
        return finish(result, out);
    }

    /** o = x op y for the float32 comparisons (EQ .. GE), one plain loop per operator (no per-element dispatch). */
    private static void floatCompareRow(BinaryOp op, float[] x, int xo, int xs, float[] y, int yo, int ys, boolean[] o,
            int oo, int os, int n) {
        switch (op) {
            case EQ:
                for (int i = 0; i < n; i++) {
                    o[oo + i * os] = x[xo + i * xs] == y[yo + i * ys];
                }
                break;
            case NE:
                for (int i = 0; i < n; i++) {
                    o[oo + i * os] = x[xo + i * xs] != y[yo + i * ys];
                }
                break;
            case LT:
                for (int i = 0; i < n; i++) {
                    o[oo + i * os] = x[xo + i * xs] < y[yo + i * ys];
                }
                break;
            case LE:
                for (int i = 0; i < n; i++) {
                    o[oo + i * os] = x[xo + i * xs] <= y[yo + i * ys];
                }
                break;
            case GT:
                for (int i = 0; i < n; i++) {
                    o[oo + i * os] = x[xo + i * xs] > y[yo + i * ys];
                }
                break;
            default:
                for (int i = 0; i < n; i++) {
                    o[oo + i * os] = x[xo + i * xs] >= y[yo + i * ys];
                }
        }
    }

    private static void checkIntegerPower(Tensor exponent) {
        CpuStorage e = data(cast(exponent, DType.INT64).contiguous());
        for (int i = 0; i < e.length(); i++) {
            if (e.longs()[i] < 0) {
                throw new IllegalArgumentException("Integers to negative integer powers are not allowed.");
            }
        }
    }

    private static StridedLoop.Row binaryRow(BinaryOp op, double alpha, Tensor result, Tensor a, Tensor b) {
        DType in = a.dtype();
        boolean predicate = op.isPredicate();
        if (in == DType.FLOAT32 && !predicate) {
            float[] o = data(result).floats();
            float[] x = data(a).floats();
            float[] y = data(b).floats();
            float fa = (float) alpha;
            return (off, st, n) -> floatRow(op, fa, x, off[1], st[1], y, off[2], st[2], o, off[0], st[0], n);
        }
        if (in == DType.FLOAT64 && !predicate) {
            double[] o = data(result).doubles();
            double[] x = data(a).doubles();
            double[] y = data(b).doubles();
            return (off, st, n) -> doubleRow(op, alpha, x, off[1], st[1], y, off[2], st[2], o, off[0], st[0], n);
        }
        if (in == DType.FLOAT32 && op.compares()) {
            boolean[] o = data(result).bools();
            float[] x = data(a).floats();
            float[] y = data(b).floats();
            return (off, st, n) -> floatCompareRow(op, x, off[1], st[1], y, off[2], st[2], o, off[0], st[0], n);
        }
        CpuStorage o = data(result);
        CpuStorage x = data(a);
        CpuStorage y = data(b);
        if (in.isFloatingPoint()) {
            return (off, st, n) -> {
                for (int i = 0; i < n; i++) {
                    o.setLong(off[0] + i * st[0], op.test(x.getDouble(off[1] + i * st[1]), y.getDouble(off[2] + i * st[2])) ? 1 : 0);
                }
            };
        }
        long la = (long) alpha;
        if (in == DType.INT64 && !predicate) {
            long[] lo = o.longs();
            long[] lx = x.longs();
            long[] ly = y.longs();
            return (off, st, n) -> {
                for (int i = 0; i < n; i++) {
                    long u = lx[off[1] + i * st[1]];
                    long v = ly[off[2] + i * st[2]];
                    lo[off[0] + i * st[0]] = op == BinaryOp.ADD ? u + la * v : op.apply(u, v);
                }
            };
        }
        return (off, st, n) -> {
            for (int i = 0; i < n; i++) {
                long u = x.getLong(off[1] + i * st[1]);
                long v = y.getLong(off[2] + i * st[2]);
                o.setLong(off[0] + i * st[0], op == BinaryOp.ADD ? u + la * v : op.apply(u, v));
            }
        };
    }

    static void floatRow(BinaryOp op, float alpha, float[] a, int ao, int as, float[] b, int bo, int bs,
                                 float[] o, int oo, int os, int n) {
        int done = 0;
        if (os == 1 && as == 1 && bs == 1) {
            done = FloatKernels.binary(op, alpha, a, ao, b, bo, o, oo, n);
        } else if (os == 1 && as == 1 && bs == 0 && alpha == 1f) {
            done = FloatKernels.binaryScalarRight(op, a, ao, b[bo], o, oo, n);
        } else if (os == 1 && as == 0 && bs == 1 && alpha == 1f) {
            done = FloatKernels.binaryScalarLeft(op, a[ao], b, bo, o, oo, n);
        }
        boolean scaled = op == BinaryOp.ADD && alpha != 1f;
        for (int i = done; i < n; i++) {
            float x = a[ao + i * as];
            float y = b[bo + i * bs];
            o[oo + i * os] = scaled ? Math.fma(alpha, y, x) : op.apply(x, y);
        }
    }

    static void doubleRow(BinaryOp op, double alpha, double[] a, int ao, int as, double[] b, int bo, int bs,
                                  double[] o, int oo, int os, int n) {
        int done = 0;
        if (os == 1 && as == 1 && bs == 1) {
            done = DoubleKernels.binary(op, alpha, a, ao, b, bo, o, oo, n);
        } else if (os == 1 && as == 1 && bs == 0 && alpha == 1) {
            done = DoubleKernels.binaryScalarRight(op, a, ao, b[bo], o, oo, n);
        } else if (os == 1 && as == 0 && bs == 1 && alpha == 1) {
            done = DoubleKernels.binaryScalarLeft(op, a[ao], b, bo, o, oo, n);
        }
        boolean scaled = op == BinaryOp.ADD && alpha != 1;
        for (int i = done; i < n; i++) {
            double x = a[ao + i * as];
            double y = b[bo + i * bs];
            o[oo + i * os] = scaled ? Math.fma(alpha, y, x) : op.apply(x, y);
        }
    }

    // ------------------------------------------------------------------ unary

    static Tensor unary(UnaryOp op, Tensor x, Tensor out) {
        Tensor small = SmallElementwise.unary(op, x, out);
        if (small != null) {
            return small;
        }
        if (op == UnaryOp.NEG) {
            OpChecks.noBoolNegation(x.dtype());
        }
        DType compute = op.floatValued ? TypePromotion.toFloating(x.dtype()) : x.dtype();
        Tensor cx = cast(x, compute);
        int[] shape = TensorAccess.shape(x);
        Tensor result = target(out, shape, compute, x);
        int[][] strides = {TensorAccess.strides(result), TensorAccess.strides(cx)};
        int[] offsets = {result.storageOffset(), cx.storageOffset()};
        StridedLoop.run(shape, strides, offsets, unaryRow(op, result, cx));
        return finish(result, out);
    }

    private static StridedLoop.Row unaryRow(UnaryOp op, Tensor result, Tensor x) {
        switch (x.dtype()) {
            case FLOAT32: {
                float[] o = data(result).floats();
                float[] a = data(x).floats();
                return (off, st, n) -> floatUnary(op, a, off[1], st[1], o, off[0], st[0], n);
            }
            case FLOAT64: {
                double[] o = data(result).doubles();
                double[] a = data(x).doubles();
                return (off, st, n) -> doubleUnary(op, a, off[1], st[1], o, off[0], st[0], n);
            }
            default: {
                CpuStorage o = data(result);
                CpuStorage a = data(x);
                return (off, st, n) -> {
                    for (int i = 0; i < n; i++) {
                        o.setLong(off[0] + i * st[0], op.apply(a.getLong(off[1] + i * st[1])));
                    }
                };
            }
        }
    }

    /** One float32 run of a unary op: the Vector API loop when both step by 1, then the scalar tail. */
    static void floatUnary(UnaryOp op, float[] a, int ao, int as, float[] o, int oo, int os, int n) {
        int done = os == 1 && as == 1 ? FloatKernels.unary(op, a, ao, o, oo, n) : 0;
        for (int i = done; i < n; i++) {
            o[oo + i * os] = op.apply(a[ao + i * as]);
        }
    }

    /** The float64 form of {@link #floatUnary}. */
    static void doubleUnary(UnaryOp op, double[] a, int ao, int as, double[] o, int oo, int os, int n) {
        int done = os == 1 && as == 1 ? DoubleKernels.unary(op, a, ao, o, oo, n) : 0;
        for (int i = done; i < n; i++) {
            o[oo + i * os] = op.apply(a[ao + i * as]);
        }
    }

    static Tensor logicalNot(Tensor x, Tensor out) {
        return binary(BinaryOp.EQ, x, Tensor.of(CpuStorage.wrap(new boolean[] {false})), 1, out);
    }

    static Tensor clamp(Tensor x, Double min, Double max, Tensor out) {
        double lo = min == null ? Double.NEGATIVE_INFINITY : min;
        double hi = max == null ? Double.POSITIVE_INFINITY : max;
        int[] shape = x.shape();
        Tensor result = target(out, shape, x.dtype(), x);
        int[][] strides = {result.stride(), x.stride()};
        int[] offsets = {result.storageOffset(), x.storageOffset()};
        StridedLoop.Row row;
        if (x.dtype() == DType.FLOAT32) {
            float[] o = data(result).floats();
            float[] a = data(x).floats();
            float flo = (float) lo;
            float fhi = (float) hi;
            row = (off, st, n) -> {
                int done = st[0] == 1 && st[1] == 1 ? FloatKernels.clamp(a, off[1], flo, fhi, o, off[0], n) : 0;
                for (int i = done; i < n; i++) {
                    float v = a[off[1] + i * st[1]];
                    o[off[0] + i * st[0]] = Float.isNaN(v) ? v : Math.min(Math.max(v, flo), fhi);
                }
            };
        } else if (x.dtype() == DType.FLOAT64) {
            double[] o = data(result).doubles();
            double[] a = data(x).doubles();
            row = (off, st, n) -> {
                int done = st[0] == 1 && st[1] == 1 ? DoubleKernels.clamp(a, off[1], lo, hi, o, off[0], n) : 0;
                for (int i = done; i < n; i++) {
                    double v = a[off[1] + i * st[1]];
                    o[off[0] + i * st[0]] = Double.isNaN(v) ? v : Math.min(Math.max(v, lo), hi);
                }
            };
        } else {
            CpuStorage o = data(result);
            CpuStorage a = data(x);
            long llo = min == null ? Long.MIN_VALUE : (long) Math.ceil(lo);
            long lhi = max == null ? Long.MAX_VALUE : (long) Math.floor(hi);
            row = (off, st, n) -> {
                for (int i = 0; i < n; i++) {
                    o.setLong(off[0] + i * st[0], Math.min(Math.max(a.getLong(off[1] + i * st[1]), llo), lhi));
                }
            };
        }
        StridedLoop.run(shape, strides, offsets, row);
        return finish(result, out);
    }

    // ------------------------------------------------------------------ selection

    static Tensor where(Tensor condition, Tensor a, Tensor b) {
        DType dtype = TypePromotion.resultType(a, b);
        int[] shape = Shapes.broadcast(condition.shape(), Shapes.broadcast(a.shape(), b.shape()));
        Tensor ca = cast(a, dtype);
        Tensor cb = cast(b, dtype);
        Tensor result = resultLike(shape, dtype, condition, a, b);
        int[][] strides = {result.stride(), StridedLoop.broadcastStrides(condition, shape),
            StridedLoop.broadcastStrides(ca, shape), StridedLoop.broadcastStrides(cb, shape)};
        int[] offsets = {0, condition.storageOffset(), ca.storageOffset(), cb.storageOffset()};
        boolean[] c = data(condition).bools();
        CpuStorage o = data(result);
        CpuStorage x = data(ca);
        CpuStorage y = data(cb);
        StridedLoop.run(shape, strides, offsets, (off, st, n) -> {
            for (int i = 0; i < n; i++) {
                boolean take = c[off[1] + i * st[1]];
                copyElement(o, off[0] + i * st[0], take ? x : y, take ? off[2] + i * st[2] : off[3] + i * st[3]);
            }
        });
        return result;
    }

    static Tensor maskedFill(Tensor x, Tensor mask, Tensor value, Tensor out) {
        int[] shape = OpChecks.maskedFill(x, mask, value, out);
        Tensor result = out != null ? out : empty(shape, x.dtype());
        if (out == null) {
            copy(result, x);
        } else {
            out.storage().bumpVersion();
        }
        Tensor v = cast(value, x.dtype());
        CpuStorage vs = data(v);
        int vo = v.storageOffset();
        int[][] strides = {result.stride(), StridedLoop.broadcastStrides(mask, shape)};
        int[] offsets = {result.storageOffset(), mask.storageOffset()};
        boolean[] m = data(mask).bools();
        if (x.dtype() == DType.FLOAT32) {
            float[] of = data(result).floats();
            float fill = vs.floats()[vo];
            StridedLoop.run(shape, strides, offsets, (off, st, n) -> {
                for (int i = 0; i < n; i++) {
                    if (m[off[1] + i * st[1]]) {
                        of[off[0] + i * st[0]] = fill;
                    }
                }
            });
            return result;
        }
        CpuStorage o = data(result);
        if (o.array() instanceof float[]) {
            float[] fo = o.floats();
            float fv = (float) vs.getDouble(vo);
            StridedLoop.run(shape, strides, offsets, (off, st, n) -> {
                int i = st[0] == 1 && st[1] == 1 ? FloatKernels.maskedFill(fo, off[0], m, off[1], fv, n) : 0;
                for (; i < n; i++) {
                    if (m[off[1] + i * st[1]]) {
                        fo[off[0] + i * st[0]] = fv;
                    }
                }
            });
            return result;
        }
        StridedLoop.run(shape, strides, offsets, (off, st, n) -> {
            for (int i = 0; i < n; i++) {
                if (m[off[1] + i * st[1]]) {
                    copyElement(o, off[0] + i * st[0], vs, vo);
                }
            }
        });
        return result;
    }

    // ------------------------------------------------------------------ copies

    /** dst.copy_(src): broadcast, converting. */
    static Tensor copy(Tensor dst, Tensor src) {
        if (SmallElementwise.copy(dst, src)) {
            return dst;
        }
        int[] shape = TensorAccess.shape(dst);
        OpChecks.copyShape(shape, TensorAccess.shape(src));
        if (TransposeCopy.applies(dst, src)) {
            TransposeCopy.copy(dst, src);
            return dst;
        }
        int[][] strides = {TensorAccess.strides(dst), StridedLoop.broadcastStrides(src, shape)};
        int[] offsets = {dst.storageOffset(), src.storageOffset()};
        CpuStorage o = data(dst);
        CpuStorage s = data(src);
        boolean sameType = dst.dtype() == src.dtype();
        StridedLoop.run(shape, strides, offsets, (off, st, n) -> {
            if (sameType && st[0] == 1 && st[1] == 1) {
                System.arraycopy(s.array(), off[1], o.array(), off[0], n);
            } else if (sameType && st[0] == 1 && st[1] == 0) {
                fillRun(o, off[0], n, s, off[1]);
            } else if (sameType) {
                stridedRun(o, off[0], st[0], s, off[1], st[1], n);
            } else {
                for (int i = 0; i < n; i++) {
                    copyElement(o, off[0] + i * st[0], s, off[1] + i * st[1]);
                }
            }
        });
        return dst;
    }

    /** One element from s[j] to o[i], converting as C++ static_cast does. */
    static void copyElement(CpuStorage o, int i, CpuStorage s, int j) {
        if (s.dtype().isFloatingPoint()) {
            o.setDouble(i, s.getDouble(j));
        } else {
            o.setLong(i, s.getLong(j));
        }
    }

    /** n elements from s (offset j, step js) to o (offset i, step is), both of one dtype: typed loops, no boxing. */
    private static void stridedRun(CpuStorage o, int i, int is, CpuStorage s, int j, int js, int n) {
        switch (o.dtype()) {
            case FLOAT32: {
                float[] d = o.floats();
                float[] src = s.floats();
                for (int k = 0; k < n; k++) d[i + k * is] = src[j + k * js];
                break;
            }
            case FLOAT64: {
                double[] d = o.doubles();
                double[] src = s.doubles();
                for (int k = 0; k < n; k++) d[i + k * is] = src[j + k * js];
                break;
            }
            case INT64: {
                long[] d = o.longs();
                long[] src = s.longs();
                for (int k = 0; k < n; k++) d[i + k * is] = src[j + k * js];
                break;
            }
            case INT32: {
                int[] d = o.ints();
                int[] src = s.ints();
                for (int k = 0; k < n; k++) d[i + k * is] = src[j + k * js];
                break;
            }
            default: {
                boolean[] d = o.bools();
                boolean[] src = s.bools();
                for (int k = 0; k < n; k++) d[i + k * is] = src[j + k * js];
                break;
            }
        }
    }

    /** o[from .. from+n) = s[j], all of one dtype. */
    static void fillRun(CpuStorage o, int from, int n, CpuStorage s, int j) {
        switch (o.dtype()) {
            case FLOAT32: Arrays.fill(o.floats(), from, from + n, s.floats()[j]); break;
            case FLOAT64: Arrays.fill(o.doubles(), from, from + n, s.doubles()[j]); break;
            case INT64: Arrays.fill(o.longs(), from, from + n, s.longs()[j]); break;
            case INT32: Arrays.fill(o.ints(), from, from + n, s.ints()[j]); break;
            default: Arrays.fill(o.bools(), from, from + n, s.bools()[j]);
        }
    }

    static Tensor fill(Tensor x, Tensor value) {
        x.storage().bumpVersion();
        return copy(x, value);
    }
}
