package org.torch4j.internal.cpu;

import org.torch4j.Tensor;

/** Matrix products on CPU tensors: mm, bmm, mv, dot. */
final class Linalg {
    private Linalg() {
    }

    private static UnsupportedOperationException todo(String op) {
        return new UnsupportedOperationException(op + ": not implemented yet");
    }

    static Tensor mm(Tensor a, Tensor b) {
        throw todo("mm");
    }

    static Tensor bmm(Tensor a, Tensor b) {
        throw todo("bmm");
    }

    static Tensor mv(Tensor a, Tensor v) {
        throw todo("mv");
    }

    static Tensor dot(Tensor a, Tensor b) {
        throw todo("dot");
    }
}
