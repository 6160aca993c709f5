package org.torch4j.internal.random;

/**
 * The 32-bit Mersenne Twister of ATen ({@code at::mt19937}): the same seeding (the low 32 bits of the seed),
 * the same lazy regeneration of the 624-word state and the same tempering, so a seed gives PyTorch's stream.
 * Not thread-safe; {@link CpuGenerator} is used under the generator's lock.
 */
final class MT19937 {
    static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UMASK = 0x80000000;
    private static final int LMASK = 0x7fffffff;

    final int[] state = new int[N];
    long seed;
    int left;
    int next;
    boolean seeded;

    MT19937(long seed) {
        this.seed = seed;
        seeded = true;
        state[0] = (int) seed;
        for (int j = 1; j < N; j++) {
            state[j] = 1812433253 * (state[j - 1] ^ (state[j - 1] >>> 30)) + j;
        }
        left = 1;
        next = 0;
    }

    /** The next 32 random bits (an unsigned value in an int). */
    int nextInt() {
        if (--left == 0) {
            nextState();
        }
        int y = state[next++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    /** {@code mt19937_engine::is_valid}: the checks PyTorch applies to a state set from outside. */
    boolean isValid() {
        return seeded && left > 0 && left <= N && next >= 0 && next <= N;
    }

    private void nextState() {
        left = N;
        next = 0;
        int p = 0;
        for (; p < N - M; p++) {
            state[p] = state[p + M] ^ twist(state[p], state[p + 1]);
        }
        for (; p < N - 1; p++) {
            state[p] = state[p + M - N] ^ twist(state[p], state[p + 1]);
        }
        state[p] = state[p + M - N] ^ twist(state[p], state[0]);
    }

    private static int twist(int u, int v) {
        return (((u & UMASK) | (v & LMASK)) >>> 1) ^ ((v & 1) != 0 ? MATRIX_A : 0);
    }
}
