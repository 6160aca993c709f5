package org.torch4j.benchmarks;

import org.torch4j.Device;
import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.cuda.Cuda;
import org.torch4j.nn.Module;

/**
 * The backends a benchmark compares: plain Java loops ({@link ScalarReference}), the torch4j kernels on one
 * thread, the torch4j kernels on every core (the intra-op pool of {@code torch.set_num_threads}), and torch4j on
 * the first CUDA device ({@code torch4j-cuda}; the benchmarks list it only where {@code benchmarks/run.sh} found a
 * GPU, see {@link CudaProbe}).
 */
public enum Backend {
    /** Plain Java loops, no Vector API, one thread. */
    SCALAR,
    /** torch4j (Vector API kernels) with {@code Torch.setNumThreads(1)}. */
    VECTOR_1T,
    /** torch4j with one intra-op thread per available processor. */
    VECTOR_ALL,
    /** torch4j on {@code cuda:0}, inputs and models moved there once before timing. */
    CUDA;

    /** How many intra-op threads this backend runs with on this machine (CUDA: for its host-side work). */
    public int threads() {
        return this == SCALAR || this == VECTOR_1T ? 1 : Runtime.getRuntime().availableProcessors();
    }

    /** Sets torch4j's intra-op thread count for this backend; for CUDA, fails with the reason when no GPU is usable. */
    public void apply() {
        if (this == CUDA && !Cuda.isAvailable()) {
            throw new IllegalStateException("the CUDA backend needs a GPU: " + Cuda.unavailableReason());
        }
        Torch.setNumThreads(threads());
    }

    /** A benchmark input on this backend's device: a copy on the GPU for CUDA, the tensor itself otherwise. */
    public Tensor place(Tensor t) {
        return this == CUDA ? t.cuda() : t;
    }

    /** A model on this backend's device ({@code module.to(device)}). */
    public <M extends Module> M place(M module) {
        if (this == CUDA) {
            module.to(Device.cuda(0));
        }
        return module;
    }

    /**
     * Returns {@code result} once the work queued for it is done: CUDA kernels run asynchronously, so the timed
     * operation waits for the GPU ({@code torch.cuda.synchronize()}), as PyTorch's benchmarks do.
     */
    public <T> T finish(T result) {
        if (this == CUDA) {
            Cuda.synchronize();
        }
        return result;
    }
}
