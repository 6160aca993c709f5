package org.torch4j.internal.random;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vectorised normal fill of PyTorch's CPU {@code normal_} for contiguous tensors of 16 or more elements
 * ({@code normal_fill} / {@code normal_fill_AVX2}): draw one uniform per element, then Box-Muller over blocks
 * of 16 (the first 8 give the radius, the next 8 the angle), redrawing and recomputing the last 16 elements
 * when the size is not a multiple of 16.
 *
 * <p>float32 follows {@code normal_fill_16_AVX2} bit for bit: PyTorch's x86-64 build runs it with the Cephes
 * polynomials of {@code avx_mathfun.h} ({@code log256_ps}, {@code sincos256_ps}), its compiler fusing the
 * multiply-adds that are written here as {@code fma}. float64 follows the scalar {@code normal_fill_16}.
 */
final class NormalFill {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED.length() >= 8
            ? FloatVector.SPECIES_256 : FloatVector.SPECIES_PREFERRED;
    private static final float TWO_PI = (float) (2.0f * Math.PI);
    private static final double TWO_PI_D = 2.0f * Math.PI;

    private static final FloatVector ZERO = FloatVector.zero(F);
    private static final FloatVector ONE = FloatVector.broadcast(F, 1f);
    private static final FloatVector HALF = FloatVector.broadcast(F, 0.5f);
    private static final FloatVector SQRTHF = FloatVector.broadcast(F, (float) 0.707106781186547524);
    private static final FloatVector[] LOG_P = broadcastAll(7.0376836292E-2, -1.1514610310E-1, 1.1676998740E-1,
            -1.2420140846E-1, 1.4249322787E-1, -1.6668057665E-1, 2.0000714765E-1, -2.4999993993E-1,
            3.3333331174E-1);
    private static final FloatVector LOG_Q1 = FloatVector.broadcast(F, (float) -2.12194440e-4);
    private static final FloatVector LOG_Q2 = FloatVector.broadcast(F, 0.693359375f);
    private static final FloatVector FOPI = FloatVector.broadcast(F, (float) 1.27323954473516);
    private static final FloatVector[] MINUS_DP = broadcastAll(-0.78515625, -2.4187564849853515625e-4,
            -3.77489497744594108e-8);
    private static final FloatVector[] SINCOF = broadcastAll(-1.9515295891E-4, 8.3321608736E-3,
            -1.6666654611E-1);
    private static final FloatVector[] COSCOF = broadcastAll(2.443315711809948E-005, -1.388731625493765E-003,
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
        FloatVector meanV = FloatVector.broadcast(F, mean);
        FloatVector stdV = FloatVector.broadcast(F, std);
        for (int h = 0; h < 8; h += F.length()) {
            FloatVector u1 = ONE.sub(FloatVector.fromArray(F, a, base + h));
            FloatVector u2 = FloatVector.fromArray(F, a, base + 8 + h);
            FloatVector radius = log(u1).mul(-2f).sqrt();
            polar(radius, u2.mul(TWO_PI), stdV, meanV, a, base + h);
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

    /** {@code log256_ps} for positive normal inputs (the uniforms here are at least 2^-24). */
    private static FloatVector log(FloatVector v) {
        IntVector bits = v.reinterpretAsInts();
        IntVector exponent = bits.lanewise(VectorOperators.LSHR, 23).sub(0x7f);
        FloatVector x = bits.and(~0x7f800000).or(Float.floatToRawIntBits(0.5f)).reinterpretAsFloats();
        FloatVector e = ((FloatVector) exponent.convert(VectorOperators.I2F, 0)).add(ONE);
        VectorMask<Float> small = x.lt(SQRTHF);
        FloatVector tmp = ZERO.blend(x, small);
        x = x.sub(ONE);
        e = e.sub(ZERO.blend(ONE, small));
        x = x.add(tmp);
        FloatVector z = x.mul(x);
        FloatVector y = LOG_P[0];
        for (int k = 1; k < LOG_P.length; k++) {
            y = y.fma(x, LOG_P[k]);
        }
        y = y.mul(x);
        y = y.fma(z, e.mul(LOG_Q1));
        y = y.sub(z.mul(HALF));
        return e.fma(LOG_Q2, x.add(y));
    }

    /**
     * {@code sincos256_ps(theta)}, then stores {@code radius * cos * std + mean} at {@code a[at..]} and
     * {@code radius * sin * std + mean} at {@code a[at + 8..]}.
     */
    private static void polar(FloatVector radius, FloatVector v, FloatVector std, FloatVector mean, float[] a,
            int at) {
        IntVector bits = v.reinterpretAsInts();
        IntVector signSin = bits.and(0x80000000);
        FloatVector x = bits.and(0x7fffffff).reinterpretAsFloats();
        IntVector j = ((IntVector) x.mul(FOPI).convert(VectorOperators.F2I, 0)).add(1).and(~1);
        FloatVector y = (FloatVector) j.convert(VectorOperators.I2F, 0);
        IntVector swapSignSin = j.and(4).lanewise(VectorOperators.LSHL, 29);
        VectorMask<Float> polyMask = j.and(2).eq(0).cast(F);
        x = y.fma(MINUS_DP[0], x);
        x = y.fma(MINUS_DP[1], x);
        x = y.fma(MINUS_DP[2], x);
        IntVector signCos = j.sub(2).not().and(4).lanewise(VectorOperators.LSHL, 29);
        signSin = signSin.lanewise(VectorOperators.XOR, swapSignSin);
        FloatVector z = x.mul(x);
        FloatVector yc = COSCOF[0].fma(z, COSCOF[1]).fma(z, COSCOF[2]).mul(z);
        yc = yc.fma(z, z.mul(HALF).neg()).add(ONE);
        FloatVector ys = SINCOF[0].fma(z, SINCOF[1]).fma(z, SINCOF[2]).mul(z).fma(x, x);
        FloatVector sinFromS = ZERO.blend(ys, polyMask);
        FloatVector sinFromC = yc.blend(ZERO, polyMask);
        FloatVector sin = sinFromC.add(sinFromS);
        FloatVector cos = yc.sub(sinFromC).add(ys.sub(sinFromS));
        sin = sin.reinterpretAsInts().lanewise(VectorOperators.XOR, signSin).reinterpretAsFloats();
        cos = cos.reinterpretAsInts().lanewise(VectorOperators.XOR, signCos).reinterpretAsFloats();
        radius.mul(cos).fma(std, mean).intoArray(a, at);
        radius.mul(sin).fma(std, mean).intoArray(a, at + 8);
    }

    private static FloatVector[] broadcastAll(double... constants) {
        FloatVector[] v = new FloatVector[constants.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = FloatVector.broadcast(F, (float) constants[i]);
        }
        return v;
    }
}
