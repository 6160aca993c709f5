package org.torch4j.internal.cpu;

import java.util.Arrays;
import org.torch4j.Tensor;
import org.torch4j.internal.CpuStorage;
import org.torch4j.internal.OpChecks;
import org.torch4j.internal.Shapes;
import org.torch4j.internal.Views;

/**
 * Boolean-mask indexing on CPU tensors, as Python's {@code x[mask]} and {@code x[mask] = values} do it: the
 * mask covers x's leading dims (all of them, or none for a 0-dim mask) and selects whole blocks of the
 * trailing dims, in row-major order of the mask.
 */
final class MaskIndexing {
    private MaskIndexing() {
    }

    /** {@code x[mask]}: a new tensor of shape (count of true, *trailing dims). */
    static Tensor index(Tensor x, Tensor mask) {
        OpChecks.mask(x, mask);
        int[] lead = selectedOffsets(x, mask);
        int[] trailing = trailingShape(x, mask);
        Tensor result = Elementwise.empty(prepend(lead.length, trailing), x.dtype());
        int block = Shapes.numel(trailing);
        MoveBuffer moves = new MoveBuffer((CpuStorage) result.storage(), (CpuStorage) x.storage(), false);
        int[][] strides = {Shapes.contiguousStrides(trailing), trailingStrides(x, mask)};
        StridedLoop.runSerial(trailing, strides, new int[2], (off, st, n) -> {
            for (int j = 0; j < lead.length; j++) {
                moves.run(off[0] + j * block, st[0], off[1] + lead[j], st[1], n);
            }
        });
        moves.flush();
        return result;
    }

    /**
     * {@code x[mask] = values} ({@code index_put_}); out is x (in place) or null (a modified copy). A
     * wrapped-number value is converted to x's dtype first, as Python does; a one-element value fills the
     * selection (ATen's masked_fill shortcut, any dtype); otherwise values, without leading size-1 dims,
     * must have x's dtype and broadcast to (count, *trailing dims).
     */
    static Tensor indexPut(Tensor x, Tensor mask, Tensor values, Tensor out) {
        OpChecks.mask(x, mask);
        Tensor target = out != null ? out : Elementwise.copy(Elementwise.empty(x.shape(), x.dtype()), x);
        Tensor v = values.isWrappedNumber() ? Elementwise.cast(values, x.dtype()) : values;
        if (v.numel() == 1 && mask.dim() > 0) {
            Tensor value = Elementwise.cast(Tensor.of(v.storage(), new int[0], new int[0], v.storageOffset()), x.dtype());
            Tensor padded = Views.view(mask, trailingOnes(mask.shape(), x.dim()));
            return Elementwise.maskedFill(target, padded, value, target);
        }
        int[] lead = selectedOffsets(target, mask);
        int[] trailing = trailingShape(target, mask);
        int[] resultShape = prepend(lead.length, trailing);
        v = Views.view(v, OpChecks.stripLeadingOnes(v.shape()));
        OpChecks.indexPutValues(x, v, resultShape);
        target.storage().bumpVersion();
        int[] vStrides = StridedLoop.broadcastStrides(v, resultShape);
        int rowStride = vStrides[0];
        MoveBuffer moves = new MoveBuffer((CpuStorage) target.storage(), (CpuStorage) v.storage(), false);
        int[][] strides = {trailingStrides(target, mask), Arrays.copyOfRange(vStrides, 1, vStrides.length)};
        StridedLoop.runSerial(trailing, strides, new int[] {0, v.storageOffset()}, (off, st, n) -> {
            for (int j = 0; j < lead.length; j++) {
                moves.run(off[0] + lead[j], st[0], off[1] + j * rowStride, st[1], n);
            }
        });
        moves.flush();
        return target;
    }

    /** The storage offsets in x of the leading positions where the mask is true, in row-major order. */
    private static int[] selectedOffsets(Tensor x, Tensor mask) {
        int[] found = new int[mask.numel()];
        int[] count = {0};
        boolean[] m = ((CpuStorage) mask.storage()).bools();
        int[][] strides = {Arrays.copyOf(x.stride(), mask.dim()), mask.stride()};
        StridedLoop.runSerial(mask.shape(), strides, new int[] {x.storageOffset(), mask.storageOffset()}, (off, st, n) -> {
            for (int i = 0; i < n; i++) {
                if (m[off[1] + i * st[1]]) {
                    found[count[0]++] = off[0] + i * st[0];
                }
            }
        });
        return Arrays.copyOf(found, count[0]);
    }

    private static int[] trailingShape(Tensor x, Tensor mask) {
        return Arrays.copyOfRange(x.shape(), mask.dim(), x.dim());
    }

    private static int[] trailingStrides(Tensor x, Tensor mask) {
        return Arrays.copyOfRange(x.stride(), mask.dim(), x.dim());
    }

    private static int[] prepend(int first, int[] rest) {
        int[] shape = new int[rest.length + 1];
        shape[0] = first;
        System.arraycopy(rest, 0, shape, 1, rest.length);
        return shape;
    }

    /** shape followed by size-1 dims up to ndim dims. */
    private static int[] trailingOnes(int[] shape, int ndim) {
        int[] out = Arrays.copyOf(shape, ndim);
        Arrays.fill(out, shape.length, ndim, 1);
        return out;
    }
}
