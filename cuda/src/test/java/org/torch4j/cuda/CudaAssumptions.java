package org.torch4j.cuda;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Skips GPU tests, with the reason, where CUDA cannot be used. Where the system property
 * {@code torch4j.cuda.emulator} names a built CPU emulation of the CUDA driver (src/test/cuda/fakecuda.cpp,
 * soname libcuda.so.1), it is loaded before JCuda so that JCuda binds to it and the GPU tests run on the CPU.
 */
public final class CudaAssumptions {
    static {
        String emulator = System.getProperty("torch4j.cuda.emulator");
        if (emulator != null && Files.isRegularFile(Path.of(emulator))) {
            System.load(Path.of(emulator).toAbsolutePath().toString());
        }
    }

    private CudaAssumptions() {
    }

    /** Aborts (skips) the calling test unless a CUDA device (or the emulation) is available. */
    public static void requireGpu() {
        Assumptions.assumeTrue(Cuda.isAvailable(), () -> "no CUDA device: " + Cuda.unavailableReason());
    }
}
