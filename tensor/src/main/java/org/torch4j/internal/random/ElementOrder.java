package org.torch4j.internal.random;

import org.torch4j.Tensor;

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
        // TensorIterator starts from the reversed dims (innermost first) and insertion-sorts them.
        int[] perm = new int[nd];
        for (int i = 0; i < nd; i++) {
            perm[i] = nd - 1 - i;
        }
        for (int i = 1; i < nd; i++) {
            int dim1 = i;
            for (int dim0 = i - 1; dim0 >= 0; dim0--) {
                int comparison = shouldSwap(shape, stride, perm[dim0], perm[dim1]);
                if (comparison > 0) {
                    int tmp = perm[dim0];
                    perm[dim0] = perm[dim1];
                    perm[dim1] = tmp;
                    dim1 = dim0;
                } else if (comparison < 0) {
                    break;
                }
            }
        }
        int[] sizes = new int[nd];
        int[] strides = new int[nd];
        for (int i = 0; i < nd; i++) {
            sizes[i] = shape[perm[nd - 1 - i]];
            strides[i] = stride[perm[nd - 1 - i]];
        }
        return new ElementOrder(sizes, strides, t.storageOffset());
    }

    /** TensorIterator's comparison: 1 if dim0 must come after (outside) dim1, -1 if before, 0 if ambiguous. */
    private static int shouldSwap(int[] shape, int[] stride, int dim0, int dim1) {
        int s0 = stride[dim0];
        int s1 = stride[dim1];
        if (s0 == 0 || s1 == 0) {
            return 0;
        }
        if (s0 != s1) {
            return s0 < s1 ? -1 : 1;
        }
        return shape[dim0] > shape[dim1] ? 1 : 0;
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
