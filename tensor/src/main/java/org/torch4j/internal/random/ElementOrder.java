package org.torch4j.internal.random;

import org.torch4j.Tensor;
import org.torch4j.internal.Shapes;

/**
 * Walks the storage offsets of a tensor's elements in the order PyTorch's TensorIterator visits them for a
 * single-output sampling kernel: dims sorted by stride (TensorIterator's {@code reorder_dimensions}), so the
 * i-th draw of a serial kernel lands on the same element as in PyTorch, for non-contiguous tensors too.
 */
final class ElementOrder {
    private final int[] sizes;
    private final int[] strides;
    private final int[] counter;
    private int offset;

    private ElementOrder(int[] sizes, int[] strides, int offset) {
        this.sizes = sizes;
        this.strides = strides;
        this.counter = new int[sizes.length];
        this.offset = offset;
    }

    /** The visiting order of {@code t}'s elements (outermost dim first in the permuted geometry). */
    static ElementOrder of(Tensor t) {
        int[] shape = t.shape();
        int[] stride = t.stride();
        int nd = shape.length;
        int[] perm = Shapes.innermostFirst(shape, new int[][] {stride});
        int[] sizes = new int[nd];
        int[] strides = new int[nd];
        for (int i = 0; i < nd; i++) {
            sizes[i] = shape[perm[nd - 1 - i]];
            strides[i] = stride[perm[nd - 1 - i]];
        }
        return new ElementOrder(sizes, strides, t.storageOffset());
    }

    /** The storage offset of the next element; call it exactly numel times. */
    int next() {
        int current = offset;
        for (int d = sizes.length - 1; d >= 0; d--) {
            offset += strides[d];
            if (++counter[d] < sizes[d]) {
                return current;
            }
            offset -= strides[d] * sizes[d];
            counter[d] = 0;
        }
        return current;
    }
}
