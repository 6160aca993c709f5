package org.torch4j.nn;

import java.util.Arrays;

/**
 * The keyword arguments of the convolution layers (LibTorch's ConvOptions): channels and kernel size are
 * required, the rest chain, e.g. {@code new Conv2d.Options(3, 16, 3).stride(2).padding(1)}. Per-dim
 * arguments take one value for every spatial dim or one value per dim.
 */
public abstract class ConvOptions<T extends ConvOptions<T>> {
    final int inChannels;
    final int outChannels;
    final int[] kernelSize;
    int[] stride;
    int[] padding;
    int[] dilation;
    int[] outputPadding;
    int groups = 1;
    boolean bias = true;

    /** The required arguments; spatialDims (1 or 2) says how many values the per-dim arguments take. */
    protected ConvOptions(int spatialDims, int inChannels, int outChannels, int... kernelSize) {
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernelSize = perDim(spatialDims, "kernel_size", kernelSize);
        this.stride = perDim(spatialDims, "stride", 1);
        this.padding = perDim(spatialDims, "padding", 0);
        this.dilation = perDim(spatialDims, "dilation", 1);
        this.outputPadding = perDim(spatialDims, "output_padding", 0);
    }

    private static int[] perDim(int dims, String what, int... values) {
        if (values.length == 1) {
            int[] out = new int[dims];
            Arrays.fill(out, values[0]);
            return out;
        }
        if (values.length != dims) {
            throw new IllegalArgumentException(what + " must have 1 or " + dims + " values, got "
                    + Arrays.toString(values));
        }
        return values.clone();
    }

    @SuppressWarnings("unchecked")
    private T self() {
        return (T) this;
    }

    /** {@code stride=}: the step between windows (default 1). */
    public T stride(int... values) {
        stride = perDim(kernelSize.length, "stride", values);
        return self();
    }

    /** {@code padding=}: zeros added on both sides (default 0). */
    public T padding(int... values) {
        padding = perDim(kernelSize.length, "padding", values);
        return self();
    }

    /** {@code dilation=}: the spacing between kernel elements (default 1). */
    public T dilation(int... values) {
        dilation = perDim(kernelSize.length, "dilation", values);
        return self();
    }

    /** {@code groups=}: channel groups convolved separately (default 1). */
    public T groups(int value) {
        groups = value;
        return self();
    }

    /** {@code bias=}: whether to add a learnable bias (default true). */
    public T bias(boolean value) {
        bias = value;
        return self();
    }

    /** For the transposed convolutions: extra size added to one side of the output. */
    protected T outputPaddingValues(int... values) {
        outputPadding = perDim(kernelSize.length, "output_padding", values);
        return self();
    }
}
