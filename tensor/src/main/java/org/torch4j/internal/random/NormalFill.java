package org.torch4j.internal.random;

/**
 * The vectorised normal fill of PyTorch's CPU {@code normal_} for contiguous tensors of 16 or more elements
 * ({@code normal_fill} / {@code normal_fill_AVX2}): draw one uniform per element, then Box-Muller over blocks
 * of 16 (the first 8 give the radius, the next 8 the angle), redrawing and recomputing the last 16 elements
 * when the size is not a multiple of 16.
 *
 * <p>float32 follows {@code normal_fill_16_AVX2} bit for bit: PyTorch's x86-64 build runs it with the Cephes
 * polynomials of {@code avx_mathfun.h} ({@code log256_ps}, {@code sincos256_ps}), its compiler fusing the
 * multiply-adds that are written here as {@code fma}. float64 follows the scalar {@code normal_fill_16}.
 *
 * <p>The float path is written lane by lane in scalar code on purpose: the AVX2 kernel's lanes are
 * independent, and a 256-bit vector species next to the preferred 512-bit one elsewhere makes C2 stop
 * intrinsifying vector code in the whole process (every later FloatVector operation allocates).
 */
final class NormalFill {
    private static final float TWO_PI = (float) (2.0f * Math.PI);
    private static final double TWO_PI_D = 2.0f * Math.PI;
    private static final float SQRTHF = (float) 0.707106781186547524;
    private static final float[] LOG_P = floats(7.0376836292E-2, -1.1514610310E-1, 1.1676998740E-1,
            -1.2420140846E-1, 1.4249322787E-1, -1.6668057665E-1, 2.0000714765E-1, -2.4999993993E-1,
            3.3333331174E-1);
    private static final float LOG_Q1 = (float) -2.12194440e-4;
    private static final float LOG_Q2 = 0.693359375f;
    private static final float FOPI = (float) 1.27323954473516;
    private static final float[] MINUS_DP = floats(-0.78515625, -2.4187564849853515625e-4, -3.77489497744594108e-8);
    private static final float[] SINCOF = floats(-1.9515295891E-4, 8.3321608736E-3, -1.6666654611E-1);
    private static final float[] COSCOF = floats(2.443315711809948E-005, -1.388731625493765E-003,
            4.166664568298827E-002);

    private NormalFill() {
    }

    /** Fills {@code a[off, off + n)} (n >= 16) with normal samples, as PyTorch's AVX2 float path. */
    static void fill(CpuGenerator g, float[] a, int off, int n, float mean, float std) {
        for (int i = 0; i < n; i++) {
            a[off + i] = Distributions.uniform(g, 0f, 1f);
        }
        for (int i = 0; i < n - 15; i += 16) {
            block16(a, off + i, mean, std);
        }
        if (n % 16 != 0) {
            int last = off + n - 16;
            for (int i = 0; i < 16; i++) {
                a[last + i] = Distributions.uniform(g, 0f, 1f);
            }
            block16(a, last, mean, std);
        }
    }

    /** Fills {@code a[off, off + n)} (n >= 16) with normal samples, as PyTorch's {@code normal_fill<double>}. */
    static void fill(CpuGenerator g, double[] a, int off, int n, double mean, double std) {
        for (int i = 0; i < n; i++) {
            a[off + i] = Distributions.uniform(g, 0.0, 1.0);
        }
        for (int i = 0; i < n - 15; i += 16) {
            block16(a, off + i, mean, std);
        }
        if (n % 16 != 0) {
            int last = off + n - 16;
            for (int i = 0; i < 16; i++) {
                a[last + i] = Distributions.uniform(g, 0.0, 1.0);
            }
            block16(a, last, mean, std);
        }
    }

    private static void block16(float[] a, int base, float mean, float std) {
        for (int j = 0; j < 8; j++) {
            float radius = (float) Math.sqrt(log(1f - a[base + j]) * -2f);
            polar(radius, a[base + 8 + j] * TWO_PI, std, mean, a, base + j);
        }
    }

    private static void block16(double[] a, int base, double mean, double std) {
        for (int j = 0; j < 8; j++) {
            double u1 = 1 - a[base + j];
            double u2 = a[base + j + 8];
            double radius = Math.sqrt(-2 * Math.log(u1));
            double theta = TWO_PI_D * u2;
            a[base + j] = Math.fma(radius * Math.cos(theta), std, mean);
            a[base + j + 8] = Math.fma(radius * Math.sin(theta), std, mean);
        }
    }

    /** {@code log256_ps}, one lane, for positive normal inputs (the uniforms here are at least 2^-24). */
    private static float log(float v) {
        int bits = Float.floatToRawIntBits(v);
        int exponent = (bits >>> 23) - 0x7f;
        float x = Float.intBitsToFloat((bits & ~0x7f800000) | Float.floatToRawIntBits(0.5f));
        float e = (float) exponent + 1f;
        boolean small = x < SQRTHF;
        float tmp = small ? x : 0f;
        x = x - 1f;
        e = e - (small ? 1f : 0f);
        x = x + tmp;
        float z = x * x;
        float y = LOG_P[0];
        for (int k = 1; k < LOG_P.length; k++) {
            y = Math.fma(y, x, LOG_P[k]);
        }
        y = y * x;
        y = Math.fma(y, z, e * LOG_Q1);
        y = y - z * 0.5f;
        return Math.fma(e, LOG_Q2, x + y);
    }

    /**
     * {@code sincos256_ps(theta)}, one lane, then stores {@code radius * cos * std + mean} at {@code a[at]} and
     * {@code radius * sin * std + mean} at {@code a[at + 8]}.
     */
    private static void polar(float radius, float theta, float std, float mean, float[] a, int at) {
        int bits = Float.floatToRawIntBits(theta);
        int signSin = bits & 0x80000000;
        float x = Float.intBitsToFloat(bits & 0x7fffffff);
        int j = ((int) (x * FOPI) + 1) & ~1;
        float y = (float) j;
        int swapSignSin = (j & 4) << 29;
        boolean poly = (j & 2) == 0;
        x = Math.fma(y, MINUS_DP[0], x);
        x = Math.fma(y, MINUS_DP[1], x);
        x = Math.fma(y, MINUS_DP[2], x);
        int signCos = (~(j - 2) & 4) << 29;
        signSin ^= swapSignSin;
        float z = x * x;
        float yc = Math.fma(Math.fma(COSCOF[0], z, COSCOF[1]), z, COSCOF[2]) * z;
        yc = Math.fma(yc, z, -(z * 0.5f)) + 1f;
        float ys = Math.fma(Math.fma(Math.fma(SINCOF[0], z, SINCOF[1]), z, SINCOF[2]) * z, x, x);
        float sinFromS = poly ? ys : 0f;
        float sinFromC = poly ? 0f : yc;
        float sin = Float.intBitsToFloat(Float.floatToRawIntBits(sinFromC + sinFromS) ^ signSin);
        float cos = Float.intBitsToFloat(Float.floatToRawIntBits((yc - sinFromC) + (ys - sinFromS)) ^ signCos);
        a[at] = Math.fma(radius * cos, std, mean);
        a[at + 8] = Math.fma(radius * sin, std, mean);
    }

    private static float[] floats(double... constants) {
        float[] v = new float[constants.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) constants[i];
        }
        return v;
    }
}
