package org.torch4j;

/**
 * Lanes of PyTorch's {@code Vectorized<T>} in the reference build (Debian's PyTorch 1.13 dispatches its
 * CPU kernels at AVX2). A few PyTorch kernels (arange, linspace) round differently in their vector body and
 * their scalar tail; torch4j reproduces that split to give the same numbers.
 */
final class PyTorchVectorWidth {
    private PyTorchVectorWidth() {
    }

    /** Elements of a dtype in one 256-bit vector: 8 float32 or int32, 4 float64 or int64. */
    static int lanes(DType dtype) {
        return 32 / dtype.itemSize();
    }

    /**
     * How many of n elements the vector body of {@code cpu_serial_kernel_vec} computes: its loop writes two
     * vectors per iteration, so the scalar tail takes the last {@code n % (2 * lanes)}.
     */
    static int body(int n, int lanes) {
        return n - n % (2 * lanes);
    }

    /**
     * A vector's base as {@code Vectorized<T>::arange(T base, step)} receives it: converted to the element type
     * (rounded to float32, or truncated toward zero for integers) while its lanes add the wider step to it.
     */
    static double base(DType dtype, double value) {
        return dtype == DType.FLOAT32 ? (float) value : dtype.isIntegral() ? (long) value : value;
    }
}
