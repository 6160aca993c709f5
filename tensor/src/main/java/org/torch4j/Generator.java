package org.torch4j;

import java.security.SecureRandom;
import org.torch4j.internal.random.CpuGenerator;

/**
 * A pseudo-random number generator; the equivalent of {@code torch.Generator} on the CPU. It is PyTorch's
 * mt19937 with PyTorch's seeding and transforms, so the same seed gives the same numbers as PyTorch.
 *
 * <p>All methods are thread-safe: they lock the generator, as PyTorch locks its generator mutex, and the
 * sampling kernels hold the same lock while they draw. Seeds are unsigned 64-bit values in PyTorch; here they
 * are the bits of a {@code long} (use {@link Long#toUnsignedString(long)} to print one as PyTorch does).
 */
public final class Generator {
    /** PyTorch's {@code default_rng_seed_val}, the seed of a new {@code torch.Generator()}. */
    public static final long DEFAULT_SEED = 67280421310721L;

    private static final SecureRandom ENTROPY = new SecureRandom();
    /** As in PyTorch, the default generator starts from a non-deterministic seed. */
    private static final Generator DEFAULT = new Generator(ENTROPY.nextLong());

    private final CpuGenerator impl;

    /** {@code torch.Generator()}: seeded with PyTorch's default seed 67280421310721. */
    public Generator() {
        this(DEFAULT_SEED);
    }

    /** {@code torch.Generator().manual_seed(seed)}. */
    public Generator(long seed) {
        impl = new CpuGenerator(seed);
    }

    /** The global default generator ({@code torch.default_generator}). */
    public static Generator defaultGenerator() {
        return DEFAULT;
    }

    /** {@code generator.manual_seed(seed)}: reseeds and drops the cached normal sample. */
    public synchronized Generator manualSeed(long seed) {
        impl.setCurrentSeed(seed);
        return this;
    }

    /** {@code generator.initial_seed()}: the last seed set. */
    public synchronized long initialSeed() {
        return impl.currentSeed();
    }

    /** {@code generator.seed()}: reseeds from a non-deterministic source and returns the new seed. */
    public synchronized long seed() {
        long s = ENTROPY.nextLong();
        impl.setCurrentSeed(s);
        return s;
    }

    /**
     * {@code generator.get_state()}: a copy of the whole state (engine and cached normal samples), as the bytes
     * of PyTorch's state tensor, so states can also travel between PyTorch and torch4j.
     */
    public synchronized byte[] getState() {
        return impl.state();
    }

    /** {@code generator.set_state(state)} from the bytes of {@link #getState()} or {@code torch.get_rng_state()}. */
    public synchronized Generator setState(byte[] state) {
        impl.setState(state);
        return this;
    }

    /** {@code CPUGeneratorImpl::random()}: the next 32 random bits, as an unsigned value in [0, 2^32). */
    public synchronized long random() {
        return Integer.toUnsignedLong(impl.random());
    }

    /** {@code CPUGeneratorImpl::random64()}: two 32-bit draws joined (first draw high), as 64 bits. */
    public synchronized long random64() {
        return impl.random64();
    }

    /** {@code generator.device}: always the CPU. */
    public Device device() {
        return Device.CPU;
    }

    /**
     * The engine state, for the sampling kernels; use it only while holding this generator's lock
     * ({@code synchronized (generator)}). Not API.
     */
    public CpuGenerator impl() {
        return impl;
    }
}
