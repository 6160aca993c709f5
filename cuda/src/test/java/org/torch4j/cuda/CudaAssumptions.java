package org.torch4j.cuda;

import org.junit.jupiter.api.Assumptions;

/** Skips GPU tests, with the reason, where CUDA cannot be used. */
public final class CudaAssumptions {
    private CudaAssumptions() {
    }

    /** Aborts (skips) the calling test unless a CUDA device is available. */
    public static void requireGpu() {
        Assumptions.assumeTrue(Cuda.isAvailable(), () -> "no CUDA device: " + Cuda.unavailableReason());
    }
}
