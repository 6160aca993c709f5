package org.torch4j.internal.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.torch4j.Tensor;

/**
 * Vector and matrix-vector kernels for float64 ({@code torch.dot}, {@code torch.mv}) and the dot/axpy loops
 * that the small-size GEMM path reuses. Contiguous runs use the Vector API with four independent
 * accumulators; strided runs fall back to scalar loops.
 */
final class DoubleMatVec {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private DoubleMatVec() {
    }

    private static DoubleVector at(double[] a, int i) {
        return DoubleVector.fromArray(S, a, i);
    }

    /** The sum of x[xo + i] * y[yo + i] for i below n (both runs contiguous). */
    static double dot(double[] x, int xo, double[] y, int yo, int n) {
        if (n < L) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += x[xo + i] * y[yo + i];
            }
            return sum;
        }
        DoubleVector s0 = DoubleVector.zero(S);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
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
        double sum = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            sum += x[xo + i] * y[yo + i];
        }
        return sum;
    }

    /** The sum of x[xo + i * xs] * y[yo + i * ys] for i below n. */
    static double dot(double[] x, int xo, int xs, double[] y, int yo, int ys, int n) {
        if (xs == 1 && ys == 1) {
            return dot(x, xo, y, yo, n);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += x[xo + i * xs] * y[yo + i * ys];
        }
        return sum;
    }

    /** y[yo + i] += alpha * x[xo + i] for i below n (both runs contiguous). */
    static void axpy(double alpha, double[] x, int xo, double[] y, int yo, int n) {
        DoubleVector va = DoubleVector.broadcast(S, alpha);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            at(x, xo + i).fma(va, at(y, yo + i)).intoArray(y, yo + i);
        }
        for (; i < n; i++) {
            y[yo + i] += alpha * x[xo + i];
        }
    }

    /** {@code torch.dot} of two float64 vectors of the same length. */
    static double dot(Tensor x, Tensor y) {
        return dot(Elementwise.data(x).doubles(), x.storageOffset(), x.stride(0),
                Elementwise.data(y).doubles(), y.storageOffset(), y.stride(0), x.size(0));
    }

    /**
     * {@code torch.mv}: y = A · x for a float64 (m, k) matrix and a k-vector into the zeroed contiguous y.
     * Row-major A takes a vector dot per row, column-major A (a transposed matrix) an axpy per column.
     */
    static void mv(Tensor a, Tensor x, Tensor y) {
        int m = a.size(0);
        int k = a.size(1);
        double[] ad = Elementwise.data(a).doubles();
        int ao = a.storageOffset();
        int rs = a.stride(0);
        int cs = a.stride(1);
        double[] xd = Elementwise.data(x).doubles();
        int xo = x.storageOffset();
        if (x.stride(0) != 1) {
            xd = x.toDoubleArray();
            xo = 0;
        }
        double[] yd = Elementwise.data(y).doubles();
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
