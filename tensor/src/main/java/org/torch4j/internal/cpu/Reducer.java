package org.torch4j.internal.cpu;

import java.util.Arrays;
import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.internal.Parallel;

/**
 * Runs one {@link ReduceKind} over a {@link ReductionPlan} for float32, float64 or int64 input, choosing the
 * loop per run of output elements: when those outputs are contiguous in the input (a reduction over outer
 * dims), whole input rows are folded into the output row with vector loops; otherwise each output element
 * folds its own input runs (vector loops for contiguous runs, scalar ones for strided runs).
 */
final class Reducer {
    /** Rows a float32 sum adds in float lanes before carrying them into float64. */
    private static final int FLUSH = 64;
    /** The shape of a full reduction without keepdim (shared: a tensor's shape is never written). */
    private static final int[] SCALAR = new int[0];

    private Reducer() {
    }

    /** The reduction of x (float32, float64 or int64) in x's dtype, shaped as {@link ReductionPlan#keepShape}. */
    static Tensor reduce(ReduceKind kind, Tensor x, ReductionPlan p) {
        Tensor out = Elementwise.empty(p.keepShape, x.dtype());
        switch (x.dtype()) {
            case FLOAT32: floats(kind, p, Elementwise.data(x).floats(), Elementwise.data(out).floats()); break;
            case FLOAT64: doubles(kind, p, Elementwise.data(x).doubles(), Elementwise.data(out).doubles()); break;
            case INT64: longs(kind, p, Elementwise.data(x).longs(), Elementwise.data(out).longs()); break;
            default: throw new IllegalStateException("Reducer needs float32, float64 or int64, got " + x.dtype());
        }
        return out;
    }

    /**
     * The reduction of every element of a contiguous float32 or float64 x without a plan: the one run that the plan
     * of a contiguous input coalesces to, folded as {@link #reduce} folds it; keepdim keeps x's dims as ones.
     */
    static Tensor reduceContiguous(ReduceKind kind, Tensor x, boolean keepdim) {
        if (!keepdim) {
            return fold(kind, x, SCALAR);
        }
        int[] shape = new int[x.dim()];
        Arrays.fill(shape, 1);
        return fold(kind, x, shape);
    }

    /** The fold of every element of a contiguous float32 or float64 x into a one-element tensor of the shape. */
    private static Tensor fold(ReduceKind kind, Tensor x, int[] shape) {
        Tensor out = Elementwise.empty(shape, x.dtype());
        int n = x.numel();
        double acc = kind.identity();
        if (x.dtype() == DType.FLOAT32) {
            if (n > 0) {
                acc = kind.combine(acc, FloatReduce.run(kind, Elementwise.data(x).floats(), x.storageOffset(), 1, n));
            }
            Elementwise.data(out).floats()[0] = (float) acc;
        } else {
            if (n > 0) {
                acc = kind.combine(acc, DoubleReduce.run(kind, Elementwise.data(x).doubles(), x.storageOffset(), 1, n));
            }
            Elementwise.data(out).doubles()[0] = acc;
        }
        return out;
    }

    /**
     * The reduction of a contiguous float32 or float64 x over its first {@code lead} dims (more than one element
     * reduced into each output, at most {@link Parallel#GRAIN_SIZE} elements in all) without a plan: whole rows
     * folded into the output row (or, for a single output, the one run), as {@link #reduce} folds the one run its
     * plan coalesces them to.
     */
    static Tensor reduceLeading(ReduceKind kind, Tensor x, int lead, boolean keepdim) {
        int[] shape = x.shape();
        int rows = 1;
        for (int d = 0; d < lead; d++) {
            rows *= shape[d];
            shape[d] = 1;
        }
        int[] outShape = keepdim ? shape : Arrays.copyOfRange(shape, lead, shape.length);
        if (x.numel() == rows) {
            return fold(kind, x, outShape);
        }
        Tensor out = Elementwise.empty(outShape, x.dtype());
        int n = out.numel();
        if (x.dtype() == DType.FLOAT32) {
            floatRows(kind, ONE_RUN, rows, n, Elementwise.data(x).floats(), x.storageOffset(),
                    Elementwise.data(out).floats(), 0, n);
        } else {
            doubleRows(kind, ONE_RUN, rows, n, Elementwise.data(x).doubles(), x.storageOffset(),
                    Elementwise.data(out).doubles(), 0, n);
        }
        return out;
    }

