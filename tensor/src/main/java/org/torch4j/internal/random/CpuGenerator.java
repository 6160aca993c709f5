package org.torch4j.internal.random;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The state behind a CPU {@link org.torch4j.Generator}, as ATen's {@code CPUGeneratorImpl}: an mt19937 engine
 * plus the cached second sample of the Box-Muller normal distributions. Not thread-safe: callers hold the
 * lock of the owning Generator (PyTorch's generator mutex).
 */
public final class CpuGenerator {
    /** {@code sizeof(CPUGeneratorImplState)}: the length of {@code torch.get_rng_state()}. */
    public static final int STATE_SIZE = 5056;
    /** {@code sizeof(CPUGeneratorImplStateLegacy)}: states saved by PyTorch before 1.5, still accepted. */
    public static final int LEGACY_STATE_SIZE = 5048;
    private static final int STATE_OFFSET = 24;
    private static final int NORMAL_X_OFFSET = 5016;
    private static final int NORMAL_Y_OFFSET = 5024;
    private static final int NORMAL_RHO_OFFSET = 5032;
    private static final int NORMAL_VALID_OFFSET = 5040;
    private static final int FLOAT_NORMAL_OFFSET = 5048;
    private static final int FLOAT_NORMAL_VALID_OFFSET = 5052;

    private MT19937 engine;
    private boolean hasNextFloatNormal;
    private float nextFloatNormal;
    private boolean hasNextDoubleNormal;
    private double nextDoubleNormal;

    public CpuGenerator(long seed) {
        engine = new MT19937(seed);
    }

    /** {@code set_current_seed}: a fresh engine and no cached normal sample. */
    public void setCurrentSeed(long seed) {
        hasNextFloatNormal = false;
        hasNextDoubleNormal = false;
        engine = new MT19937(seed);
    }

    /** {@code current_seed}: the seed given last (all 64 bits, though the engine uses the low 32). */
    public long currentSeed() {
        return engine.seed;
    }

    /** {@code random()}: 32 random bits, an unsigned value held in an int. */
    public int random() {
        return engine.nextInt();
    }

    /** {@code random64()}: two 32-bit draws, the first one as the high word. */
    public long random64() {
        long hi = Integer.toUnsignedLong(engine.nextInt());
        long lo = Integer.toUnsignedLong(engine.nextInt());
        return (hi << 32) | lo;
    }

    /** Whether a normal sample is cached for {@code normal_distribution<double>}. */
    public boolean hasNextDoubleNormalSample() {
        return hasNextDoubleNormal;
    }

    /** Takes the cached normal sample (the caller checked {@link #hasNextDoubleNormalSample()}). */
    public double takeNextDoubleNormalSample() {
        hasNextDoubleNormal = false;
        return nextDoubleNormal;
    }

    /** Caches the second sample of a Box-Muller pair. */
    public void setNextDoubleNormalSample(double sample) {
        hasNextDoubleNormal = true;
        nextDoubleNormal = sample;
    }

    /** {@code get_state()}: the bytes of PyTorch's {@code CPUGeneratorImplState} (little-endian x86-64 layout). */
    public byte[] state() {
        ByteBuffer b = ByteBuffer.allocate(STATE_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(0, engine.seed);
        b.putInt(8, engine.left);
        b.putInt(12, engine.seeded ? 1 : 0);
        b.putLong(16, Integer.toUnsignedLong(engine.next));
        for (int i = 0; i < MT19937.N; i++) {
            b.putLong(STATE_OFFSET + 8 * i, Integer.toUnsignedLong(engine.state[i]));
        }
        if (hasNextDoubleNormal) {
            b.putDouble(NORMAL_Y_OFFSET, nextDoubleNormal);
            b.putInt(NORMAL_VALID_OFFSET, 1);
        }
        if (hasNextFloatNormal) {
            b.putFloat(FLOAT_NORMAL_OFFSET, nextFloatNormal);
            b.put(FLOAT_NORMAL_VALID_OFFSET, (byte) 1);
        }
        return b.array();
    }

    /**
     * {@code set_state(new_state)} from the bytes {@link #state()} (or {@code torch.get_rng_state()}) gave, or
     * from a legacy state, whose cached normal sample PyTorch rebuilds from its polar form.
     */
    public void setState(byte[] bytes) {
        if (bytes.length != STATE_SIZE && bytes.length != LEGACY_STATE_SIZE) {
            throw new IllegalArgumentException("Expected either a CPUGeneratorImplStateLegacy of size "
                    + LEGACY_STATE_SIZE + " or a CPUGeneratorImplState of size " + STATE_SIZE
                    + " but found the input RNG state size to be " + bytes.length);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        boolean legacy = bytes.length == LEGACY_STATE_SIZE;
        boolean floatValid = !legacy && b.get(FLOAT_NORMAL_VALID_OFFSET) != 0;
        boolean doubleValid = b.getInt(NORMAL_VALID_OFFSET) != 0;
        double doubleSample = !doubleValid ? 0.0 : legacy
                ? b.getDouble(NORMAL_RHO_OFFSET) * Math.sin(2.0 * Math.PI * b.getDouble(NORMAL_X_OFFSET))
                : b.getDouble(NORMAL_Y_OFFSET);
        MT19937 e = new MT19937(0);
        for (int i = 0; i < MT19937.N; i++) {
            e.state[i] = (int) b.getLong(STATE_OFFSET + 8 * i);
        }
        e.seed = b.getLong(0);
        e.left = b.getInt(8);
        e.seeded = b.getInt(12) != 0;
        e.next = (int) b.getLong(16);
        if (!e.isValid()) {
            throw new IllegalArgumentException("Invalid mt19937 state");
        }
        engine = e;
        hasNextFloatNormal = floatValid;
        nextFloatNormal = floatValid ? b.getFloat(FLOAT_NORMAL_OFFSET) : 0f;
        hasNextDoubleNormal = doubleValid;
        nextDoubleNormal = doubleSample;
    }
}
