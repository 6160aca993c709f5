package org.torch4j.utils.data;

import org.torch4j.Tensor;

/**
 * Samples are slices of tensors along their first dimension; the equivalent of
 * {@code torch.utils.data.TensorDataset}. Item {@code i} is {@code {t0[i], t1[i], ...}} (views, no copy).
 */
public final class TensorDataset implements Dataset<Tensor[]> {
    private final Tensor[] tensors;

    /** {@code TensorDataset(*tensors)}: every tensor must have the same size in dimension 0. */
    public TensorDataset(Tensor... tensors) {
        if (tensors.length == 0) {
            throw new IllegalArgumentException("TensorDataset needs at least one tensor");
        }
        for (Tensor t : tensors) {
            if (t.dim() == 0) {
                throw new IllegalArgumentException("TensorDataset: tensors must have at least one dimension");
            }
            if (t.size(0) != tensors[0].size(0)) {
                throw new IllegalArgumentException("Size mismatch between tensors");
            }
        }
        this.tensors = tensors.clone();
    }

    /** {@code dataset.tensors}. */
    public Tensor[] tensors() {
        return tensors.clone();
    }

    /** {@code tuple(t[index] for t in tensors)}; negative indices count from the end. */
    @Override
    public Tensor[] getItem(int index) {
        Tensor[] item = new Tensor[tensors.length];
        for (int i = 0; i < tensors.length; i++) {
            item[i] = tensors[i].select(0, index);
        }
        return item;
    }

    /** The size of dimension 0. */
    @Override
    public int len() {
        return tensors[0].size(0);
    }
}
