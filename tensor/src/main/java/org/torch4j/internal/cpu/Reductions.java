package org.torch4j.internal.cpu;

import org.torch4j.DType;
import org.torch4j.Tensor;

/** Reductions on CPU tensors: sum, mean, prod, max/min, arg max/min, var/std, norm, logsumexp, softmax. */
final class Reductions {
    private Reductions() {
    }

    private static UnsupportedOperationException todo(String op) {
        return new UnsupportedOperationException(op + ": not implemented yet");
    }

    static Tensor sum(Tensor x, int[] dims, boolean keepdim, DType dtype) {
        throw todo("sum");
    }

    static Tensor mean(Tensor x, int[] dims, boolean keepdim) {
        throw todo("mean");
    }

    static Tensor prod(Tensor x, Integer dim, boolean keepdim) {
        throw todo("prod");
    }

    static Tensor amax(Tensor x, int[] dims, boolean keepdim) {
        throw todo("amax");
    }

    static Tensor amin(Tensor x, int[] dims, boolean keepdim) {
        throw todo("amin");
    }

    static Tensor[] maxDim(Tensor x, int dim, boolean keepdim) {
        throw todo("max");
    }

    static Tensor[] minDim(Tensor x, int dim, boolean keepdim) {
        throw todo("min");
    }

    static Tensor argmax(Tensor x, Integer dim, boolean keepdim) {
        throw todo("argmax");
    }

    static Tensor argmin(Tensor x, Integer dim, boolean keepdim) {
        throw todo("argmin");
    }

    static Tensor var(Tensor x, int[] dims, double correction, boolean keepdim) {
        throw todo("var");
    }

    static Tensor std(Tensor x, int[] dims, double correction, boolean keepdim) {
        throw todo("std");
    }

    static Tensor norm(Tensor x, double p, int[] dims, boolean keepdim) {
        throw todo("norm");
    }

    static Tensor logsumexp(Tensor x, int[] dims, boolean keepdim) {
        throw todo("logsumexp");
    }

    static Tensor softmax(Tensor x, int dim) {
        throw todo("softmax");
    }

    static Tensor logSoftmax(Tensor x, int dim) {
        throw todo("log_softmax");
    }

    static Tensor cumsum(Tensor x, int dim) {
        throw todo("cumsum");
    }
}
