package org.torch4j.internal.cpu;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.internal.CpuStorage;
import org.torch4j.internal.OpChecks;
import org.torch4j.internal.Parallel;
import org.torch4j.internal.TypePromotion;

/**
 * Reductions on CPU tensors with PyTorch's semantics: result dtypes, errors, empty inputs, NaN handling.
 * sum, mean, prod, amax and amin run one {@link Reducer} pass; max/min over a dim and argmax/argmin run
 * {@link ArgReduce}; var, std, norm and logsumexp combine those passes with elementwise kernels; softmax and
 * cumsum have their own loops ({@link Softmax}, {@link Scan}). Integer and bool inputs reduce in int64.
 */
final class Reductions {
    private Reductions() {
    }

    /** {@code torch.sum(x, dims, keepdim, dtype)}: x is first converted to dtype; ints and bools sum to int64. */
    static Tensor sum(Tensor x, int[] dims, boolean keepdim, DType dtype) {
        DType target = dtype != null ? dtype : x.dtype().isFloatingPoint() ? x.dtype() : DType.INT64;
        if (target == x.dtype() && target.isFloatingPoint() && x.isContiguous()) {
            // small fast paths without a reduction plan: everything, or leading dims
            if (dims.length == 0) {
                return Reducer.reduceContiguous(ReduceKind.SUM, x, keepdim);
            }
            int lead = leadingRows(x, dims);
            if (lead > 0) {
                return Reducer.reduceLeading(ReduceKind.SUM, x, lead, keepdim);
            }
        }
        Tensor in = widen(Elementwise.cast(x, target));
        ReductionPlan p = ReductionPlan.of(in, dims, keepdim);
        return p.shape(Elementwise.cast(Reducer.reduce(ReduceKind.SUM, in, p), target));
    }

    /** {@code torch.mean}: floating inputs only; the mean of nothing is NaN. */
    static Tensor mean(Tensor x, int[] dims, boolean keepdim) {
        OpChecks.meanDType(x.dtype());
        ReductionPlan p = ReductionPlan.of(x, dims, keepdim);
        Tensor sum = Reducer.reduce(ReduceKind.SUM, x, p);
        int n = p.count;
        map(sum, s -> s / n);
        return p.shape(sum);
    }

    /** {@code torch.prod} over everything (dim null) or one dim; ints and bools multiply in int64. */
    static Tensor prod(Tensor x, Integer dim, boolean keepdim) {
        Tensor in = widen(x);
        ReductionPlan p = ReductionPlan.of(in, dim == null ? new int[0] : new int[] {dim}, keepdim);
        return p.shape(Reducer.reduce(ReduceKind.PROD, in, p));
    }

    /** {@code torch.amax}. */
    static Tensor amax(Tensor x, int[] dims, boolean keepdim) {
        return extreme(ReduceKind.MAX, "amax", x, dims, keepdim);
    }

    /** {@code torch.amin}. */
    static Tensor amin(Tensor x, int[] dims, boolean keepdim) {
        return extreme(ReduceKind.MIN, "amin", x, dims, keepdim);
    }

    /** {@code x.max()}. */
    static Tensor maxAll(Tensor x) {
        return extreme(ReduceKind.MAX, "max", x, new int[0], false);
    }

    /** {@code x.min()}. */
    static Tensor minAll(Tensor x) {
        return extreme(ReduceKind.MIN, "min", x, new int[0], false);
    }

    private static Tensor extreme(ReduceKind kind, String name, Tensor x, int[] dims, boolean keepdim) {
        OpChecks.extremeReduction(name, x, dims);
        Tensor in = widen(x);
        ReductionPlan p = ReductionPlan.of(in, dims, keepdim);
        return p.shape(Elementwise.cast(Reducer.reduce(kind, in, p), x.dtype()));
    }

    /** {@code torch.max(x, dim, keepdim)}: {values, int64 indices}. */
    static Tensor[] maxDim(Tensor x, int dim, boolean keepdim) {
        return withIndices(true, "max", x, dim, keepdim);
    }

    /** {@code torch.min(x, dim, keepdim)}: {values, int64 indices}. */
    static Tensor[] minDim(Tensor x, int dim, boolean keepdim) {
        return withIndices(false, "min", x, dim, keepdim);
    }

    private static Tensor[] withIndices(boolean max, String name, Tensor x, int dim, boolean keepdim) {
        OpChecks.nonEmptyDim(name, x, dim);
        Tensor in = widen(x);
        ReductionPlan p = ReductionPlan.of(in, new int[] {dim}, keepdim);
        Tensor[] r = ArgReduce.reduce(max, in, p);
        return new Tensor[] {p.shape(Elementwise.cast(r[0], x.dtype())), p.shape(r[1])};
    }

