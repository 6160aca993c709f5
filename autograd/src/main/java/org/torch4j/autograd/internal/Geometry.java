package org.torch4j.autograd.internal;

import org.torch4j.Tensor;

/** Shape, strides and storage offset of a tensor, remembered for an as_strided backward. */
final class Geometry {
    final int[] shape;
    final int[] strides;
    final int offset;

    Geometry(int[] shape, int[] strides, int offset) {
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
    }

    static Geometry of(Tensor t) {
        return new Geometry(t.shape(), t.stride(), t.storageOffset());
    }

    /** The lowest storage position an element occupies (the offset when empty). */
    int minPosition() {
        long p = offset;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == 0) {
                return offset;
            }
            if (strides[i] < 0) {
                p += (long) (shape[i] - 1) * strides[i];
            }
        }
        return (int) p;
    }

    /** The highest storage position an element occupies (the offset when empty). */
    int maxPosition() {
        long p = offset;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == 0) {
                return offset;
            }
            if (strides[i] > 0) {
                p += (long) (shape[i] - 1) * strides[i];
            }
        }
        return (int) p;
    }

    /** The lowest storage position of two geometries. */
    static int low(Geometry a, Geometry b) {
        return Math.min(a.minPosition(), b.minPosition());
    }

    /** How many storage positions cover both geometries, from {@link #low}. */
    static int span(Geometry a, Geometry b) {
        return Math.max(a.maxPosition(), b.maxPosition()) - low(a, b) + 1;
    }

    /**
     * Whether two elements may share a storage position, by PyTorch's test: sorted by stride, each
     * dimension's stride must exceed the extent of the smaller ones.
     */
    boolean mayOverlap() {
        int n = shape.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(Math.abs(strides[a]), Math.abs(strides[b])));
        long extent = 0;
        for (int k = 0; k < n; k++) {
            int d = order[k];
            if (shape[d] <= 1) {
                continue;
            }
            long stride = Math.abs(strides[d]);
            if (stride <= extent) {
                return true;
            }
            extent += stride * (shape[d] - 1);
        }
        return false;
    }
}
