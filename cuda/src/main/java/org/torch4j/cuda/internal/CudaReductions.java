package org.torch4j.cuda.internal;

import java.lang.ref.Reference;
import java.util.Arrays;
import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.internal.OpChecks;
import org.torch4j.internal.TypePromotion;

/**
 * Reductions on CUDA tensors (reduce.cu) with the CPU backend's result dtypes, checks and formulas: integral
 * and bool inputs reduce in int64, floating ones in their own dtype; var/std and logsumexp run their two passes
 * inside one kernel. Few outputs of many elements each are split over the whole GPU ({@link ReducePlan#parts}).
 */
final class CudaReductions {
    private static final String MODULE = "reduce";

    private CudaReductions() {
    }

    /** {@code torch.sum(x, dims, keepdim, dtype)}: x is first converted to dtype; ints and bools sum to int64. */
    static Tensor sum(Tensor x, int[] dims, boolean keepdim, DType dtype) {
        DType target = dtype != null ? dtype : x.dtype().isFloatingPoint() ? x.dtype() : DType.INT64;
        return reduce("sum", CudaReduceKind.SUM, CudaElementwise.cast(x, target), dims, keepdim, target, 0, 0);
    }

    static Tensor mean(Tensor x, int[] dims, boolean keepdim) {
        OpChecks.meanDType(x.dtype());
        return reduce("mean", CudaReduceKind.MEAN, x, dims, keepdim, x.dtype(), 0, 0);
    }

    /** {@code torch.prod}; ints and bools multiply to int64. */
    static Tensor prod(Tensor x, Integer dim, boolean keepdim) {
        DType target = x.dtype().isFloatingPoint() ? x.dtype() : DType.INT64;
        return reduce("prod", CudaReduceKind.PROD, x, dim == null ? new int[0] : new int[] {dim}, keepdim, target, 0, 0);
    }

    static Tensor amax(Tensor x, int[] dims, boolean keepdim) {
        OpChecks.extremeReduction("amax", x, dims);
        return reduce("amax", CudaReduceKind.MAX, x, dims, keepdim, x.dtype(), 0, 0);
    }

    static Tensor amin(Tensor x, int[] dims, boolean keepdim) {
        OpChecks.extremeReduction("amin", x, dims);
        return reduce("amin", CudaReduceKind.MIN, x, dims, keepdim, x.dtype(), 0, 0);
    }

    /** {@code x.max()}: the largest element as a 0-dim tensor. */
    static Tensor maxAll(Tensor x) {
        OpChecks.extremeReduction("max", x, new int[0]);
        return reduce("max", CudaReduceKind.MAX, x, new int[0], false, x.dtype(), 0, 0);
    }

    /** {@code x.min()}. */
    static Tensor minAll(Tensor x) {
        OpChecks.extremeReduction("min", x, new int[0]);
        return reduce("min", CudaReduceKind.MIN, x, new int[0], false, x.dtype(), 0, 0);
    }

    static Tensor var(Tensor x, int[] dims, double correction, boolean keepdim) {
        OpChecks.momentsDType(x.dtype());
        return reduce("var", CudaReduceKind.VAR, x, dims, keepdim, x.dtype(), 0, correction);
    }

    static Tensor std(Tensor x, int[] dims, double correction, boolean keepdim) {
        OpChecks.momentsDType(x.dtype());
        return reduce("std", CudaReduceKind.STD, x, dims, keepdim, x.dtype(), 0, correction);
    }

    /** {@code torch.norm(x, p, dims, keepdim)}: the vector p-norm; empty reductions give 0. */
    static Tensor norm(Tensor x, double p, int[] dims, boolean keepdim) {
        OpChecks.normDType(x.dtype());
        ReducePlan plan = new ReducePlan(x, dims, keepdim);
        if (plan.count == 0) {
            return plan.shape(CudaElementwise.empty(x.device(), plan.keepShape, x.dtype()));
        }
        CudaReduceKind kind = p == 2 ? CudaReduceKind.NORM2 : p == 0 ? CudaReduceKind.COUNT_NONZERO
                : p == Double.POSITIVE_INFINITY ? CudaReduceKind.MAX_ABS : p == Double.NEGATIVE_INFINITY
                ? CudaReduceKind.MIN_ABS : p == 1 ? CudaReduceKind.SUM_ABS : CudaReduceKind.NORM_P;
        return run("norm", kind, x, plan, x.dtype(), p, 0);
    }

