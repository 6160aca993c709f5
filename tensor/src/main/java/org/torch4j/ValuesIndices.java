package org.torch4j;

/** The named tuple that {@code torch.max(x, dim)} and {@code torch.min(x, dim)} return. */
public final class ValuesIndices {
    private final Tensor values;
    private final Tensor indices;

    /** The pair {@code (values, indices)}. */
    public ValuesIndices(Tensor values, Tensor indices) {
        this.values = values;
        this.indices = indices;
    }

    /** {@code result.values}: the selected elements. */
    public Tensor values() {
        return values;
    }

    /** int64 indices of the selected elements along the reduced dim. */
    public Tensor indices() {
        return indices;
    }

    @Override
    public String toString() {
        return "torch.return_types(\nvalues=" + values + ",\nindices=" + indices + ")";
    }
}
