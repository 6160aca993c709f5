package org.torch4j.internal.cpu;

import java.util.Arrays;
import org.torch4j.Tensor;

/**
 * Runs one {@link ReduceKind} over a {@link ReductionPlan} for float32, float64 or int64 input, choosing the
 * loop per run of output elements: when those outputs are contiguous in the input (a reduction over outer
 * dims), whole input rows are folded into the output row with vector loops; otherwise each output element
 * folds its own input runs (vector loops for contiguous runs, scalar ones for strided runs).
 */
final class Reducer {
    /** Rows a float32 sum adds in float lanes before carrying them into float64. */
    private static final int FLUSH = 64;

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

    /** Whether the n outputs of a run are contiguous both in the output and as input bases. */
    private static boolean rowWise(ReductionPlan p, int[] steps, int n) {
        return n > 1 && steps[0] == 1 && steps[1] == 1 && p.innerStride != 1;
    }

    private static void floats(ReduceKind kind, ReductionPlan p, float[] in, float[] out) {
        p.forEachOutput((off, st, n) -> {
            if (rowWise(p, st, n)) {
                floatRows(kind, p, in, off[1], out, off[0], n);
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

    /** Folds every reduced row into out[o .. o+n); sums carry into float64 every FLUSH rows. */
    private static void floatRows(ReduceKind kind, ReductionPlan p, float[] in, int base, float[] out, int o, int n) {
        Arrays.fill(out, o, o + n, (float) kind.identity());
        double[] carry = kind.isSum() ? new double[n] : null;
        int limit = carry != null ? FLUSH : Integer.MAX_VALUE;
        int pending = 0;
        for (int r : p.runStarts) {
            for (int k = 0; k < p.innerSize; ) {
                int take = Math.min(p.innerSize - k, limit - pending);
                FloatReduce.rows(kind, out, o, in, base + r + k * p.innerStride, p.innerStride, take, n);
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
                Arrays.fill(out, off[0], off[0] + n, kind.identity());
                for (int r : p.runStarts) {
                    DoubleReduce.rows(kind, out, off[0], in, off[1] + r, p.innerStride, p.innerSize, n);
                }
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
