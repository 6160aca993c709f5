package org.torch4j.internal.cpu;

import org.torch4j.Tensor;
import org.torch4j.internal.CpuStorage;
import org.torch4j.internal.OpChecks;

/**
 * {@code torch.gather}, {@code scatter} and {@code scatter_add} on CPU tensors, with ATen's checks
 * (ScatterGatherChecks.h). One strided walk over the index tensor drives each of them; along {@code dim}
 * the position comes from the index instead of the walk. Duplicate scatter targets are written in the
 * order of their position along {@code dim}, so the last one wins (scatter) or all add up (scatter_add).
 */
final class ScatterGather {
    private ScatterGather() {
    }

    /** {@code x.gather(dim, index)}: result[i][j] = x[index[i][j]][j] for dim 0, and so on. */
    static Tensor gather(Tensor x, int dim, Tensor index) {
        OpChecks.scatterGatherIndexDType("gather", index);
        OpChecks.gatherShape(x, dim, index);
        Tensor result = Elementwise.empty(index.shape(), x.dtype());
        walk(index, result, result.stride(), result.storageOffset(), x, dim, false, false);
        return result;
    }

    /**
     * {@code x.scatter(dim, index, src)}; a wrapped-number src is the {@code scatter(dim, index, value)}
     * overload. out is null (functional) or x (in place).
     */
    static Tensor scatter(Tensor x, int dim, Tensor index, Tensor src, Tensor out) {
        return scatter(x, dim, index, src, out, false);
    }

    /** {@code x.scatter_add(dim, index, src)}: out is null (functional) or x (in place). */
    static Tensor scatterAdd(Tensor x, int dim, Tensor index, Tensor src, Tensor out) {
        return scatter(x, dim, index, src, out, true);
    }

    /** Both scatter ops; ATen names both "scatter" in their dtype messages. */
    private static Tensor scatter(Tensor x, int dim, Tensor index, Tensor src, Tensor out, boolean add) {
        boolean value = src.isWrappedNumber() && !add;
        OpChecks.scatter(x, dim, index, value ? null : src);
        Tensor result;
        if (out == null) {
            result = Elementwise.copy(Elementwise.empty(x.shape(), x.dtype()), x);
        } else {
            out.storage().bumpVersion();
            result = out;
        }
        Tensor s = value ? Elementwise.cast(src, x.dtype()) : src;
        int[] srcStrides = s.dim() == 0 ? new int[index.dim()] : s.stride();
        walk(index, s, srcStrides, s.storageOffset(), result, dim, true, add);
        return result;
    }

    /**
     * Walks index; {@code other} is the tensor at the walk's own positions (gather's result, scatter's src)
     * and {@code self} the one addressed along dim by the index values (gather's input, scatter's result).
     * Moves go self to other (gather) or other to self (scatter).
     */
    private static void walk(Tensor index, Tensor other, int[] otherStrides, int otherOffset, Tensor self, int dim,
                             boolean scatter, boolean add) {
        if (index.numel() == 0) {
            return;
        }
        int size = self.dim() == 0 ? 1 : self.size(dim);
        int dimStride = self.dim() == 0 ? 0 : self.stride(dim);
        int[] selfStrides = new int[index.dim()];
        for (int d = 0; d < Math.min(self.dim(), index.dim()); d++) {
            selfStrides[d] = d == dim ? 0 : self.stride(d);
        }
        CpuStorage selfData = (CpuStorage) self.storage();
        CpuStorage otherData = (CpuStorage) other.storage();
        MoveBuffer moves = scatter ? new MoveBuffer(selfData, otherData, add) : new MoveBuffer(otherData, selfData, false);
        int[] selfSide = scatter ? moves.dstOffsets : moves.srcOffsets;
        int[] otherSide = scatter ? moves.srcOffsets : moves.dstOffsets;
        long[] idx = ((CpuStorage) index.storage()).longs();
        int[][] strides = {index.stride(), otherStrides, selfStrides};
        int[] offsets = {index.storageOffset(), otherOffset, self.storageOffset()};
        StridedLoop.runSerial(index.shape(), strides, offsets, (off, st, n) -> {
            int indexAt = off[0];
            int indexStep = st[0];
            int otherAt = off[1];
            int otherStep = st[1];
            int selfAt = off[2];
            int selfStep = st[2];
            for (int start = 0; start < n; start += MoveBuffer.BATCH) {
                int batch = Math.min(MoveBuffer.BATCH, n - start);
                for (int b = 0, i = start; b < batch; b++, i++) {
                    long k = idx[indexAt + i * indexStep];
                    if (k < 0 || k >= size) {
                        throw OpChecks.indexOutOfBounds(k, dim, size);
                    }
                    otherSide[b] = otherAt + i * otherStep;
                    selfSide[b] = selfAt + i * selfStep + (int) k * dimStride;
                }
                moves.move(batch);
            }
        });
    }
}
