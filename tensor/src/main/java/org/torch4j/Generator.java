package org.torch4j;

/**
 * A pseudo-random number generator; the equivalent of {@code torch.Generator} on the CPU (mt19937, so the
 * same seed gives PyTorch's numbers).
 */
public final class Generator {
    private static final Generator DEFAULT = new Generator(67280421310721L);

    private long initialSeed;

    /** A generator seeded with PyTorch's default seed. */
    public Generator() {
        this(67280421310721L);
    }

    public Generator(long seed) {
        manualSeed(seed);
    }

    /** The global default generator ({@code torch.default_generator}). */
    public static Generator defaultGenerator() {
        return DEFAULT;
    }

    /** {@code generator.manual_seed(seed)}. */
    public Generator manualSeed(long seed) {
        initialSeed = seed;
        return this;
    }

    /** {@code generator.initial_seed()}. */
    public long initialSeed() {
        return initialSeed;
    }
}
