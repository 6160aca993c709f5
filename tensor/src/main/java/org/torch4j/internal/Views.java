package org.torch4j.internal;

import org.torch4j.Tensor;

/** View operators for every backend: new shape, strides and offset over the same storage. */
public final class Views {
    private Views() {
    }

    private static Tensor make(Tensor x, int[] shape, int[] strides, int offset) {
        return Tensor.of(x.storage(), shape, strides, offset);
    }

    /** {@code x.view(shape)} (shape resolved); PyTorch's IllegalStateException when the strides do not allow it. */
    public static Tensor view(Tensor x, int[] shape) {
        int[] strides = Shapes.viewStrides(TensorAccess.shape(x), TensorAccess.strides(x), shape);
        if (strides == null) {
            throw new IllegalStateException("view size is not compatible with input tensor's size and stride (at least "
                    + "one dimension spans across two contiguous subspaces). Use .reshape(...) instead.");
        }
        return make(x, shape.clone(), strides, x.storageOffset());
    }

    /** {@code torch.as_strided(x, shape, strides, offset)}, checked against the storage's size. */
    public static Tensor asStrided(Tensor x, int[] shape, int[] strides, int offset) {
        long last = offset;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == 0) {
                last = offset;
                break;
            }
            last += (long) (shape[i] - 1) * strides[i];
        }
        if (offset < 0 || last >= x.storage().length() && Shapes.numel(shape) > 0) {
            throw new IllegalArgumentException("setStorage: sizes " + Shapes.format(shape) + ", strides "
                    + Shapes.format(strides) + ", storage offset " + offset + " requiring a storage size of "
                    + (last + 1) + " are out of bounds for storage of size " + x.storage().length());
        }
        return make(x, shape, strides, offset);
    }

    /** {@code x.expand(shape)} (shape resolved and checked): stride 0 on the expanded dims. */
    public static Tensor expand(Tensor x, int[] shape) {
        int[] own = TensorAccess.shape(x);
        int[] ownStrides = TensorAccess.strides(x);
        int lead = shape.length - own.length;
        int[] strides = new int[shape.length];
        for (int i = lead; i < shape.length; i++) {
            strides[i] = own[i - lead] == shape[i] ? ownStrides[i - lead] : 0;
        }
        return make(x, shape.clone(), strides, x.storageOffset());
    }

    /** {@code x.permute(dims)} (dims wrapped and checked). */
    public static Tensor permute(Tensor x, int[] dims) {
        int[] own = TensorAccess.shape(x);
        int[] ownStrides = TensorAccess.strides(x);
        int[] shape = new int[dims.length];
        int[] strides = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            shape[i] = own[dims[i]];
            strides[i] = ownStrides[dims[i]];
        }
        return make(x, shape, strides, x.storageOffset());
    }

    /** {@code x.transpose(dim0, dim1)}. */
    public static Tensor transpose(Tensor x, int dim0, int dim1) {
        int[] shape = TensorAccess.shape(x).clone();
        int[] own = TensorAccess.strides(x);
        if (shape.length == 2 && dim0 != dim1) {
            // a matrix: the swapped strides are often shared ones
            shape[0] = shape[1];
            shape[1] = TensorAccess.shape(x)[0];
            return make(x, shape, SharedStrides.of(own[1], own[0]), x.storageOffset());
        }
        int[] strides = own.clone();
        if (shape.length > 0) {
            int size = shape[dim0];
            shape[dim0] = shape[dim1];
            shape[dim1] = size;
            int stride = strides[dim0];
            strides[dim0] = strides[dim1];
            strides[dim1] = stride;
        }
        return make(x, shape, strides, x.storageOffset());
    }

    /** {@code x.t()}: a transpose of a matrix, a plain alias of fewer dims. */
    public static Tensor t(Tensor x) {
        return x.dim() < 2 ? make(x, TensorAccess.shape(x), TensorAccess.strides(x), x.storageOffset()) : transpose(x, 0, 1);
    }

    /** {@code x.squeeze()} (dim null) or {@code x.squeeze(dim)}. */
    public static Tensor squeeze(Tensor x, Integer dim) {
        int[] own = TensorAccess.shape(x);
        int[] ownStrides = TensorAccess.strides(x);
        int kept = 0;
        for (int i = 0; i < own.length; i++) {
            if (!squeezes(own, i, dim)) {
                kept++;
            }
        }
        int[] shape = new int[kept];
        int[] strides = new int[kept];
        int k = 0;
        for (int i = 0; i < own.length; i++) {
            if (!squeezes(own, i, dim)) {
                shape[k] = own[i];
                strides[k++] = ownStrides[i];
            }
        }
        return make(x, shape, strides, x.storageOffset());
    }

    private static boolean squeezes(int[] shape, int i, Integer dim) {
        return shape[i] == 1 && (dim == null || dim == i);
    }

    /** {@code x.unsqueeze(dim)}. */
    public static Tensor unsqueeze(Tensor x, int dim) {
        int[] own = TensorAccess.shape(x);
        int[] ownStrides = TensorAccess.strides(x);
        int[] shape = new int[own.length + 1];
        int[] strides = new int[own.length + 1];
        for (int i = 0, k = 0; i < shape.length; i++) {
            if (i == dim) {
                shape[i] = 1;
                strides[i] = dim < own.length ? ownStrides[dim] * own[dim] : 1;
            } else {
                shape[i] = own[k];
                strides[i] = ownStrides[k++];
            }
        }
        return make(x, shape, strides, x.storageOffset());
    }

    /** {@code x[..., start:end:step]} along dim (start and end clamped). */
    public static Tensor slice(Tensor x, int dim, int start, int end, int step) {
        int[] shape = x.shape();
        int[] strides = x.stride();
        int offset = x.storageOffset() + start * strides[dim];
        shape[dim] = end > start ? (end - start + step - 1) / step : 0;
        strides[dim] *= step;
        return make(x, shape, strides, offset);
    }

    /** {@code x.select(dim, index)} (index wrapped and checked). */
    public static Tensor select(Tensor x, int dim, int index) {
        int[] own = TensorAccess.shape(x);
        int[] ownStrides = TensorAccess.strides(x);
        int[] shape = new int[own.length - 1];
        int[] strides = new int[own.length - 1];
        for (int i = 0, k = 0; i < own.length; i++) {
            if (i != dim) {
                shape[k] = own[i];
                strides[k++] = ownStrides[i];
            }
        }
        return make(x, shape, strides, x.storageOffset() + index * ownStrides[dim]);
    }

    /**
     * {@code x.split(splitSize, dim)}: slices of splitSize along dim, the last one possibly smaller; a single
     * slice when the dim's size is 0 (splitSize may then be 0) or at most splitSize.
     */
    public static Tensor[] split(Tensor x, int splitSize, int dim) {
        int size = x.shape()[dim];
        int n = splitSize == 0 ? 1 : Math.max((size + splitSize - 1) / splitSize, 1);
        int[] sizes = new int[n];
        for (int i = 0; i < n; i++) {
            sizes[i] = Math.min(splitSize, size - i * splitSize);
        }
        return splitWithSizes(x, sizes, dim);
    }

    /** {@code x.split_with_sizes(sizes, dim)}: consecutive slices of the given sizes along dim. */
    public static Tensor[] splitWithSizes(Tensor x, int[] sizes, int dim) {
        Tensor[] out = new Tensor[sizes.length];
        int start = 0;
        for (int i = 0; i < sizes.length; i++) {
            out[i] = slice(x, dim, start, start + sizes[i], 1);
            start += sizes[i];
        }
        return out;
    }

    /** {@code x.unbind(dim)}: every index of dim, selected. */
    public static Tensor[] unbind(Tensor x, int dim) {
        Tensor[] out = new Tensor[x.shape()[dim]];
        for (int i = 0; i < out.length; i++) {
            out[i] = select(x, dim, i);
        }
        return out;
    }
}
