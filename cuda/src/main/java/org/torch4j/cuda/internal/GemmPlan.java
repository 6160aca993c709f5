package org.torch4j.cuda.internal;

/**
 * How cuBLAS, which is column-major, computes a row-major product C = A·B (A n×k, B k×m, C n×m contiguous):
 * C's memory read column-major is Cᵀ (m×n, leading dimension m), and Cᵀ = Bᵀ·Aᵀ, so cuBLAS gets B as its
 * first operand and A as its second. Each of them must be readable as a column-major matrix or the transpose of
 * one: a row-major operand (unit column stride) is its own transpose in column-major order ({@code N}), a
 * column-major one (unit row stride) is passed transposed ({@code T}); any other layout needs a copy first.
 */
final class GemmPlan {
    /** One operand as cuBLAS takes it: transposed or not, with its leading dimension. */
    static final class Operand {
        final boolean transpose;
        final int ld;

        Operand(boolean transpose, int ld) {
            this.transpose = transpose;
            this.ld = ld;
        }
    }

    private GemmPlan() {
    }

    /**
     * A matrix M (rows × cols, strides rowStride/colStride) given to cuBLAS as Mᵀ, or null when its layout is
     * neither row- nor column-major.
     */
    static Operand of(int rows, int cols, int rowStride, int colStride) {
        if (colStride == 1 || cols == 1) {
            int ld = rows == 1 ? Math.max(1, cols) : rowStride;
            if (ld >= Math.max(1, cols)) {
                return new Operand(false, ld);
            }
        }
        if (rowStride == 1 || rows == 1) {
            int ld = cols == 1 ? Math.max(1, rows) : colStride;
            if (ld >= Math.max(1, rows)) {
                return new Operand(true, ld);
            }
        }
        return null;
    }
}
