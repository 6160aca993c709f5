package org.torch4j.utils.data;

/**
 * The samples of a dataset at given indices; the equivalent of {@code torch.utils.data.Subset}.
 *
 * @param <T> the type of a sample
 */
public final class Subset<T> implements Dataset<T> {
    private final Dataset<T> dataset;
    private final int[] indices;

    /** {@code Subset(dataset, indices)}. */
    public Subset(Dataset<T> dataset, int[] indices) {
        this.dataset = dataset;
        this.indices = indices.clone();
    }

    /** {@code subset.dataset}. */
    public Dataset<T> dataset() {
        return dataset;
    }

    /** {@code subset.indices}. */
    public int[] indices() {
        return indices.clone();
    }

    /** {@code dataset[indices[index]]}; negative indices count from the end. */
    @Override
    public T getItem(int index) {
        int i = index < 0 ? index + indices.length : index;
        if (i < 0 || i >= indices.length) {
            throw new IndexOutOfBoundsException("list index out of range: index " + index + " in a Subset of length "
                    + indices.length);
        }
        return dataset.getItem(indices[i]);
    }

    @Override
    public int len() {
        return indices.length;
    }
}
