package org.torch4j.benchmarks;

import org.torch4j.Torch;

/**
 * The backends a benchmark compares: plain Java loops ({@link ScalarReference}), the torch4j kernels on one
 * thread, and the torch4j kernels on every core (the intra-op pool of {@code torch.set_num_threads}).
 */
public enum Backend {
    /** Plain Java loops, no Vector API, one thread. */
    SCALAR,
    /** torch4j (Vector API kernels) with {@code Torch.setNumThreads(1)}. */
    VECTOR_1T,
    /** torch4j with one intra-op thread per available processor. */
    VECTOR_ALL;

    /** How many intra-op threads this backend runs with on this machine. */
    public int threads() {
        return this == VECTOR_ALL ? Runtime.getRuntime().availableProcessors() : 1;
    }

    /** Sets torch4j's intra-op thread count for this backend. */
    public void apply() {
        Torch.setNumThreads(threads());
    }
}
