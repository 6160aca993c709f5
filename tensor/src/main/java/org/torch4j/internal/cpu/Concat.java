package org.torch4j.internal.cpu;

import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.internal.OpChecks;
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
        Tensor first = OpChecks.cat(tensors, dim);
        DType dtype = TypePromotion.resultType(tensors);
        if (first == null) {
            return Elementwise.empty(new int[] {0}, dtype);
        }
        int d = Shapes.wrapDim(dim, first.dim());
        int[] shape = first.shape();
        shape[d] = 0;
        for (Tensor t : tensors) {
            if (!OpChecks.catSkips(t)) {
                shape[d] += t.size(d);
            }
        }
        Tensor result = Elementwise.empty(shape, dtype);
        int start = 0;
        for (Tensor t : tensors) {
            if (!OpChecks.catSkips(t)) {
                int size = t.size(d);
                Elementwise.copy(Views.slice(result, d, start, start + size, 1), t);
                start += size;
            }
        }
        return result;
    }

    /** {@code torch.stack(tensors, dim)}: dim already wrapped for a result of one more dim than the inputs. */
    static Tensor stack(Tensor[] tensors, int dim) {
        OpChecks.stack(tensors);
        Tensor[] parts = new Tensor[tensors.length];
        for (int i = 0; i < tensors.length; i++) {
            parts[i] = Views.unsqueeze(tensors[i], dim);
        }
        return cat(parts, dim);
    }
}
