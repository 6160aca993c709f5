package org.torch4j.cuda.internal;

import java.util.Arrays;
import jcuda.Pointer;
import jcuda.driver.JCudaDriver;
import org.torch4j.DType;
import org.torch4j.Device;
import org.torch4j.Tensor;
import org.torch4j.internal.OpChecks;
import org.torch4j.internal.Shapes;
import org.torch4j.internal.TypePromotion;
import org.torch4j.internal.Views;

/**
 * Joining and indexing on CUDA tensors (index.cu): cat and stack through the converting copy, index_select,
 * gather, scatter and scatter_add, and boolean masks. Index values are checked by the kernels, which record the
 * first one out of range; reading that record back waits for the kernel, so these operators synchronise.
 * Duplicate scatter targets are written in no fixed order (scatter_add adds them all), as on PyTorch's GPUs.
 */
final class CudaIndexing {
    private static final String MODULE = "index";
    /** Mask elements per block of mask_count and mask_positions (MASK_CHUNK in index.cu). */
    private static final int MASK_CHUNK = 1024;
    private static final int MASK_THREADS = 256;
    private static final int SCAN_THREADS = 1024;

    private CudaIndexing() {
    }

    // ------------------------------------------------------------------ joining

    /** {@code torch.cat(tensors, dim)}; dim arrives unwrapped and is wrapped as PyTorch does. */
    static Tensor cat(Tensor[] tensors, int dim) {
        Tensor first = OpChecks.cat(tensors, dim);
        DType dtype = TypePromotion.resultType(tensors);
        Device device = CudaElementwise.deviceOf(tensors);
        if (first == null) {
            return CudaElementwise.empty(device, new int[] {0}, dtype);
        }
        int d = Shapes.wrapDim(dim, first.dim());
        int[] shape = first.shape();
        shape[d] = 0;
        for (Tensor t : tensors) {
            if (!OpChecks.catSkips(t)) {
                shape[d] += t.size(d);
            }
        }
        Tensor result = CudaElementwise.allocate(device, shape, dtype);
        int start = 0;
        for (Tensor t : tensors) {
            if (!OpChecks.catSkips(t)) {
                int size = t.size(d);
                CudaElementwise.copy(Views.slice(result, d, start, start + size, 1), t);
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

    // ------------------------------------------------------------------ index_select, gather, scatter

    /** {@code x.index_select(dim, index)}. */
    static Tensor indexSelect(Tensor x, int dim, Tensor index) {
        OpChecks.indexSelect(x, dim, index);
        int n = index.numel();
        if (x.dim() == 0) {
            Tensor checked = indexSelect(Views.unsqueeze(x, 0), 0, index);
            return n == 1 ? Views.view(checked, new int[0]) : CudaElementwise.clone(x, true);
        }
        int size = x.size(dim);
        int[] shape = x.shape();
        shape[dim] = n;
        Tensor result = CudaElementwise.allocate(x.device(), shape, x.dtype());
        int[] xStrides = x.stride();
        xStrides[dim] = 0;
        int[] indexStrides = new int[shape.length];
        indexStrides[dim] = index.dim() == 0 ? 0 : index.stride(0);
        Iter it = Iter.of("index_select", shape, Iter.withStrides(result, result.stride()), Iter.withStrides(x, xStrides),
                Iter.withStrides(index, indexStrides));
        long bad = take(x.device(), it, x.stride(dim), size);
        if (bad != NO_ERROR) {
            if (x.dim() > 1 && (x.numel() == 0 || dim == 1)) {
                throw new IllegalArgumentException("INDICES element is out of DATA bounds, id=" + bad + " axis_dim=" + size);
            }
            throw new IndexOutOfBoundsException("index out of range in self");
        }
        return result;
    }

    /** {@code x.gather(dim, index)}: result[i][j] = x[index[i][j]][j] for dim 0, and so on. */
    static Tensor gather(Tensor x, int dim, Tensor index) {
        OpChecks.scatterGatherIndexDType("gather", index);
        OpChecks.gatherShape(x, dim, index);
        Tensor result = CudaElementwise.allocate(x.device(), index.shape(), x.dtype());
        int[] shape = index.shape();
        Iter it = Iter.of("gather", shape, Iter.withStrides(result, result.stride()),
                Iter.withStrides(x, alongIndex(x, dim, index)), Iter.withStrides(index, index.stride()));
        int size = x.dim() == 0 ? 1 : x.size(dim);
        long bad = take(x.device(), it, x.dim() == 0 ? 0 : x.stride(dim), size);
        if (bad != NO_ERROR) {
            throw OpChecks.indexOutOfBounds(bad, dim, size);
        }
        return result;
    }

    /** {@code x.scatter(dim, index, src)}, or for a wrapped-number src the value overload. */
    static Tensor scatter(Tensor x, int dim, Tensor index, Tensor src, Tensor out) {
        return scatter(x, dim, index, src, out, false);
    }

    /** {@code x.scatter_add(dim, index, src)}. */
    static Tensor scatterAdd(Tensor x, int dim, Tensor index, Tensor src, Tensor out) {
        return scatter(x, dim, index, src, out, true);
    }

    private static Tensor scatter(Tensor x, int dim, Tensor index, Tensor src, Tensor out, boolean add) {
        boolean value = src.isWrappedNumber() && !add;
        OpChecks.scatter(x, dim, index, value ? null : src);
        Tensor result;
        if (out == null) {
            result = CudaElementwise.clone(x, true);
        } else {
            out.storage().bumpVersion();
            result = out;
        }
        if (index.numel() == 0) {
            return result;
        }
        int[] shape = index.shape();
        int[] srcStrides = src.dim() == 0 ? new int[shape.length] : src.stride();
        Iter it = Iter.of(add ? "scatter_add" : "scatter", shape, Iter.withStrides(result, alongIndex(result, dim, index)),
                Iter.withStrides(src, srcStrides), Iter.withStrides(index, index.stride()));
        int size = result.dim() == 0 ? 1 : result.size(dim);
        Tensor error = errorSlot(x.device());
        DeviceContext device = CudaRuntime.context(x.device());
        device.launch(MODULE, "scatter", DeviceContext.blocks(it.numel, DeviceContext.THREADS), DeviceContext.THREADS,
                it.bytes, result.dim() == 0 ? 0 : result.stride(dim), size, add ? 1 : 0, Iter.address(error));
        long bad = readError(error);
        if (bad != NO_ERROR) {
            throw OpChecks.indexOutOfBounds(bad, dim, size);
        }
        return result;
    }

    /** t's strides over the index's dims with 0 along dim (the index supplies that position). */
    private static int[] alongIndex(Tensor t, int dim, Tensor index) {
        int[] strides = new int[index.dim()];
        for (int d = 0; d < Math.min(t.dim(), index.dim()); d++) {
            strides[d] = d == dim ? 0 : t.stride(d);
        }
        return strides;
    }

    private static final long NO_ERROR = Long.MIN_VALUE;

    /** Runs the take kernel; the first index out of [0, size), or NO_ERROR. */
    private static long take(Device device, Iter it, int dimStride, int size) {
        if (it.numel == 0) {
            return NO_ERROR;
        }
        Tensor error = errorSlot(device);
        CudaRuntime.context(device).launch(MODULE, "take", DeviceContext.blocks(it.numel, DeviceContext.THREADS),
                DeviceContext.THREADS, it.bytes, dimStride, size, Iter.address(error));
        return readError(error);
    }

    /** A zeroed (flag, index) pair for a kernel to record a bad index in. */
    private static Tensor errorSlot(Device device) {
        return CudaElementwise.empty(device, new int[] {2}, DType.INT64);
    }

    /** The index recorded in an error slot, or NO_ERROR; waits for the kernel. */
    private static long readError(Tensor error) {
        long[] slot = new long[2];
        CudaStorage s = (CudaStorage) error.storage();
        s.context().enter();
        JCudaDriver.cuMemcpyDtoH(Pointer.to(slot), s.pointer(0), 16);
        return slot[0] == 0 ? NO_ERROR : slot[1];
    }

    // ------------------------------------------------------------------ boolean masks

    /** {@code x[mask]}: a new tensor of shape (count of true, *trailing dims). */
    static Tensor indexMask(Tensor x, Tensor mask) {
        OpChecks.mask(x, mask);
        Tensor positions = positions(x, mask);
        int[] trailing = Arrays.copyOfRange(x.shape(), mask.dim(), x.dim());
        Tensor result = CudaElementwise.allocate(x.device(), prepend(positions.numel(), trailing), x.dtype());
        move(result, Iter.withStrides(result, result.stride()), x, mask, positions, false);
        return result;
    }

    /** {@code x.masked_select(mask)}: x[mask] once both are expanded to their broadcast shape. */
    static Tensor maskedSelect(Tensor x, Tensor mask) {
        int[] common = Shapes.broadcast(mask.shape(), x.shape());
        return indexMask(Views.expand(x, common), Views.expand(mask, common));
    }

    /**
     * {@code x[mask] = values}; out is x (in place) or null. A one-element value fills the selection through
     * masked_fill; otherwise values, without leading size-1 dims, must have x's dtype and broadcast to
     * (count, *trailing dims).
     */
    static Tensor indexPutMask(Tensor x, Tensor mask, Tensor values, Tensor out) {
        OpChecks.mask(x, mask);
        Tensor target = out != null ? out : CudaElementwise.clone(x, true);
        Tensor v = values.isWrappedNumber() ? values.to(x.dtype()) : values;
        if (v.numel() == 1 && mask.dim() > 0) {
            Tensor value = Tensor.of(v.storage(), new int[0], new int[0], v.storageOffset()).to(x.dtype());
            int[] padded = Arrays.copyOf(mask.shape(), x.dim());
            Arrays.fill(padded, mask.dim(), x.dim(), 1);
            return CudaElementwise.maskedFill(target, Views.view(mask, padded), value, target);
        }
        Tensor positions = positions(target, mask);
        int[] trailing = Arrays.copyOfRange(target.shape(), mask.dim(), target.dim());
        int[] resultShape = prepend(positions.numel(), trailing);
        v = Views.view(v, OpChecks.stripLeadingOnes(v.shape()));
        OpChecks.indexPutValues(x, v, resultShape);
        target.storage().bumpVersion();
        move(target, Iter.of(v, resultShape), target, mask, positions, true);
        return target;
    }

    /**
     * Moves blocks between the dense side (x[mask]'s result, or the values) and x's selected blocks; put
     * writes into x.
     */
    private static void move(Tensor onDevice, Iter.Operand dense, Tensor x, Tensor mask, Tensor positions, boolean put) {
        int[] shape = prepend(positions.numel(), Arrays.copyOfRange(x.shape(), mask.dim(), x.dim()));
        int[] xStrides = prepend(0, Arrays.copyOfRange(x.stride(), mask.dim(), x.dim()));
        int[] positionStrides = new int[shape.length];
        positionStrides[0] = 1;
        Iter it = Iter.of(put ? "index_put_" : "index", shape, dense, Iter.withStrides(x, xStrides),
                Iter.withStrides(positions, positionStrides));
        if (it.numel > 0) {
            CudaRuntime.context(onDevice.device()).launch(MODULE, "mask_move",
                    DeviceContext.blocks(it.numel, DeviceContext.THREADS), DeviceContext.THREADS, it.bytes, put ? 1 : 0);
        }
    }

    /**
     * The int32 offsets in x (from its storage offset) of the leading positions where the mask is true, in
     * row-major order: per-chunk counts, their prefix sums, then each chunk writes its positions. The count is
     * read back to size the result.
     */
    private static Tensor positions(Tensor x, Tensor mask) {
        Device device = x.device();
        DeviceContext context = CudaRuntime.context(device);
        int[] shape = mask.shape();
        Iter it = Iter.of("index", shape, Iter.withStrides(mask, mask.stride()),
                Iter.withStrides(x, Arrays.copyOf(x.stride(), mask.dim())));
        int chunks = (it.numel + MASK_CHUNK - 1) / MASK_CHUNK;
        if (chunks == 0) {
            return CudaElementwise.allocate(device, new int[] {0}, DType.INT32);
        }
        Tensor counts = CudaElementwise.allocate(device, new int[] {chunks}, DType.INT32);
        Tensor total = CudaElementwise.allocate(device, new int[] {1}, DType.INT32);
        context.launch(MODULE, "mask_count", chunks, MASK_THREADS, it.bytes, Iter.address(counts));
        context.launch(MODULE, "mask_scan", 1, SCAN_THREADS, Iter.address(counts), chunks, Iter.address(total));
        int[] count = new int[1];
        JCudaDriver.cuMemcpyDtoH(Pointer.to(count), ((CudaStorage) total.storage()).pointer(0), 4);
        Tensor positions = CudaElementwise.allocate(device, new int[] {count[0]}, DType.INT32);
        if (count[0] > 0) {
            context.launch(MODULE, "mask_positions", chunks, MASK_THREADS, it.bytes, Iter.address(counts),
                    Iter.address(positions));
        }
        return positions;
    }

    private static int[] prepend(int first, int[] rest) {
        int[] shape = new int[rest.length + 1];
        shape[0] = first;
        System.arraycopy(rest, 0, shape, 1, rest.length);
        return shape;
    }
}
