package org.torch4j.internal;

/**
 * The geometry of one convolution (ATen's {@code ConvParams}): stride, padding, dilation and output padding per
 * spatial dim (one or two, already expanded to that length), whether it is transposed, and the group count.
 */
public record ConvParams(int[] stride, int[] padding, int[] dilation, boolean transposed, int[] outputPadding,
        int groups) {

    /** The number of spatial dims (1 for conv1d, 2 for conv2d). */
    public int spatialDims() {
        return stride.length;
    }

    /**
     * The output size along spatial dim {@code d} for an input of {@code inputSize} and a kernel of {@code kernel}:
     * ATen's conv_output_size, or conv_input_size for a transposed convolution.
     */
    public int outputSize(int d, int inputSize, int kernel) {
        int extent = dilation[d] * (kernel - 1) + 1;
        if (transposed) {
            return (inputSize - 1) * stride[d] - 2 * padding[d] + extent + outputPadding[d];
        }
        return (inputSize + 2 * padding[d] - extent) / stride[d] + 1;
    }

    /** The output shape of a convolution of input (N, C, *spatial) by weight. */
    public int[] outputShape(int[] input, int[] weight) {
        int[] out = new int[input.length];
        out[0] = input[0];
        out[1] = transposed ? weight[1] * groups : weight[0];
        for (int d = 2; d < input.length; d++) {
            out[d] = outputSize(d - 2, input[d], weight[d]);
        }
        return out;
    }
}
