package org.torch4j.internal;

import org.torch4j.Tensor;

/**
 * The part of the op table that is the same on every device: views only change a tensor's shape, strides and
 * offset over the same storage ({@link Views}). Device backends extend it and implement the rest.
 */
public abstract class StridedBackend implements OpTable {

    @Override
    public Tensor view(Tensor x, int[] shape) {
        return Views.view(x, shape);
    }

    @Override
    public Tensor reshapeAlias(Tensor x, int[] shape) {
        return Views.view(x, shape);
    }

    @Override
    public Tensor unsafeView(Tensor x, int[] shape) {
        return Views.view(x, shape);
    }

    @Override
    public Tensor asStrided(Tensor x, int[] shape, int[] strides, int offset) {
        return Views.asStrided(x, shape, strides, offset);
    }

    @Override
    public Tensor expand(Tensor x, int[] shape) {
        return Views.expand(x, shape);
    }

    @Override
    public Tensor permute(Tensor x, int[] dims) {
        return Views.permute(x, dims);
    }

    @Override
    public Tensor transpose(Tensor x, int dim0, int dim1) {
        return Views.transpose(x, dim0, dim1);
    }

    @Override
    public Tensor t(Tensor x) {
        return Views.t(x);
    }

    @Override
    public Tensor squeeze(Tensor x, Integer dim) {
        return Views.squeeze(x, dim);
    }

    @Override
    public Tensor squeeze_(Tensor x, Integer dim) {
        x.storage().bumpVersion();
        return Views.squeeze(x, dim);
    }

    @Override
    public Tensor unsqueeze(Tensor x, int dim) {
        return Views.unsqueeze(x, dim);
    }

    @Override
    public Tensor slice(Tensor x, int dim, int start, int end, int step) {
        return Views.slice(x, dim, start, end, step);
    }

    @Override
    public Tensor select(Tensor x, int dim, int index) {
        return Views.select(x, dim, index);
    }

    @Override
    public Tensor[] split(Tensor x, int splitSize, int dim) {
        return Views.split(x, splitSize, dim);
    }

    @Override
    public Tensor[] splitWithSizes(Tensor x, int[] sizes, int dim) {
        return Views.splitWithSizes(x, sizes, dim);
    }

    @Override
    public Tensor[] unbind(Tensor x, int dim) {
        return Views.unbind(x, dim);
    }
}
