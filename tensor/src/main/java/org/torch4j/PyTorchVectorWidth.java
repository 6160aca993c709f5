package org.torch4j;

/**
 * Lanes of PyTorch's {@code Vectorized<T>} in the reference build (Debian's PyTorch 1.13 dispatches its
 * CPU kernels at AVX2: 8 floats, 4 doubles). A few PyTorch kernels (arange, linspace) round differently in
 * their vector body and their scalar tail; torch4j reproduces that split to give the same numbers.
 */
final class PyTorchVectorWidth {
    static final int FLOAT = 8;
    static final int DOUBLE = 4;

    private PyTorchVectorWidth() {
    }

    /**
     * How many of n elements the vector body of {@code cpu_serial_kernel_vec} computes: its loop writes two
     * vectors per iteration, so the scalar tail takes the last {@code n % (2 * lanes)}.
     */
    static int body(int n, int lanes) {
        return n - n % (2 * lanes);
    }
}
