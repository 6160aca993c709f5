package org.torch4j.internal.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.torch4j.Tensor;

/**
 * Vector and matrix-vector kernels for float32 ({@code torch.dot}, {@code torch.mv}) and the dot/axpy loops
 * that the small-size GEMM path reuses. Contiguous runs use the Vector API with four independent
 * accumulators; strided runs fall back to scalar loops.
 */
final class FloatMatVec {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private FloatMatVec() {
    }

    private static FloatVector at(float[] a, int i) {
        return FloatVector.fromArray(S, a, i);
    }

    /** The sum of x[xo + i] * y[yo + i] for i below n (both runs contiguous). */
    static float dot(float[] x, int xo, float[] y, int yo, int n) {
        if (n < L) {
            float sum = 0;
            for (int i = 0; i < n; i++) {
                sum += x[xo + i] * y[yo + i];
            }
            return sum;
        }
        FloatVector s0 = FloatVector.zero(S);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        int i = 0;
        for (int bound = n - 4 * L; i <= bound; i += 4 * L) {
            s0 = at(x, xo + i).fma(at(y, yo + i), s0);
            s1 = at(x, xo + i + L).fma(at(y, yo + i + L), s1);
            s2 = at(x, xo + i + 2 * L).fma(at(y, yo + i + 2 * L), s2);
            s3 = at(x, xo + i + 3 * L).fma(at(y, yo + i + 3 * L), s3);
        }
        for (int bound = S.loopBound(n); i < bound; i += L) {
            s0 = at(x, xo + i).fma(at(y, yo + i), s0);
        }
        float sum = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            sum += x[xo + i] * y[yo + i];
        }
        return sum;
    }

    /** The sum of x[xo + i * xs] * y[yo + i * ys] for i below n. */
    static float dot(float[] x, int xo, int xs, float[] y, int yo, int ys, int n) {
        if (xs == 1 && ys == 1) {
            return dot(x, xo, y, yo, n);
        }
        float sum = 0;
        for (int i = 0; i < n; i++) {
            sum += x[xo + i * xs] * y[yo + i * ys];
        }
        return sum;
    }

    /** y[yo + i] += alpha * x[xo + i] for i below n (both runs contiguous). */
    static void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
        FloatVector va = FloatVector.broadcast(S, alpha);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            at(x, xo + i).fma(va, at(y, yo + i)).intoArray(y, yo + i);
        }
        for (; i < n; i++) {
            y[yo + i] += alpha * x[xo + i];
        }
    }

    /** {@code torch.dot} of two float32 vectors of the same length. */
    static float dot(Tensor x, Tensor y) {
        return dot(Elementwise.data(x).floats(), x.storageOffset(), x.stride(0),
                Elementwise.data(y).floats(), y.storageOffset(), y.stride(0), x.size(0));
    }

    /**
     * {@code torch.mv}: y = A · x for a float32 (m, k) matrix and a k-vector into the zeroed contiguous y.
     * Row-major A takes a vector dot per row, column-major A (a transposed matrix) an axpy per column.
     */
    static void mv(Tensor a, Tensor x, Tensor y) {
        int m = a.size(0);
        int k = a.size(1);
        float[] ad = Elementwise.data(a).floats();
        int ao = a.storageOffset();
        int rs = a.stride(0);
        int cs = a.stride(1);
        float[] xd = Elementwise.data(x).floats();
        int xo = x.storageOffset();
        if (x.stride(0) != 1) {
            xd = x.toFloatArray();
            xo = 0;
        }
        float[] yd = Elementwise.data(y).floats();
        int yo = y.storageOffset();
        if (cs == 1) {
            for (int i = 0; i < m; i++) {
                yd[yo + i] = dot(ad, ao + i * rs, xd, xo, k);
            }
        } else if (rs == 1) {
            for (int p = 0; p < k; p++) {
                axpy(xd[xo + p], ad, ao + p * cs, yd, yo, m);
            }
        } else {
            for (int i = 0; i < m; i++) {
                yd[yo + i] = dot(ad, ao + i * rs, cs, xd, xo, 1, k);
            }
        }
    }
}
