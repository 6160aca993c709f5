package org.torch4j.nn.functional;

import java.util.Arrays;

/** Shape arithmetic shared by the functional families. */
final class Dims {
    private Dims() {
    }

    /**
     * The shape of rank {@code rank} that is {@code size} along {@code dim} and 1 elsewhere: how per-channel
     * (or per-class) vectors are viewed to broadcast against an (N, C, ...) tensor.
     */
    static int[] alongDim(int rank, int dim, int size) {
        int[] shape = new int[rank];
        Arrays.fill(shape, 1);
        shape[dim] = size;
        return shape;
    }
}
