package org.torch4j.internal.random;

/**
 * ATen's per-sample distributions and transforms ({@code DistributionsHelper.h}, {@code TransformationHelper.h})
 * on a {@link CpuGenerator}, with the rounding of PyTorch's x86-64 build: it contracts {@code x * a + b} into a
 * fused multiply-add, and its double log, sin and cos are glibc's (Java's {@link Math} functions agree with
 * them except in rare last-bit cases, which change float32 results practically never).
 */
final class Distributions {
    private static final int FLOAT_MASK = (1 << 24) - 1;
    private static final long DOUBLE_MASK = (1L << 53) - 1;
    private static final double TWO_PI = 2.0 * Math.PI;

    private Distributions() {
    }

    /** {@code uniform_real_distribution<float>(from, to)}: 24 bits of one 32-bit draw. */
    static float uniform(CpuGenerator g, float from, float to) {
        float x = (g.random() & FLOAT_MASK) * 0x1p-24f;
        return Math.fma(x, to - from, from);
    }

    /** {@code uniform_real_distribution<double>(from, to)}: 53 bits of one 64-bit draw. */
    static double uniform(CpuGenerator g, double from, double to) {
        double x = (g.random64() & DOUBLE_MASK) * 0x1p-53;
        return Math.fma(x, to - from, from);
    }

    /** {@code normal_distribution<double>(mean, std)}: Box-Muller, caching the second sample in the generator. */
    static double normal(CpuGenerator g, double mean, double std) {
        if (g.hasNextDoubleNormalSample()) {
            return Math.fma(g.takeNextDoubleNormalSample(), std, mean);
        }
        double u1 = uniform(g, 0.0, 1.0);
        double u2 = uniform(g, 0.0, 1.0);
        double r = Math.sqrt(-2.0 * Math.log(1.0 - u2));
        double theta = TWO_PI * u1;
        g.setNextDoubleNormalSample(r * Math.sin(theta));
        return Math.fma(r * Math.cos(theta), std, mean);
    }

    /** {@code exponential_distribution<double>(lambda)}. */
    static double exponential(CpuGenerator g, double lambda) {
        double u = uniform(g, 0.0, 1.0);
        return -1.0 / lambda * Math.log(1.0 - u);
    }

    /** {@code bernoulli_distribution<double>(p)}: 1 when a double uniform is below p. */
    static boolean bernoulli(CpuGenerator g, double p) {
        return uniform(g, 0.0, 1.0) < p;
    }

    /** {@code bernoulli_distribution<float>(p)}: 1 when a float uniform is below p. */
    static boolean bernoulli(CpuGenerator g, float p) {
        return uniform(g, 0f, 1f) < p;
    }

    /**
     * {@code uniform_int_from_to_distribution}: {@code (draw % range) + base}, the draw being 64-bit when
     * {@code wide} (int64 and floating dtypes with a range of 2^32 or more) and 32-bit otherwise.
     */
    static long uniformIntFromTo(CpuGenerator g, long range, long base, boolean wide) {
        long draw = wide ? g.random64() : Integer.toUnsignedLong(g.random());
        return Long.remainderUnsigned(draw, range) + base;
    }
}
