package org.torch4j.internal.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Reduction loops over float64 data, the twin of {@link FloatReduce}: a whole run folded to one value
 * ({@link #run}), or contiguous rows folded elementwise into a row of accumulators ({@link #rows}).
 * Contiguous runs use the Vector API with independent accumulators, their vector loads starting on cache lines;
 * long runs fold leaves of {@link #LEAF} elements as a pairwise tree ({@link BlockFold}, split over the intra-op
 * threads).
 */
final class DoubleReduce {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Elements of one leaf of a long run (64 KiB). */
    private static final int LEAF = 8192;

    private DoubleReduce() {
    }

    private static DoubleVector at(double[] a, int i) {
        return DoubleVector.fromArray(S, a, i);
    }

    /** The fold of a[off], a[off + stride], ... (n elements). */
    static double run(ReduceKind kind, double[] a, int off, int stride, int n) {
        if (stride != 1 || n < L) {
            return strided(kind, a, off, stride, n);
        }
        if (kind == ReduceKind.PROD) {
            return prod(a, off, n);
        }
        if (n <= LEAF) {
            return contiguous(kind, a, off, off + n);
        }
        return BlockFold.fold(kind, off, n, LEAF, Double.BYTES, (from, to) -> contiguous(kind, a, from, to));
    }

    /** The sum, sum of squares, max or min of a[from .. to). */
    private static double contiguous(ReduceKind kind, double[] a, int from, int to) {
        switch (kind) {
            case SUM: return sum(a, from, to);
            case SUM_SQ: return sumOfSquares(a, from, to);
            case MAX: return max(a, from, to);
            default: return min(a, from, to);
        }
    }

    /** The sum of v's lanes in lane order: the same bits compiled or interpreted, which reduceLanes does not promise. */
    private static double laneSum(DoubleVector v) {
        double s = 0;
        for (int k = 0; k < L; k++) {
            s += v.lane(k);
        }
        return s;
    }

    /** The first index from {@code from} (at most to) whose element starts a cache line. */
    private static int lineStart(int from, int to) {
        return Math.min(to, BlockFold.lineStart(from, Double.BYTES));
    }

    private static double strided(ReduceKind kind, double[] a, int off, int stride, int n) {
        double acc = kind.identity();
        switch (kind) {
            case SUM: for (int i = 0; i < n; i++) acc += a[off + i * stride]; break;
            case SUM_SQ:
                for (int i = 0; i < n; i++) {
                    double v = a[off + i * stride];
                    acc += v * v;
                }
                break;
            case PROD: {
                double p = 1;
                for (int i = 0; i < n; i++) p *= a[off + i * stride];
                acc = p;
                break;
            }
            case MAX: for (int i = 0; i < n; i++) acc = Math.max(acc, a[off + i * stride]); break;
            default: for (int i = 0; i < n; i++) acc = Math.min(acc, a[off + i * stride]); break;
        }
        return acc;
    }

    /** The sum of a[from .. to): eight vector accumulators from the first line start. */
    private static double sum(double[] a, int from, int to) {
        int i = lineStart(from, to);
        double s = 0;
        for (int j = from; j < i; j++) {
            s += a[j];
        }
        DoubleVector s0 = DoubleVector.zero(S);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        DoubleVector s4 = s0;
        DoubleVector s5 = s0;
        DoubleVector s6 = s0;
        DoubleVector s7 = s0;
        for (; i <= to - 8 * L; i += 8 * L) {
            s0 = s0.add(at(a, i));
            s1 = s1.add(at(a, i + L));
            s2 = s2.add(at(a, i + 2 * L));
            s3 = s3.add(at(a, i + 3 * L));
            s4 = s4.add(at(a, i + 4 * L));
            s5 = s5.add(at(a, i + 5 * L));
            s6 = s6.add(at(a, i + 6 * L));
            s7 = s7.add(at(a, i + 7 * L));
        }
        for (; i <= to - L; i += L) {
            s0 = s0.add(at(a, i));
        }
        s += laneSum(s0.add(s1).add(s2.add(s3)).add(s4.add(s5).add(s6.add(s7))));
        for (; i < to; i++) {
            s += a[i];
        }
        return s;
    }

    /** The sum of the squares of a[from .. to), as {@link #sum}. */
    private static double sumOfSquares(double[] a, int from, int to) {
        int i = lineStart(from, to);
        double s = 0;
        for (int j = from; j < i; j++) {
            s += a[j] * a[j];
        }
        DoubleVector s0 = DoubleVector.zero(S);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        DoubleVector s4 = s0;
        DoubleVector s5 = s0;
        DoubleVector s6 = s0;
        DoubleVector s7 = s0;
        for (; i <= to - 8 * L; i += 8 * L) {
            DoubleVector v0 = at(a, i);
            DoubleVector v1 = at(a, i + L);
            DoubleVector v2 = at(a, i + 2 * L);
            DoubleVector v3 = at(a, i + 3 * L);
            DoubleVector v4 = at(a, i + 4 * L);
            DoubleVector v5 = at(a, i + 5 * L);
            DoubleVector v6 = at(a, i + 6 * L);
            DoubleVector v7 = at(a, i + 7 * L);
            s0 = v0.fma(v0, s0);
            s1 = v1.fma(v1, s1);
            s2 = v2.fma(v2, s2);
            s3 = v3.fma(v3, s3);
            s4 = v4.fma(v4, s4);
            s5 = v5.fma(v5, s5);
            s6 = v6.fma(v6, s6);
            s7 = v7.fma(v7, s7);
        }
        for (; i <= to - L; i += L) {
            DoubleVector v = at(a, i);
            s0 = v.fma(v, s0);
        }
        s += laneSum(s0.add(s1).add(s2.add(s3)).add(s4.add(s5).add(s6.add(s7))));
        for (; i < to; i++) {
            s += a[i] * a[i];
        }
        return s;
    }

    /** The product of n &gt;= L contiguous elements, in four vector accumulators. */
    private static double prod(double[] a, int off, int n) {
        DoubleVector p0 = DoubleVector.broadcast(S, 1.0);
        DoubleVector p1 = p0;
        DoubleVector p2 = p0;
        DoubleVector p3 = p0;
        int bound4 = n - n % (4 * L);
        int i = 0;
        for (; i < bound4; i += 4 * L) {
            p0 = p0.mul(at(a, off + i));
            p1 = p1.mul(at(a, off + i + L));
            p2 = p2.mul(at(a, off + i + 2 * L));
            p3 = p3.mul(at(a, off + i + 3 * L));
        }
        for (; i < S.loopBound(n); i += L) {
            p0 = p0.mul(at(a, off + i));
        }
        double r = p0.mul(p1).mul(p2.mul(p3)).reduceLanes(VectorOperators.MUL);
        for (; i < n; i++) {
            r *= a[off + i];
        }
        return r;
    }

    /** The max of a[from .. to) (NaN if any is NaN, as Math.max), in four vector accumulators from the first line start. */
    private static double max(double[] a, int from, int to) {
        int i = lineStart(from, to);
        double r = Double.NEGATIVE_INFINITY;
        for (int j = from; j < i; j++) {
            r = Math.max(r, a[j]);
        }
        DoubleVector m0 = DoubleVector.broadcast(S, Double.NEGATIVE_INFINITY);
        DoubleVector m1 = m0;
        DoubleVector m2 = m0;
        DoubleVector m3 = m0;
        for (; i <= to - 4 * L; i += 4 * L) {
            m0 = m0.max(at(a, i));
            m1 = m1.max(at(a, i + L));
            m2 = m2.max(at(a, i + 2 * L));
            m3 = m3.max(at(a, i + 3 * L));
        }
        for (; i <= to - L; i += L) {
            m0 = m0.max(at(a, i));
        }
        r = Math.max(r, m0.max(m1).max(m2.max(m3)).reduceLanes(VectorOperators.MAX));
        for (; i < to; i++) {
            r = Math.max(r, a[i]);
        }
        return r;
    }

    /** The min of a[from .. to) (NaN if any is NaN, as Math.min), as {@link #max}. */
    private static double min(double[] a, int from, int to) {
        int i = lineStart(from, to);
        double r = Double.POSITIVE_INFINITY;
        for (int j = from; j < i; j++) {
            r = Math.min(r, a[j]);
        }
        DoubleVector m0 = DoubleVector.broadcast(S, Double.POSITIVE_INFINITY);
        DoubleVector m1 = m0;
        DoubleVector m2 = m0;
        DoubleVector m3 = m0;
        for (; i <= to - 4 * L; i += 4 * L) {
            m0 = m0.min(at(a, i));
            m1 = m1.min(at(a, i + L));
            m2 = m2.min(at(a, i + 2 * L));
            m3 = m3.min(at(a, i + 3 * L));
        }
        for (; i <= to - L; i += L) {
            m0 = m0.min(at(a, i));
        }
        r = Math.min(r, m0.min(m1).min(m2.min(m3)).reduceLanes(VectorOperators.MIN));
        for (; i < to; i++) {
            r = Math.min(r, a[i]);
        }
        return r;
    }

    /**
     * Folds {@code rows} contiguous rows of n elements, row k at off + k * rowStride, elementwise into the row
     * of accumulators acc[ao .. ao + n). Sums and extremes take four rows per pass over the accumulators.
     */
    static void rows(ReduceKind kind, double[] acc, int ao, double[] a, int off, int rowStride, int rows, int n) {
        int k = 0;
        if (kind != ReduceKind.PROD) {
            for (; k + 4 <= rows; k += 4) {
                int o0 = off + k * rowStride;
                fourRows(kind, acc, ao, a, o0, o0 + rowStride, o0 + 2 * rowStride, o0 + 3 * rowStride, n);
            }
        }
        for (; k < rows; k++) {
            row(kind, acc, ao, a, off + k * rowStride, n);
        }
    }

    private static void fourRows(ReduceKind kind, double[] acc, int ao, double[] a, int o0, int o1, int o2, int o3, int n) {
        int bound = S.loopBound(n);
        int i = 0;
        switch (kind) {
            case SUM:
                for (; i < bound; i += L) {
                    DoubleVector v = at(a, o0 + i).add(at(a, o1 + i)).add(at(a, o2 + i).add(at(a, o3 + i)));
                    at(acc, ao + i).add(v).intoArray(acc, ao + i);
                }
                for (; i < n; i++) acc[ao + i] += (a[o0 + i] + a[o1 + i]) + (a[o2 + i] + a[o3 + i]);
                break;
            case SUM_SQ:
                for (; i < bound; i += L) {
                    DoubleVector v0 = at(a, o0 + i);
                    DoubleVector v1 = at(a, o1 + i);
                    DoubleVector v2 = at(a, o2 + i);
                    DoubleVector v3 = at(a, o3 + i);
                    DoubleVector v = v0.fma(v0, v1.mul(v1)).add(v2.fma(v2, v3.mul(v3)));
                    at(acc, ao + i).add(v).intoArray(acc, ao + i);
                }
                for (; i < n; i++) {
                    double v0 = a[o0 + i];
                    double v1 = a[o1 + i];
                    double v2 = a[o2 + i];
                    double v3 = a[o3 + i];
                    acc[ao + i] += (v0 * v0 + v1 * v1) + (v2 * v2 + v3 * v3);
                }
                break;
            case MAX:
                for (; i < bound; i += L) {
                    DoubleVector v = at(a, o0 + i).max(at(a, o1 + i)).max(at(a, o2 + i).max(at(a, o3 + i)));
                    at(acc, ao + i).max(v).intoArray(acc, ao + i);
                }
                for (; i < n; i++) {
                    acc[ao + i] = Math.max(Math.max(acc[ao + i], Math.max(a[o0 + i], a[o1 + i])), Math.max(a[o2 + i], a[o3 + i]));
                }
                break;
            default:
                for (; i < bound; i += L) {
                    DoubleVector v = at(a, o0 + i).min(at(a, o1 + i)).min(at(a, o2 + i).min(at(a, o3 + i)));
                    at(acc, ao + i).min(v).intoArray(acc, ao + i);
                }
                for (; i < n; i++) {
                    acc[ao + i] = Math.min(Math.min(acc[ao + i], Math.min(a[o0 + i], a[o1 + i])), Math.min(a[o2 + i], a[o3 + i]));
                }
                break;
        }
    }

    /** acc[ao + j] = fold(acc[ao + j], a[off + j]) for j &lt; n: one contiguous row into a row of accumulators. */
    private static void row(ReduceKind kind, double[] acc, int ao, double[] a, int off, int n) {
        int bound = S.loopBound(n);
        int i = 0;
        switch (kind) {
            case SUM:
                for (; i < bound; i += L) at(acc, ao + i).add(at(a, off + i)).intoArray(acc, ao + i);
                for (; i < n; i++) acc[ao + i] += a[off + i];
                break;
            case SUM_SQ:
                for (; i < bound; i += L) {
                    DoubleVector v = at(a, off + i);
                    v.fma(v, at(acc, ao + i)).intoArray(acc, ao + i);
                }
                for (; i < n; i++) acc[ao + i] += a[off + i] * a[off + i];
                break;
            case PROD:
                for (; i < bound; i += L) at(acc, ao + i).mul(at(a, off + i)).intoArray(acc, ao + i);
                for (; i < n; i++) acc[ao + i] *= a[off + i];
                break;
            case MAX:
                for (; i < bound; i += L) at(acc, ao + i).max(at(a, off + i)).intoArray(acc, ao + i);
                for (; i < n; i++) acc[ao + i] = Math.max(acc[ao + i], a[off + i]);
                break;
            default:
                for (; i < bound; i += L) at(acc, ao + i).min(at(a, off + i)).intoArray(acc, ao + i);
                for (; i < n; i++) acc[ao + i] = Math.min(acc[ao + i], a[off + i]);
                break;
        }
    }
}
