package org.torch4j.internal.cpu;

import org.torch4j.Tensor;
import org.torch4j.internal.CpuStorage;
import org.torch4j.internal.OpChecks;

/** {@code torch.index_select} on CPU tensors: whole slices along one dim, copied run by run. */
final class IndexSelect {
    private IndexSelect() {
    }

    /** {@code x.index_select(dim, index)}: index is a 0-d or 1-d int64/int32 tensor of non-negative positions. */
    static Tensor indexSelect(Tensor x, int dim, Tensor index) {
        OpChecks.indexSelect(x, dim, index);
        int n = index.numel();
        int size = x.dim() == 0 ? 1 : x.size(dim);
        boolean emptySelf = x.dim() > 1 && x.numel() == 0;
        int[] positions = positions(index, n, size, x.dim() > 1 && (emptySelf || dim == 1));
        if (x.dim() == 0) {
            return Elementwise.copy(Elementwise.empty(new int[0], x.dtype()), x);
        }
        int[] shape = x.shape();
        shape[dim] = n;
        Tensor result = Elementwise.empty(shape, x.dtype());
        copySlices(result, x, dim, positions);
        return result;
    }

    /**
     * The index as int positions, each checked against {@code size}. ATen's kernels word the error two ways:
     * its dim-1 and empty-self paths ({@code dataBounds}) raise a RuntimeError, the others an IndexError.
     */
    private static int[] positions(Tensor index, int n, int size, boolean dataBounds) {
        CpuStorage data = (CpuStorage) index.storage();
        int stride = index.dim() == 0 ? 0 : index.stride(0);
        int[] positions = new int[n];
        for (int j = 0; j < n; j++) {
            long p = data.getLong(index.storageOffset() + j * stride);
            if (p < 0 || p >= size) {
                if (dataBounds) {
                    throw new IllegalArgumentException("INDICES element is out of DATA bounds, id=" + p + " axis_dim=" + size);
                }
                throw new IndexOutOfBoundsException("index out of range in self");
            }
            positions[j] = (int) p;
        }
        return positions;
    }

    /**
     * result.select(dim, j) = x.select(dim, positions[j]) for every j; result and x have the same dtype. The
     * walk covers every dim but dim; within each of its runs the loop over j goes outside when the run is
     * contiguous in the result (whole runs copied at once), inside otherwise (dim is then the result's
     * innermost dim, so the writes stay in order).
     */
    private static void copySlices(Tensor result, Tensor x, int dim, int[] positions) {
        int[] outer = result.shape();
        outer[dim] = 1;
        int rd = result.stride(dim);
        int xd = x.stride(dim);
        MoveBuffer moves = new MoveBuffer((CpuStorage) result.storage(), (CpuStorage) x.storage(), false);
        int[][] strides = {result.stride(), x.stride()};
        int[] offsets = {result.storageOffset(), x.storageOffset()};
        StridedLoop.runSerial(outer, strides, offsets, (off, st, len) -> {
            if (st[0] == 1 || len == 1) {
                for (int j = 0; j < positions.length; j++) {
                    moves.run(off[0] + j * rd, st[0], off[1] + positions[j] * xd, st[1], len);
                }
                return;
            }
            for (int e = 0; e < len; e++) {
                int r = off[0] + e * st[0];
                int s = off[1] + e * st[1];
                for (int j = 0; j < positions.length; j++) {
                    moves.add(r + j * rd, s + positions[j] * xd);
                }
            }
        });
        moves.flush();
    }
}
