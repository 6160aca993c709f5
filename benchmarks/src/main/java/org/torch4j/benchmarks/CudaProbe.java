package org.torch4j.benchmarks;

import org.torch4j.cuda.Cuda;

/**
 * Tells {@code benchmarks/run.sh} whether the CUDA backend can run here: prints the name of {@code cuda:0} and
 * exits 0, or prints why CUDA is unavailable and exits 1 ({@code torch.cuda.is_available()}).
 */
public final class CudaProbe {
    private CudaProbe() {
    }

    /** Entry point; takes no arguments. */
    public static void main(String[] args) {
        if (Cuda.isAvailable()) {
            System.out.println(Cuda.getDeviceName(0));
        } else {
            System.out.println(Cuda.unavailableReason());
            System.exit(1);
        }
    }
}