    /** {@code torch.argmax}; dim null means over the flattened tensor. */
    static Tensor argmax(Tensor x, Integer dim, boolean keepdim) {
        return argExtreme(true, "argmax", x, dim, keepdim);
    }

    /** {@code torch.argmin}; dim null means over the flattened tensor. */
    static Tensor argmin(Tensor x, Integer dim, boolean keepdim) {
        return argExtreme(false, "argmin", x, dim, keepdim);
    }

    private static Tensor argExtreme(boolean max, String name, Tensor x, Integer dim, boolean keepdim) {
        OpChecks.argReduction(name, name + "_cpu", x, dim);
        Tensor in = widen(x);
        if (dim != null) {
            ReductionPlan p = ReductionPlan.of(in, new int[] {dim}, keepdim);
            return p.shape(ArgReduce.reduce(max, in, p)[1]);
        }
        Tensor flat = contiguous(in);
        flat = Tensor.of(flat.storage(), new int[] {flat.numel()}, new int[] {1}, flat.storageOffset());
        Tensor index = ArgReduce.reduce(max, flat, ReductionPlan.of(flat, new int[] {0}, false))[1];
        int[] shape = new int[keepdim ? x.dim() : 0];
        Arrays.fill(shape, 1);
        return Tensor.of(index.storage(), shape);
    }

    /** {@code torch.var(x, dims, correction, keepdim)}: floating only; N &lt;= correction gives inf or NaN. */
    static Tensor var(Tensor x, int[] dims, double correction, boolean keepdim) {
        ReductionPlan p = planForMoments(x, dims, keepdim);
        return p.shape(variance(x, p, dims, correction));
    }

    /** {@code torch.std(x, dims, correction, keepdim)}: the square root of {@link #var}. */
    static Tensor std(Tensor x, int[] dims, double correction, boolean keepdim) {
        ReductionPlan p = planForMoments(x, dims, keepdim);
        Tensor v = variance(x, p, dims, correction);
        map(v, Math::sqrt);
        return p.shape(v);
    }

    private static ReductionPlan planForMoments(Tensor x, int[] dims, boolean keepdim) {
        OpChecks.momentsDType(x.dtype());
        return ReductionPlan.of(x, dims, keepdim);
    }

    /**
     * The variance in keepdim shape, by two passes: the mean, then the sums of the deviations d and of d²;
     * (Σd² - (Σd)²/N) cancels the rounding error of the mean to first order.
     */
    private static Tensor variance(Tensor x, ReductionPlan p, int[] dims, double correction) {
        int n = p.count;
        Tensor mean = Reducer.reduce(ReduceKind.SUM, x, p);
        map(mean, s -> s / n);
        Tensor dev = Elementwise.binary(BinaryOp.SUB, x, mean, 1, null);
        ReductionPlan q = ReductionPlan.of(dev, dims, true);
        Tensor squares = Reducer.reduce(ReduceKind.SUM_SQ, dev, q);
        CpuStorage sq = Elementwise.data(squares);
        CpuStorage lin = Elementwise.data(Reducer.reduce(ReduceKind.SUM, dev, q));
        double divisor = Math.max(0, n - correction);
        for (int i = 0; i < sq.length(); i++) {
            double d = lin.getDouble(i);
            sq.setDouble(i, Math.max(0, sq.getDouble(i) - d * d / n) / divisor);
        }
        return squares;
    }

    /** {@code torch.norm(x, p, dims, keepdim)}: the vector p-norm; floating only; empty reductions give 0. */
    static Tensor norm(Tensor x, double p, int[] dims, boolean keepdim) {
        OpChecks.normDType(x.dtype());
        ReductionPlan plan = ReductionPlan.of(x, dims, keepdim);
        if (plan.count == 0) {
            return plan.shape(Elementwise.empty(plan.keepShape, x.dtype()));
        }
        if (p == 2) {
            Tensor r = Reducer.reduce(ReduceKind.SUM_SQ, x, plan);
            map(r, Math::sqrt);
            return plan.shape(r);
        }
        if (p == 0) {
            Tensor nonZero = Elementwise.binary(BinaryOp.NE, x, scalar(0, x.dtype()), 1, null);
            return plan.shape(reduceAll(ReduceKind.SUM, Elementwise.cast(nonZero, x.dtype()), dims));
        }
        Tensor abs = Elementwise.unary(UnaryOp.ABS, x, null);
        if (p == Double.POSITIVE_INFINITY || p == Double.NEGATIVE_INFINITY) {
            return plan.shape(reduceAll(p > 0 ? ReduceKind.MAX : ReduceKind.MIN, abs, dims));
        }
        if (p == 1) {
            return plan.shape(reduceAll(ReduceKind.SUM, abs, dims));
        }
        Tensor r = reduceAll(ReduceKind.SUM, Elementwise.binary(BinaryOp.POW, abs, scalar(p, x.dtype()), 1, null), dims);
        map(r, s -> Math.pow(s, 1 / p));
        return plan.shape(r);
    }