    /** {@code torch.logsumexp}: integer inputs in float32. */
    static Tensor logsumexp(Tensor x, int[] dims, boolean keepdim) {
        Tensor in = CudaElementwise.cast(x, TypePromotion.toFloating(x.dtype()));
        return reduce("logsumexp", CudaReduceKind.LOGSUMEXP, in, dims, keepdim, in.dtype(), 0, 0);
    }

    private static Tensor reduce(String op, CudaReduceKind kind, Tensor x, int[] dims, boolean keepdim, DType out,
                                 double p, double correction) {
        return run(op, kind, x, new ReducePlan(x, dims, keepdim), out, p, correction);
    }

    /** The reduction of x by plan into a new tensor of dtype out, computed in x's dtype (int64 for integers). */
    private static Tensor run(String op, CudaReduceKind kind, Tensor x, ReducePlan plan, DType out, double p,
                              double correction) {
        Tensor result = CudaElementwise.allocate(x.device(), plan.keepShape, out);
        if (plan.outputs > 0) {
            launch("reduce", x, plan, plan.outputs(op, result, null), plan.reduced(op), ReducePlan.STATE_BYTES,
                    kind.ordinal(), p, correction);
        }
        return plan.shape(result);
    }

    /**
     * Launches kernel_rows or kernel_cols (as the plan says) for x's dtype with the arguments (it, red, parts,
     * chunk, partials, then args). Where the plan splits each output into several parts, the parts write their
     * partial states (stateBytes each) to a scratch block of the caching allocator and kernel_combine_rows or
     * kernel_combine_cols (same arguments, shape from the plan) merges them per output.
     */
    private static void launch(String kernel, Tensor x, ReducePlan plan, Iter it, byte[] red, int stateBytes,
                               Object... args) {
        DeviceContext device = CudaRuntime.context(x.device());
        int parts = plan.parts(device.multiprocessors());
        Tensor partials = parts == 1 ? null : CudaElementwise.allocate(x.device(),
                new int[] {(int) (((long) plan.outputs * parts * stateBytes + 7) / 8)}, DType.INT64);
        Object[] all = new Object[5 + args.length];
        all[0] = it.bytes;
        all[1] = red;
        all[2] = parts;
        all[3] = plan.chunk(parts);
        all[4] = partials == null ? 0L : Iter.address(partials);
        System.arraycopy(args, 0, all, 5, args.length);
        String suffix = CudaElementwise.suffix(x.dtype());
        device.launch(MODULE, kernel + (plan.rows() ? "_rows_" : "_cols_") + suffix, plan.blocks(parts), plan.threads(),
                all);
        if (parts > 1) {
            device.launch(MODULE, kernel + (plan.combineRows(parts) ? "_combine_rows_" : "_combine_cols_") + suffix,
                    plan.combineBlocks(parts), plan.combineThreads(parts), all);
            Reference.reachabilityFence(partials);
        }
    }

    /** {@code torch.max(x, dim, keepdim)}: {values, int64 indices}. */
    static Tensor[] maxDim(Tensor x, int dim, boolean keepdim) {
        OpChecks.nonEmptyDim("max", x, dim);
        return argReduce("max", true, x, new int[] {dim}, keepdim, true);
    }

    static Tensor[] minDim(Tensor x, int dim, boolean keepdim) {
        OpChecks.nonEmptyDim("min", x, dim);
        return argReduce("min", false, x, new int[] {dim}, keepdim, true);
    }

    /** {@code torch.argmax}; dim null means over the flattened tensor. */
    static Tensor argmax(Tensor x, Integer dim, boolean keepdim) {
        OpChecks.argReduction("argmax", "argmax_cuda", x, dim);
        return argIndex("argmax", true, x, dim, keepdim);
    }

    static Tensor argmin(Tensor x, Integer dim, boolean keepdim) {
        OpChecks.argReduction("argmin", "argmin_cuda", x, dim);
        return argIndex("argmin", false, x, dim, keepdim);
    }

