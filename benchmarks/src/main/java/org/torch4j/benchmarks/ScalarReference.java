package org.torch4j.benchmarks;

/**
 * The scalar reference backend: the workloads written as plain Java loops over arrays (no Vector API, one
 * thread), the way a Java programmer would write them, to show what the torch4j kernels buy. C2 may still
 * auto-vectorise the simplest of these loops; that is part of what plain Java gets.
 */
public final class ScalarReference {
    private ScalarReference() {
    }

    /** C = A · B for row-major n x n float matrices, in the cache-friendly i-p-j loop order. */
    public static float[] matmul(float[] a, float[] b, int n) {
        float[] c = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < n; p++) {
                float x = a[i * n + p];
                int row = p * n;
                int out = i * n;
                for (int j = 0; j < n; j++) {
                    c[out + j] += x * b[row + j];
                }
            }
        }
        return c;
    }

    /** C = A · B for row-major n x n double matrices, in the i-p-j loop order. */
    public static double[] matmul(double[] a, double[] b, int n) {
        double[] c = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < n; p++) {
                double x = a[i * n + p];
                int row = p * n;
                int out = i * n;
                for (int j = 0; j < n; j++) {
                    c[out + j] += x * b[row + j];
                }
            }
        }
        return c;
    }

    /** a + b. */
    public static float[] add(float[] a, float[] b) {
        float[] o = new float[a.length];
        for (int i = 0; i < o.length; i++) {
            o[i] = a[i] + b[i];
        }
        return o;
    }

    /** a * b. */
    public static float[] mul(float[] a, float[] b) {
        float[] o = new float[a.length];
        for (int i = 0; i < o.length; i++) {
            o[i] = a[i] * b[i];
        }
        return o;
    }

    /** exp(a). */
    public static float[] exp(float[] a) {
        float[] o = new float[a.length];
        for (int i = 0; i < o.length; i++) {
            o[i] = (float) Math.exp(a[i]);
        }
        return o;
    }

    /** 1 / (1 + exp(-a)). */
    public static float[] sigmoid(float[] a) {
        float[] o = new float[a.length];
        for (int i = 0; i < o.length; i++) {
            o[i] = 1f / (1f + (float) Math.exp(-a[i]));
        }
        return o;
    }

    /** max(a, 0). */
    public static float[] relu(float[] a) {
        float[] o = new float[a.length];
        for (int i = 0; i < o.length; i++) {
            o[i] = a[i] > 0 ? a[i] : 0f;
        }
        return o;
    }

    /** The sum of a, accumulated in double. */
    public static double sum(float[] a) {
        double s = 0;
        for (float v : a) {
            s += v;
        }
        return s;
    }

    /** The mean of a. */
    public static double mean(float[] a) {
        return sum(a) / a.length;
    }

    /** The largest element of a (NaN if any is NaN). */
    public static float max(float[] a) {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : a) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** softmax over each row of a row-major (rows x cols) matrix, the row max subtracted first. */
    public static float[] softmaxRows(float[] a, int cols) {
        float[] o = new float[a.length];
        for (int r = 0; r < a.length; r += cols) {
            float m = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                m = Math.max(m, a[r + j]);
            }
            float s = 0;
            for (int j = 0; j < cols; j++) {
                float e = (float) Math.exp(a[r + j] - m);
                o[r + j] = e;
                s += e;
            }
            float scale = 1 / s;
            for (int j = 0; j < cols; j++) {
                o[r + j] *= scale;
            }
        }
        return o;
    }
}
