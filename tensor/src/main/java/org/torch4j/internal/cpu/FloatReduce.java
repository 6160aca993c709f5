package org.torch4j.internal.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Reduction loops over float32 data: a whole run folded to one value ({@link #run}), or a contiguous row
 * folded elementwise into a row of accumulators ({@link #rows}). Contiguous runs use the Vector API; sums
 * add blocks in four vector accumulators and carry the block totals in float64, so they are at least as
 * accurate as PyTorch's cascade summation.
 */
final class FloatReduce {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Elements summed in float lanes before the block total moves to a float64 carry. */
    private static final int BLOCK = 4096;

    private FloatReduce() {
    }

    private static FloatVector at(float[] a, int i) {
        return FloatVector.fromArray(S, a, i);
    }

    /** The fold of a[off], a[off + stride], ... (n elements), in float64. */
    static double run(ReduceKind kind, float[] a, int off, int stride, int n) {
        if (stride == 1 && n >= L) {
            switch (kind) {
                case SUM:
                case SUM_SQ: {
                    double total = 0;
                    for (int start = 0; start < n; start += BLOCK) {
                        total += sumBlock(kind == ReduceKind.SUM_SQ, a, off + start, Math.min(BLOCK, n - start));
                    }
                    return total;
                }
                case PROD: return prod(a, off, n);
                case MAX: return max(a, off, n);
                default: return min(a, off, n);
            }
        }
        return strided(kind, a, off, stride, n);
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

    /** The sum (or sum of squares) of n &lt;= BLOCK contiguous elements in float lanes. */
    private static float sumBlock(boolean squares, float[] a, int off, int n) {
        FloatVector s0 = FloatVector.zero(S);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        int bound4 = n - n % (4 * L);
        int i = 0;
        if (squares) {
            for (; i < bound4; i += 4 * L) {
                FloatVector v0 = at(a, off + i);
                FloatVector v1 = at(a, off + i + L);
                FloatVector v2 = at(a, off + i + 2 * L);
                FloatVector v3 = at(a, off + i + 3 * L);
                s0 = v0.fma(v0, s0);
                s1 = v1.fma(v1, s1);
                s2 = v2.fma(v2, s2);
                s3 = v3.fma(v3, s3);
            }
            for (; i < S.loopBound(n); i += L) {
                FloatVector v = at(a, off + i);
                s0 = v.fma(v, s0);
            }
        } else {
            for (; i < bound4; i += 4 * L) {
                s0 = s0.add(at(a, off + i));
                s1 = s1.add(at(a, off + i + L));
                s2 = s2.add(at(a, off + i + 2 * L));
                s3 = s3.add(at(a, off + i + 3 * L));
            }
            for (; i < S.loopBound(n); i += L) {
                s0 = s0.add(at(a, off + i));
            }
        }
        float s = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            float v = a[off + i];
            s += squares ? v * v : v;
        }
        return s;
    }

    private static double prod(float[] a, int off, int n) {
        FloatVector p = at(a, off);
        int i = L;
        for (; i < S.loopBound(n); i += L) {
            p = p.mul(at(a, off + i));
        }
        float r = p.reduceLanes(VectorOperators.MUL);
        for (; i < n; i++) {
            r *= a[off + i];
        }
        return r;
    }

    private static double max(float[] a, int off, int n) {
        FloatVector m = at(a, off);
        int i = L;
        for (; i < S.loopBound(n); i += L) {
            m = m.max(at(a, off + i));
        }
        float r = m.reduceLanes(VectorOperators.MAX);
        for (; i < n; i++) {
            r = Math.max(r, a[off + i]);
        }
        return r;
    }

    private static double min(float[] a, int off, int n) {
        FloatVector m = at(a, off);
        int i = L;
        for (; i < S.loopBound(n); i += L) {
            m = m.min(at(a, off + i));
        }
        float r = m.reduceLanes(VectorOperators.MIN);
        for (; i < n; i++) {
            r = Math.min(r, a[off + i]);
        }
        return r;
    }

    /** acc[ao + j] = fold(acc[ao + j], a[off + j]) for j &lt; n: one contiguous row into a row of accumulators. */
    static void rows(ReduceKind kind, float[] acc, int ao, float[] a, int off, int n) {
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
