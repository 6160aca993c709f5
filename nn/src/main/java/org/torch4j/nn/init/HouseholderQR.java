package org.torch4j.nn.init;

/** The reduced QR factorisation by Householder reflections (LAPACK's geqrf + orgqr), in double precision. */
final class HouseholderQR {
    private HouseholderQR() {
    }

    /**
     * The m x n factor Q (row-major) of a row-major m x n matrix (m >= n), each column multiplied by the
     * sign of R's diagonal entry, as {@code orthogonal_} does: that Q is unique for a full-rank matrix.
     */
    static double[] orthonormalColumns(double[] a, int m, int n) {
        double[] r = a.clone();
        double[][] reflectors = new double[n][];
        double[] signs = new double[n];
        for (int k = 0; k < n; k++) {
            double norm = 0;
            for (int i = k; i < m; i++) {
                norm += r[i * n + k] * r[i * n + k];
            }
            norm = Math.sqrt(norm);
            double alpha = r[k * n + k] > 0 ? -norm : norm;
            double[] v = new double[m - k];
            for (int i = k; i < m; i++) {
                v[i - k] = r[i * n + k];
            }
            v[0] -= alpha;
            double vnorm = 0;
            for (double x : v) {
                vnorm += x * x;
            }
            if (vnorm > 0) {
                reflect(r, m, n, k, k, v, 2 / vnorm);
            }
            reflectors[k] = vnorm > 0 ? v : null;
            signs[k] = Math.signum(r[k * n + k]);
        }
        double[] q = new double[m * n];
        for (int j = 0; j < n; j++) {
            q[j * n + j] = 1;
        }
        for (int k = n - 1; k >= 0; k--) {
            if (reflectors[k] != null) {
                double vnorm = 0;
                for (double x : reflectors[k]) {
                    vnorm += x * x;
                }
                reflect(q, m, n, k, 0, reflectors[k], 2 / vnorm);
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                q[i * n + j] *= signs[j];
            }
        }
        return q;
    }

    /** Applies I - scale * v v^T to rows k.. and columns from.. of the row-major m x n matrix x. */
    private static void reflect(double[] x, int m, int n, int k, int from, double[] v, double scale) {
        for (int j = from; j < n; j++) {
            double dot = 0;
            for (int i = k; i < m; i++) {
                dot += v[i - k] * x[i * n + j];
            }
            if (dot != 0) {
                double s = scale * dot;
                for (int i = k; i < m; i++) {
                    x[i * n + j] -= s * v[i - k];
                }
            }
        }
    }
}