    private static Tensor argIndex(String op, boolean max, Tensor x, Integer dim, boolean keepdim) {
        if (dim != null) {
            return argReduce(op, max, x, new int[] {dim}, keepdim, false)[1];
        }
        Tensor index = argReduce(op, max, x, new int[0], false, false)[1];
        int[] shape = new int[keepdim ? x.dim() : 0];
        Arrays.fill(shape, 1);
        return Tensor.of(index.storage(), shape);
    }

    /** {values (or null), indices} of the largest or smallest elements over dims (one dim, or all). */
    private static Tensor[] argReduce(String op, boolean max, Tensor x, int[] dims, boolean keepdim, boolean values) {
        ReducePlan plan = new ReducePlan(x, dims, keepdim);
        Tensor v = values ? CudaElementwise.allocate(x.device(), plan.keepShape, x.dtype()) : null;
        Tensor indices = CudaElementwise.allocate(x.device(), plan.keepShape, DType.INT64);
        if (plan.outputs > 0) {
            launch("argreduce", x, plan, plan.outputs(op, v, indices), plan.reduced(op), ReducePlan.ARG_STATE_BYTES,
                    max ? 1 : 0);
        }
        return new Tensor[] {v == null ? null : plan.shape(v), plan.shape(indices)};
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
            return CudaElementwise.empty(x.device(), x.shape(), x.dtype());
        }
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("\"host_softmax\" not implemented for '" + x.dtype().scalarTypeName() + "'");
        }
        Tensor in = x.isContiguous() ? x : CudaElementwise.clone(x, true);
        int[] geometry = lines(x.shape(), dim);
        Tensor out = CudaElementwise.allocate(x.device(), x.shape(), x.dtype());
        DeviceContext device = CudaRuntime.context(x.device());
        String suffix = CudaElementwise.suffix(x.dtype());
        long inAddress = Iter.address(in);
        long outAddress = Iter.address(out);
        int outer = geometry[0];
        int n = geometry[1];
        int inner = geometry[2];
        if (inner == 1) {
            int threads = Math.min(DeviceContext.THREADS, Math.max(32, Integer.highestOneBit(Math.max(1, n - 1)) * 2));
            device.launch(MODULE, "softmax_rows_" + suffix, DeviceContext.blocks(outer, 1), threads, inAddress,
                    outAddress, outer, n, log ? 1 : 0);
        } else {
            device.launch(MODULE, "softmax_cols_" + suffix, DeviceContext.blocks((long) outer * inner, DeviceContext.THREADS),
                    DeviceContext.THREADS, inAddress, outAddress, outer, n, inner, log ? 1 : 0);
        }
        return out;
    }

    /** {outer, n, inner}: x seen as (dims before dim, dim, dims after dim); n is 1 for a 0-dim x. */
    private static int[] lines(int[] shape, int dim) {
        int outer = 1;
        int inner = 1;
        for (int d = 0; d < shape.length; d++) {
            if (d < dim) {
                outer *= shape[d];
            } else if (d > dim) {
                inner *= shape[d];
            }
        }
        return new int[] {outer, shape.length == 0 ? 1 : shape[dim], inner};
    }

    /** {@code torch.cumsum(x, dim)}: ints and bools give int64. */
    static Tensor cumsum(Tensor x, int dim) {
        Tensor in = CudaElementwise.cast(x, x.dtype().isFloatingPoint() ? x.dtype() : DType.INT64);
        if (x.dim() == 0) {
            return CudaElementwise.clone(in, true);
        }
        in = in.isContiguous() ? in : CudaElementwise.clone(in, true);
        Tensor out = CudaElementwise.allocate(x.device(), x.shape(), in.dtype());
        if (x.numel() > 0) {
            int[] g = lines(x.shape(), dim);
            CudaRuntime.context(x.device()).launch(MODULE, "cumsum_" + CudaElementwise.suffix(in.dtype()),
                    DeviceContext.blocks((long) g[0] * g[2], DeviceContext.THREADS), DeviceContext.THREADS,
                    Iter.address(in), Iter.address(out), g[0], g[1], g[2]);
        }
        return out;
    }
}