    /** {@code torch.logsumexp}: log(Σ exp(x - m)) + m with m the max (0 where it is infinite), as PyTorch. */
    static Tensor logsumexp(Tensor x, int[] dims, boolean keepdim) {
        Tensor in = Elementwise.cast(x, TypePromotion.toFloating(x.dtype()));
        ReductionPlan p = ReductionPlan.of(in, dims, keepdim);
        Tensor result = Elementwise.empty(p.keepShape, in.dtype());
        if (in.numel() == 0) {
            map(result, Math::log);
            return p.shape(result);
        }
        Tensor max = Reducer.reduce(ReduceKind.MAX, in, p);
        map(max, m -> Double.isInfinite(m) ? 0 : m);
        Tensor shifted = Elementwise.binary(BinaryOp.SUB, in, max, 1, null);
        Elementwise.unary(UnaryOp.EXP, shifted, shifted);
        CpuStorage sum = Elementwise.data(reduceAll(ReduceKind.SUM, shifted, dims));
        CpuStorage m = Elementwise.data(max);
        CpuStorage r = Elementwise.data(result);
        for (int i = 0; i < r.length(); i++) {
            r.setDouble(i, Math.log(sum.getDouble(i)) + m.getDouble(i));
        }
        return p.shape(result);
    }

    /** {@code torch.softmax(x, dim)}. */
    static Tensor softmax(Tensor x, int dim) {
        return softmax(x, dim, false);
    }

    /** {@code torch.log_softmax(x, dim)}. */
    static Tensor logSoftmax(Tensor x, int dim) {
        return softmax(x, dim, true);
    }

    private static Tensor softmax(Tensor x, int dim, boolean log) {
        if (x.numel() == 0) {
            return Elementwise.empty(x.shape(), x.dtype());
        }
        if (!x.dtype().isFloatingPoint()) {
            String kernel = dim < x.dim() - 1 ? "softmax_kernel_impl"
                    : log ? "log_softmax_lastdim_kernel_impl" : "softmax_lastdim_kernel_impl";
            throw new IllegalArgumentException("\"" + kernel + "\" not implemented for '" + x.dtype().scalarTypeName() + "'");
        }
        return Softmax.run(contiguous(x), dim, log);
    }

    /** {@code torch.cumsum(x, dim)}: ints and bools give int64. */
    static Tensor cumsum(Tensor x, int dim) {
        return Scan.cumsum(widen(x), dim);
    }

    // ------------------------------------------------------------------ helpers

    /** x in a dtype the reduction loops run on: floats unchanged, ints and bools as int64. */
    /**
     * How many leading dims {@code dims} names when it is exactly 0, 1, ..., j-1 and x (at most
     * {@link Parallel#GRAIN_SIZE} elements) folds more than one row into each output; else 0.
     */
    private static int leadingRows(Tensor x, int[] dims) {
        int lead = dims.length;
        if (lead >= x.dim() || x.numel() > Parallel.GRAIN_SIZE) {
            return 0;
        }
        long rows = 1;
        for (int i = 0; i < lead; i++) {
            if (dims[i] != i) {
                return 0;
            }
            rows *= x.size(i);
        }
        return rows > 1 ? lead : 0;
    }

    private static Tensor widen(Tensor x) {
        return x.dtype().isFloatingPoint() ? x : Elementwise.cast(x, DType.INT64);
    }

    /** The keepdim-shaped reduction of a tensor (a temporary of the caller) over dims. */
    private static Tensor reduceAll(ReduceKind kind, Tensor t, int[] dims) {
        return Reducer.reduce(kind, t, ReductionPlan.of(t, dims, true));
    }

    private static Tensor contiguous(Tensor x) {
        return x.isContiguous() ? x : Elementwise.copy(Elementwise.empty(x.shape(), x.dtype()), x);
    }

    /** A 0-dim tensor of the given floating dtype (so that it does not promote a 0-dim float32 operand). */
    private static Tensor scalar(double value, DType dtype) {
        return Elementwise.cast(Tensor.of(CpuStorage.wrap(new double[] {value})), dtype);
    }

    /** Replaces every element of a fresh contiguous tensor t by f(element). */
    private static void map(Tensor t, DoubleUnaryOperator f) {
        CpuStorage s = Elementwise.data(t);
        for (int i = 0; i < s.length(); i++) {
            s.setDouble(i, f.applyAsDouble(s.getDouble(i)));
        }
    }
}
