package org.torch4j.autograd.internal;

import org.torch4j.Tensor;

/**
 * The gradients of a matrix product's operands ({@code mm_mat1_backward} and {@code mm_mat2_backward} of ATen's
 * {@code FunctionsManual.cpp}, used by {@code MmBackward0} and {@code AddmmBackward0}): an operand that was
 * column-major (a transposed view, such as {@code nn.Linear}'s {@code weight.t()}) gets its gradient computed
 * transposed and returned as a column-major view, so that the gradient of the underlying row-major tensor comes
 * out contiguous with no copy.
 */
final class MmGrads {
    private MmGrads() {
    }

    /** Whether a matrix is column-major: unit row stride and a column stride of its row count. */
    static boolean columnMajor(Tensor m) {
        return m.stride(0) == 1 && m.stride(1) == m.size(0);
    }

    /** The gradient of {@code mat1} in {@code alpha * mat1 · mat2}. */
    static Tensor mat1(Tensor grad, Tensor mat2, boolean mat1ColumnMajor, double alpha) {
        Tensor g = mat1ColumnMajor ? mat2.mm(grad.t()).t() : grad.mm(mat2.t());
        return alpha == 1 ? g : g.mul(alpha);
    }

    /** The gradient of {@code mat2} in {@code alpha * mat1 · mat2}. */
    static Tensor mat2(Tensor grad, Tensor mat1, boolean mat2ColumnMajor, double alpha) {
        Tensor g = mat2ColumnMajor ? grad.t().mm(mat1).t() : mat1.t().mm(grad);
        return alpha == 1 ? g : g.mul(alpha);
    }
}
