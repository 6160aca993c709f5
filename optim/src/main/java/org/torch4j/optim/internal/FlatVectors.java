package org.torch4j.optim.internal;

import org.torch4j.DType;

/**
 * The 1-d tensor operations of LBFGS on flat {@code double[]} vectors holding values of the parameters' dtype:
 * float32 results are rounded to float32 after every operation, as PyTorch's float32 kernels round them. The
 * reductions follow the CPU kernels PyTorch 1.13 calls for short vectors: OpenBLAS's {@code sdot} (float32
 * products summed in double, exact below 32 elements), {@code ddot} (sequential, exact below 16) and ATen's sum
 * (four interleaved accumulators); longer vectors may differ from PyTorch in the last bits.
 */
public final class FlatVectors {
    private FlatVectors() {
    }

    private static double round(double v, DType dtype) {
        return dtype == DType.FLOAT32 ? (double) (float) v : v;
    }

    /** {@code a.dot(b)}. */
    public static Scalar dot(double[] a, double[] b, DType dtype) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += round(a[i] * b[i], dtype);
        }
        return Scalar.tensor(s, dtype);
    }

    /** {@code a.abs().max()}. */
    public static Scalar absMax(double[] a, DType dtype) {
        double m = 0;
        for (double v : a) {
            if (Double.isNaN(v)) {
                return Scalar.tensor(Double.NaN, dtype);
            }
            m = Math.max(m, Math.abs(v));
        }
        return Scalar.tensor(m, dtype);
    }

    /** {@code a.abs().sum()}. */
    public static Scalar absSum(double[] a, DType dtype) {
        double[] acc = new double[4];
        for (int i = 0; i < a.length; i++) {
            acc[i % 4] = round(acc[i % 4] + Math.abs(a[i]), dtype);
        }
        return Scalar.tensor(round(round(acc[0] + acc[1], dtype) + acc[2], dtype) + acc[3], dtype);
    }

    /** {@code a.neg()}. */
    public static double[] neg(double[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = -a[i];
        }
        return r;
    }

    /** {@code a.sub(b)}. */
    public static double[] sub(double[] a, double[] b, DType dtype) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = round(a[i] - b[i], dtype);
        }
        return r;
    }

    /** {@code a.mul(s)} for a Python float or 0-dim tensor {@code s}. */
    public static double[] mul(double[] a, Scalar s, DType dtype) {
        double k = round(s.value(), dtype);
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = round(a[i] * k, dtype);
        }
        return r;
    }

    /** {@code a.add_(b, alpha=alpha)}: {@code a + alpha * b} with one rounding (PyTorch's CPU kernel is an FMA). */
    public static void addScaled(double[] a, double[] b, Scalar alpha, DType dtype) {
        if (dtype == DType.FLOAT32) {
            float k = (float) alpha.value();
            for (int i = 0; i < a.length; i++) {
                a[i] = Math.fma((float) b[i], k, (float) a[i]);
            }
        } else {
            double k = alpha.value();
            for (int i = 0; i < a.length; i++) {
                a[i] = Math.fma(b[i], k, a[i]);
            }
        }
    }
}
