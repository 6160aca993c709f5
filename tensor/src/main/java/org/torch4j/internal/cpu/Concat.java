package org.torch4j.internal.cpu;

import java.util.Arrays;
import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.internal.Shapes;
import org.torch4j.internal.TypePromotion;
import org.torch4j.internal.Views;

/** {@code torch.cat} and {@code torch.stack} on CPU tensors: each input is copied into its slice of the result. */
final class Concat {
    private Concat() {
    }

    /**
     * {@code torch.cat(tensors, dim)} with PyTorch 1.13's rules: dim is wrapped against the first input that
     * is not a legacy empty tensor (1-d of shape [0]), such inputs are skipped, and the result has the
     * promoted dtype of all inputs.
     */
    static Tensor cat(Tensor[] tensors, int dim) {
        for (int i = 0; i < tensors.length; i++) {
            if (tensors[i].dim() == 0) {
                throw new IllegalArgumentException("zero-dimensional tensor (at position " + i + ") cannot be concatenated");
            }
        }
        DType dtype = TypePromotion.resultType(tensors);
        Tensor first = null;
        for (Tensor t : tensors) {
            if (!skipped(t)) {
                first = t;
                break;
            }
        }
        if (first == null) {
            return Elementwise.empty(new int[] {0}, dtype);
        }
        int d = Shapes.wrapDim(dim, first.dim());
        int[] shape = first.shape();
        shape[d] = 0;
        for (int i = 0; i < tensors.length; i++) {
            if (!skipped(tensors[i])) {
                checkShapeExceptDim(first, tensors[i], d, i);
                shape[d] += tensors[i].size(d);
            }
        }
        Tensor result = Elementwise.empty(shape, dtype);
        int start = 0;
        for (Tensor t : tensors) {
            if (!skipped(t)) {
                int size = t.size(d);
                Elementwise.copy(Views.slice(result, d, start, start + size, 1), t);
                start += size;
            }
        }
        return result;
    }

    /** {@code torch.stack(tensors, dim)}: dim already wrapped for a result of one more dim than the inputs. */
    static Tensor stack(Tensor[] tensors, int dim) {
        int[] entry = tensors[0].shape();
        Tensor[] parts = new Tensor[tensors.length];
        for (int i = 0; i < tensors.length; i++) {
            if (!Arrays.equals(entry, tensors[i].shape())) {
                throw new IllegalArgumentException("stack expects each tensor to be equal size, but got "
                        + Shapes.format(entry) + " at entry 0 and " + Shapes.format(tensors[i].shape()) + " at entry " + i);
            }
            parts[i] = Views.unsqueeze(tensors[i], dim);
        }
        return cat(parts, dim);
    }

    /** ATen's {@code cat_should_skip_tensor}: legacy empty tensors of shape [0] take no part in cat. */
    private static boolean skipped(Tensor t) {
        return t.dim() == 1 && t.numel() == 0;
    }

    private static void checkShapeExceptDim(Tensor first, Tensor t, int dim, int index) {
        if (first.dim() != t.dim()) {
            throw new IllegalArgumentException("Tensors must have same number of dimensions: got " + first.dim()
                    + " and " + t.dim());
        }
        for (int d = 0; d < first.dim(); d++) {
            if (d != dim && first.size(d) != t.size(d)) {
                throw new IllegalArgumentException("Sizes of tensors must match except in dimension " + dim
                        + ". Expected size " + first.size(d) + " but got size " + t.size(d) + " for tensor number "
                        + index + " in the list.");
            }
        }
    }
}