    /** Whether the n outputs of a run are contiguous both in the output and as input bases. */
    private static boolean rowWise(ReductionPlan p, int[] steps, int n) {
        return n > 1 && steps[0] == 1 && steps[1] == 1 && p.innerStride != 1;
    }

    /** The run starts of a plan whose reduced dims coalesce into one run. */
    private static final int[] ONE_RUN = {0};

    private static void floats(ReduceKind kind, ReductionPlan p, float[] in, float[] out) {
        p.forEachOutput((off, st, n) -> {
            if (rowWise(p, st, n)) {
                floatRows(kind, p.runStarts, p.innerSize, p.innerStride, in, off[1], out, off[0], n);
                return;
            }
            for (int i = 0; i < n; i++) {
                int base = off[1] + i * st[1];
                double acc = kind.identity();
                for (int r : p.runStarts) {
                    acc = kind.combine(acc, FloatReduce.run(kind, in, base + r, p.innerStride, p.innerSize));
                }
                out[off[0] + i * st[0]] = (float) acc;
            }
        });
    }

    /**
     * Folds every reduced row into out[o .. o+n); sums carry into float64 every FLUSH rows. With FLUSH rows or fewer
     * there is no carry: adding a float sum to a float64 zero and rounding back gives that sum again (it is never
     * -0, as it starts from +0), so the result is the same.
     */
    private static void floatRows(ReduceKind kind, int[] runStarts, int innerSize, int innerStride, float[] in, int base,
            float[] out, int o, int n) {
        Arrays.fill(out, o, o + n, (float) kind.identity());
        double[] carry = kind.isSum() && (long) runStarts.length * innerSize > FLUSH ? new double[n] : null;
        int limit = carry != null ? FLUSH : Integer.MAX_VALUE;
        int pending = 0;
        for (int r : runStarts) {
            for (int k = 0; k < innerSize; ) {
                int take = Math.min(innerSize - k, limit - pending);
                FloatReduce.rows(kind, out, o, in, base + r + k * innerStride, innerStride, take, n);
                k += take;
                pending += take;
                if (pending == FLUSH && carry != null) {
                    flush(carry, out, o, n);
                    pending = 0;
                }
            }
        }
        if (carry != null) {
            flush(carry, out, o, n);
            for (int j = 0; j < n; j++) {
                out[o + j] = (float) carry[j];
            }
        }
    }

    private static void flush(double[] carry, float[] out, int o, int n) {
        for (int j = 0; j < n; j++) {
            carry[j] += out[o + j];
            out[o + j] = 0;
        }
    }

    private static void doubles(ReduceKind kind, ReductionPlan p, double[] in, double[] out) {
        p.forEachOutput((off, st, n) -> {
            if (rowWise(p, st, n)) {
                doubleRows(kind, p.runStarts, p.innerSize, p.innerStride, in, off[1], out, off[0], n);
                return;
            }
            for (int i = 0; i < n; i++) {
                int base = off[1] + i * st[1];
                double acc = kind.identity();
                for (int r : p.runStarts) {
                    acc = kind.combine(acc, DoubleReduce.run(kind, in, base + r, p.innerStride, p.innerSize));
                }
                out[off[0] + i * st[0]] = acc;
            }
        });
    }

    /** Folds every reduced row into out[o .. o+n). */
    private static void doubleRows(ReduceKind kind, int[] runStarts, int innerSize, int innerStride, double[] in,
            int base, double[] out, int o, int n) {
        Arrays.fill(out, o, o + n, kind.identity());
        for (int r : runStarts) {
            DoubleReduce.rows(kind, out, o, in, base + r, innerStride, innerSize, n);
        }
    }

    private static void longs(ReduceKind kind, ReductionPlan p, long[] in, long[] out) {
        p.forEachOutput((off, st, n) -> {
            for (int i = 0; i < n; i++) {
                int base = off[1] + i * st[1];
                long acc = kind.identityLong();
                for (int r : p.runStarts) {
                    for (int k = 0; k < p.innerSize; k++) {
                        acc = kind.combine(acc, in[base + r + k * p.innerStride]);
                    }
                }
                out[off[0] + i * st[0]] = acc;
            }
        });
    }
}
