package org.torch4j.internal.cpu;

import org.torch4j.Tensor;

/** Joining and indexing on CPU tensors: cat, stack, index_select, gather, scatter, boolean masks. */
final class Indexing {
    private Indexing() {
    }

    private static UnsupportedOperationException todo(String op) {
        return new UnsupportedOperationException(op + ": not implemented yet");
    }

    static Tensor cat(Tensor[] tensors, int dim) {
        throw todo("cat");
    }

    static Tensor stack(Tensor[] tensors, int dim) {
        throw todo("stack");
    }

    static Tensor indexSelect(Tensor x, int dim, Tensor index) {
        throw todo("index_select");
    }

    static Tensor gather(Tensor x, int dim, Tensor index) {
        throw todo("gather");
    }

    static Tensor scatter(Tensor x, int dim, Tensor index, Tensor src, Tensor out) {
        throw todo("scatter");
    }

    static Tensor scatterAdd(Tensor x, int dim, Tensor index, Tensor src, Tensor out) {
        throw todo("scatter_add");
    }

    static Tensor indexMask(Tensor x, Tensor mask) {
        throw todo("index");
    }

    static Tensor indexPutMask(Tensor x, Tensor mask, Tensor values, Tensor out) {
        throw todo("index_put_");
    }
}
