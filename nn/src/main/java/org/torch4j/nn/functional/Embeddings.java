package org.torch4j.nn.functional;

import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.Torch;

/** embedding: rows of a weight matrix selected by index. */
final class Embeddings {
    private Embeddings() {
    }

    /**
     * weight[input] with the embedding dim appended; rows selected by {@code paddingIdx} (non-negative, or
     * null for none) take no gradient, as ATen's embedding_backward.
     */
    static Tensor embedding(Tensor input, Tensor weight, Integer paddingIdx) {
        if (input.dtype() != DType.INT64 && input.dtype() != DType.INT32) {
            throw new IllegalArgumentException("Expected tensor for argument #1 'indices' to have one of the following "
                    + "scalar types: Long, Int; but got torch." + input.dtype().scalarTypeName() + "Tensor instead "
                    + "(while checking arguments for embedding)");
        }
        if (weight.dim() != 2) {
            throw new IllegalArgumentException("'weight' must be 2-D");
        }
        Tensor flat = input.reshape(-1);
        Tensor rows = weight.indexSelect(0, flat);
        if (paddingIdx != null) {
            rows = Torch.where(flat.eq((long) paddingIdx).unsqueeze(1), rows.detach(), rows);
        }
        int[] shape = java.util.Arrays.copyOf(input.shape(), input.dim() + 1);
        shape[input.dim()] = weight.size(1);
        return rows.view(shape);
    }
}
