package org.torch4j.internal.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Reduction loops over float32 data: a whole run folded to one value ({@link #run}), or contiguous rows
 * folded elementwise into a row of accumulators ({@link #rows}). Contiguous runs use the Vector API with
 * independent accumulators, their vector loads starting on cache lines; long runs fold leaves of {@link #LEAF}
 * elements as a pairwise tree ({@link BlockFold}, split over the intra-op threads). Sums add each leaf in float
 * lanes (a cascade: {@link #CASCADE} elements in four vector accumulators, their sum added to a running vector)
 * and the leaf totals in float64, so they are at least as accurate as PyTorch's cascade summation. Sums, maxima
 * and minima of two whole leaves also run side by side ({@link Leaves#foldPair}) with the same bits.
 */
final class FloatReduce {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Elements of one leaf of a long run (64 KiB), summed in float lanes before the total moves to float64. */
    private static final int LEAF = 16384;
    /** Elements that a sum's four vector accumulators take (32 per lane) before they move to the leaf's total. */
    private static final int CASCADE = 2048;

    private FloatReduce() {
    }

    private static FloatVector at(float[] a, int i) {
        return FloatVector.fromArray(S, a, i);
    }

    /** The fold of a[off], a[off + stride], ... (n elements), in float64. */
    static double run(ReduceKind kind, float[] a, int off, int stride, int n) {
        if (stride != 1 || n < L) {
            return strided(kind, a, off, stride, n);
        }
        if (kind == ReduceKind.PROD) {
            return prod(a, off, n);
        }
        if (n <= LEAF) {
            return contiguous(kind, a, off, off + n);
        }
        return BlockFold.fold(kind, off, n, LEAF, Float.BYTES, new Leaves(kind, a));
    }

    /** The leaves of a long run of one array, folded one by one or two side by side. */
    private static final class Leaves implements BlockFold.Leaf {
        private final ReduceKind kind;
        private final float[] a;

        Leaves(ReduceKind kind, float[] a) {
            this.kind = kind;
            this.a = a;
        }

        @Override
        public double fold(int from, int to) {
            return contiguous(kind, a, from, to);
        }

        @Override
        public void foldPair(int x, int y, int length, double[] out, int i, int j) {
            switch (kind) {
                case SUM: sumPair(a, x, y, length, out, i, j); break;
                case MAX: maxPair(a, x, y, length, out, i, j); break;
                case MIN: minPair(a, x, y, length, out, i, j); break;
                default: BlockFold.Leaf.super.foldPair(x, y, length, out, i, j); break;
            }
        }
    }

    /** The sum of v's lanes in lane order: the same bits compiled or interpreted, which reduceLanes does not promise. */
    private static float laneSum(FloatVector v) {
        float s = 0;
        for (int k = 0; k < L; k++) {
            s += v.lane(k);
        }
        return s;
    }

    /** The sum, sum of squares, max or min of a[from .. to). */
    private static double contiguous(ReduceKind kind, float[] a, int from, int to) {
        switch (kind) {
            case SUM: return sum(a, from, to);
            case SUM_SQ: return sumOfSquares(a, from, to);
            case MAX: return max(a, from, to);
            default: return min(a, from, to);
        }
    }

    /** The first index from {@code from} (at most to) whose element starts a cache line. */
    private static int lineStart(int from, int to) {
        return Math.min(to, BlockFold.lineStart(from, Float.BYTES));
    }

    private static double strided(ReduceKind kind, float[] a, int off, int stride, int n) {
        double acc = kind.identity();
        switch (kind) {
            case SUM: for (int i = 0; i < n; i++) acc += a[off + i * stride]; break;
            case SUM_SQ:
                for (int i = 0; i < n; i++) {
                    float v = a[off + i * stride];
                    acc += v * v;
                }
                break;
            case PROD: {
                float p = 1;
                for (int i = 0; i < n; i++) p *= a[off + i * stride];
                acc = p;
                break;
            }
            case MAX: for (int i = 0; i < n; i++) acc = Math.max(acc, a[off + i * stride]); break;
            default: for (int i = 0; i < n; i++) acc = Math.min(acc, a[off + i * stride]); break;
        }
        return acc;
    }

    /** The sum of a[from .. to) in float lanes: four vector accumulators from the first line start, in cascade. */
    private static float sum(float[] a, int from, int to) {
        int i = lineStart(from, to);
        float s = 0;
        for (int j = from; j < i; j++) {
            s += a[j];
        }
        FloatVector total = FloatVector.zero(S);
        while (i <= to - 4 * L) {
            int last = Math.min(to - 4 * L, i + CASCADE - 4 * L);
            FloatVector s0 = FloatVector.zero(S);
            FloatVector s1 = s0;
            FloatVector s2 = s0;
            FloatVector s3 = s0;
            for (; i <= last; i += 4 * L) {
                s0 = s0.add(at(a, i));
                s1 = s1.add(at(a, i + L));
                s2 = s2.add(at(a, i + 2 * L));
                s3 = s3.add(at(a, i + 3 * L));
            }
            total = total.add(s0.add(s1).add(s2.add(s3)));
        }
        for (; i <= to - L; i += L) {
            total = total.add(at(a, i));
        }
        s += laneSum(total);
        for (; i < to; i++) {
            s += a[i];
        }
        return s;
    }

    /** The sums of a[x .. x + length) and a[y .. y + length) (length a multiple of 4 * L, from line starts), as {@link #sum}. */
    private static void sumPair(float[] a, int x, int y, int length, double[] out, int i, int j) {
        FloatVector tx = FloatVector.zero(S);
        FloatVector ty = tx;
        for (int k = 0; k <= length - 4 * L; ) {
            int last = Math.min(length - 4 * L, k + CASCADE - 4 * L);
            FloatVector x0 = FloatVector.zero(S);
            FloatVector x1 = x0;
            FloatVector x2 = x0;
            FloatVector x3 = x0;
            FloatVector y0 = x0;
            FloatVector y1 = x0;
            FloatVector y2 = x0;
            FloatVector y3 = x0;
            for (; k <= last; k += 4 * L) {
                x0 = x0.add(at(a, x + k));
                x1 = x1.add(at(a, x + k + L));
                x2 = x2.add(at(a, x + k + 2 * L));
                x3 = x3.add(at(a, x + k + 3 * L));
                y0 = y0.add(at(a, y + k));
                y1 = y1.add(at(a, y + k + L));
                y2 = y2.add(at(a, y + k + 2 * L));
                y3 = y3.add(at(a, y + k + 3 * L));
            }
            tx = tx.add(x0.add(x1).add(x2.add(x3)));
            ty = ty.add(y0.add(y1).add(y2.add(y3)));
        }
        float sx = 0;
        float sy = 0;
        sx += laneSum(tx);
        sy += laneSum(ty);
        out[i] = sx;
        out[j] = sy;
    }

    /** The sum of the squares of a[from .. to) in float lanes, as {@link #sum}. */
    private static float sumOfSquares(float[] a, int from, int to) {
        int i = lineStart(from, to);
        float s = 0;
        for (int j = from; j < i; j++) {
            s += a[j] * a[j];
        }
        FloatVector total = FloatVector.zero(S);
        while (i <= to - 8 * L) {
            int last = Math.min(to - 8 * L, i + CASCADE - 8 * L);
            FloatVector s0 = FloatVector.zero(S);
            FloatVector s1 = s0;
            FloatVector s2 = s0;
            FloatVector s3 = s0;
            FloatVector s4 = s0;
            FloatVector s5 = s0;
            FloatVector s6 = s0;
            FloatVector s7 = s0;
            for (; i <= last; i += 8 * L) {
                FloatVector v0 = at(a, i);
                FloatVector v1 = at(a, i + L);
                FloatVector v2 = at(a, i + 2 * L);
                FloatVector v3 = at(a, i + 3 * L);
                FloatVector v4 = at(a, i + 4 * L);
                FloatVector v5 = at(a, i + 5 * L);
                FloatVector v6 = at(a, i + 6 * L);
                FloatVector v7 = at(a, i + 7 * L);
                s0 = v0.fma(v0, s0);
                s1 = v1.fma(v1, s1);
                s2 = v2.fma(v2, s2);
                s3 = v3.fma(v3, s3);
                s4 = v4.fma(v4, s4);
                s5 = v5.fma(v5, s5);
                s6 = v6.fma(v6, s6);
                s7 = v7.fma(v7, s7);
            }
            total = total.add(s0.add(s1).add(s2.add(s3)).add(s4.add(s5).add(s6.add(s7))));
        }
        for (; i <= to - L; i += L) {
            FloatVector v = at(a, i);
            total = v.fma(v, total);
        }
        s += laneSum(total);
        for (; i < to; i++) {
            s += a[i] * a[i];
        }
        return s;
    }

    /** The product of n &gt;= L contiguous elements, in four vector accumulators. */
    private static double prod(float[] a, int off, int n) {
        FloatVector p0 = FloatVector.broadcast(S, 1f);
        FloatVector p1 = p0;
        FloatVector p2 = p0;
        FloatVector p3 = p0;
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
        float r = p0.mul(p1).mul(p2.mul(p3)).reduceLanes(VectorOperators.MUL);
        for (; i < n; i++) {
            r *= a[off + i];
        }
        return r;
    }

    /** The max of a[from .. to) (NaN if any is NaN, as Math.max), in four vector accumulators from the first line start. */
    private static float max(float[] a, int from, int to) {
        int i = lineStart(from, to);
        float r = Float.NEGATIVE_INFINITY;
        for (int j = from; j < i; j++) {
            r = Math.max(r, a[j]);
        }
        FloatVector m0 = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
        FloatVector m1 = m0;
        FloatVector m2 = m0;
        FloatVector m3 = m0;
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
    private static float min(float[] a, int from, int to) {
        int i = lineStart(from, to);
        float r = Float.POSITIVE_INFINITY;
        for (int j = from; j < i; j++) {
            r = Math.min(r, a[j]);
        }
        FloatVector m0 = FloatVector.broadcast(S, Float.POSITIVE_INFINITY);
        FloatVector m1 = m0;
        FloatVector m2 = m0;
        FloatVector m3 = m0;
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

    /** The maxima of a[x .. x + length) and a[y .. y + length) (length a multiple of 2 * L), as {@link #max}. */
    private static void maxPair(float[] a, int x, int y, int length, double[] out, int i, int j) {
        FloatVector x0 = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
        FloatVector x1 = x0;
        FloatVector y0 = x0;
        FloatVector y1 = x0;
        for (int k = 0; k <= length - 2 * L; k += 2 * L) {
            x0 = x0.max(at(a, x + k));
            x1 = x1.max(at(a, x + k + L));
            y0 = y0.max(at(a, y + k));
            y1 = y1.max(at(a, y + k + L));
        }
        out[i] = x0.max(x1).reduceLanes(VectorOperators.MAX);
        out[j] = y0.max(y1).reduceLanes(VectorOperators.MAX);
    }

    /** The minima of a[x .. x + length) and a[y .. y + length) (length a multiple of 2 * L), as {@link #min}. */
    private static void minPair(float[] a, int x, int y, int length, double[] out, int i, int j) {
        FloatVector x0 = FloatVector.broadcast(S, Float.POSITIVE_INFINITY);
        FloatVector x1 = x0;
        FloatVector y0 = x0;
        FloatVector y1 = x0;
        for (int k = 0; k <= length - 2 * L; k += 2 * L) {
            x0 = x0.min(at(a, x + k));
            x1 = x1.min(at(a, x + k + L));
            y0 = y0.min(at(a, y + k));
            y1 = y1.min(at(a, y + k + L));
        }
        out[i] = x0.min(x1).reduceLanes(VectorOperators.MIN);
        out[j] = y0.min(y1).reduceLanes(VectorOperators.MIN);
    }

    /**
     * Folds {@code rows} contiguous rows of n elements, row k at off + k * rowStride, elementwise into the row
     * of accumulators acc[ao .. ao + n). Sums and extremes take four rows per pass over the accumulators.
     */
    static void rows(ReduceKind kind, float[] acc, int ao, float[] a, int off, int rowStride, int rows, int n) {
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

    private static void fourRows(ReduceKind kind, float[] acc, int ao, float[] a, int o0, int o1, int o2, int o3, int n) {
        int bound = S.loopBound(n);
        int i = 0;
        switch (kind) {
            case SUM:
                for (; i < bound; i += L) {
                    FloatVector v = at(a, o0 + i).add(at(a, o1 + i)).add(at(a, o2 + i).add(at(a, o3 + i)));
                    at(acc, ao + i).add(v).intoArray(acc, ao + i);
                }
                for (; i < n; i++) acc[ao + i] += (a[o0 + i] + a[o1 + i]) + (a[o2 + i] + a[o3 + i]);
                break;
            case SUM_SQ:
                for (; i < bound; i += L) {
                    FloatVector v0 = at(a, o0 + i);
                    FloatVector v1 = at(a, o1 + i);
                    FloatVector v2 = at(a, o2 + i);
                    FloatVector v3 = at(a, o3 + i);
                    FloatVector v = v0.fma(v0, v1.mul(v1)).add(v2.fma(v2, v3.mul(v3)));
                    at(acc, ao + i).add(v).intoArray(acc, ao + i);
                }
                for (; i < n; i++) {
                    float v0 = a[o0 + i];
                    float v1 = a[o1 + i];
                    float v2 = a[o2 + i];
                    float v3 = a[o3 + i];
                    acc[ao + i] += (v0 * v0 + v1 * v1) + (v2 * v2 + v3 * v3);
                }
                break;
            case MAX:
                for (; i < bound; i += L) {
                    FloatVector v = at(a, o0 + i).max(at(a, o1 + i)).max(at(a, o2 + i).max(at(a, o3 + i)));
                    at(acc, ao + i).max(v).intoArray(acc, ao + i);
                }
                for (; i < n; i++) {
                    acc[ao + i] = Math.max(Math.max(acc[ao + i], Math.max(a[o0 + i], a[o1 + i])), Math.max(a[o2 + i], a[o3 + i]));
                }
                break;
            default:
                for (; i < bound; i += L) {
                    FloatVector v = at(a, o0 + i).min(at(a, o1 + i)).min(at(a, o2 + i).min(at(a, o3 + i)));
                    at(acc, ao + i).min(v).intoArray(acc, ao + i);
                }
                for (; i < n; i++) {
                    acc[ao + i] = Math.min(Math.min(acc[ao + i], Math.min(a[o0 + i], a[o1 + i])), Math.min(a[o2 + i], a[o3 + i]));
                }
                break;
        }
    }

    /** acc[ao + j] = fold(acc[ao + j], a[off + j]) for j &lt; n: one contiguous row into a row of accumulators. */
    private static void row(ReduceKind kind, float[] acc, int ao, float[] a, int off, int n) {
        int bound = S.loopBound(n);
        int i = 0;
        switch (kind) {
            case SUM:
                for (; i < bound; i += L) at(acc, ao + i).add(at(a, off + i)).intoArray(acc, ao + i);
                for (; i < n; i++) acc[ao + i] += a[off + i];
                break;
            case SUM_SQ:
                for (; i < bound; i += L) {
                    FloatVector v = at(a, off + i);
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
