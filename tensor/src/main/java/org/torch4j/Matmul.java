package org.torch4j;

/** {@code torch.matmul}: dispatches by rank to dot, mv, mm and bmm with PyTorch's broadcasting rules. */
final class Matmul {
    private Matmul() {
    }

    static Tensor matmul(Tensor a, Tensor b) {
        throw new UnsupportedOperationException("matmul: not implemented yet");
    }
}
