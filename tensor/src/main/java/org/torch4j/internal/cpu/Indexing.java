package org.torch4j.internal.cpu;

import org.torch4j.Tensor;
import org.torch4j.internal.Shapes;
import org.torch4j.internal.Views;

/**
 * Joining and indexing on CPU tensors, the op table's entry points: cat and stack ({@link Concat}),
 * index_select ({@link IndexSelect}), gather, scatter and scatter_add ({@link ScatterGather}), and
 * boolean masks ({@link MaskIndexing}: indexing, index_put_ and masked_select).
 */
final class Indexing {
    private Indexing() {
    }

    /** {@code torch.cat(tensors, dim)}; dim arrives unwrapped and is wrapped here as PyTorch does. */
    static Tensor cat(Tensor[] tensors, int dim) {
        return Concat.cat(tensors, dim);
    }

    /** {@code torch.stack(tensors, dim)}; dim already wrapped. */
    static Tensor stack(Tensor[] tensors, int dim) {
        return Concat.stack(tensors, dim);
    }

    /** {@code x.index_select(dim, index)}. */
    static Tensor indexSelect(Tensor x, int dim, Tensor index) {
        return IndexSelect.indexSelect(x, dim, index);
    }

    /** {@code x.gather(dim, index)}. */
    static Tensor gather(Tensor x, int dim, Tensor index) {
        return ScatterGather.gather(x, dim, index);
    }

    /** {@code x.scatter(dim, index, src)} or, for a wrapped-number src, {@code x.scatter(dim, index, value)}. */
    static Tensor scatter(Tensor x, int dim, Tensor index, Tensor src, Tensor out) {
        return ScatterGather.scatter(x, dim, index, src, out);
    }

    /** {@code x.scatter_add(dim, index, src)}. */
    static Tensor scatterAdd(Tensor x, int dim, Tensor index, Tensor src, Tensor out) {
        return ScatterGather.scatterAdd(x, dim, index, src, out);
    }

    /** {@code x[mask]}. */
    static Tensor indexMask(Tensor x, Tensor mask) {
        return MaskIndexing.index(x, mask);
    }

    /** {@code x[mask] = values}. */
    static Tensor indexPutMask(Tensor x, Tensor mask, Tensor values, Tensor out) {
        return MaskIndexing.indexPut(x, mask, values, out);
    }

    /** {@code x.masked_select(mask)}: x[mask] once both are expanded to their broadcast shape. */
    static Tensor maskedSelect(Tensor x, Tensor mask) {
        int[] common = Shapes.broadcast(mask.shape(), x.shape());
        return MaskIndexing.index(Views.expand(x, common), Views.expand(mask, common));
    }
}
