package org.torch4j.internal;

import java.util.Arrays;
import org.torch4j.Tensor;

/**
 * The argument checks of {@code torch.convolution} (ATen's {@code _convolution}, {@code check_shape_forward} and
 * the checks of its 2-d kernels), in ATen's order and with its messages, and the expansion of per-dim arguments.
 */
public final class ConvChecks {
    private ConvChecks() {
    }

    /**
     * Checks a batched input (N, C, *spatial) against weight, bias and the per-dim arguments (one value or one per
     * spatial dim each; outputPadding is ignored unless transposed) and returns the expanded geometry.
     */
    public static ConvParams check(Tensor x, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation,
            boolean transposed, int[] outputPadding, int groups) {
        int dims = weight.dim() - 2;
        if (dims <= 0) {
            throw new IllegalArgumentException("weight should have at least three dimensions");
        }
        if (groups <= 0) {
            throw new IllegalArgumentException("non-positive groups is not supported");
        }
        checkParamLength("stride", stride, dims);
        checkParamLength("padding", padding, dims);
        checkParamLength("dilation", dilation, dims);
        if (transposed) {
            checkParamLength("output_padding", outputPadding, dims);
        }
        if (anyBelow(padding, 0)) {
            throw new IllegalArgumentException("negative padding is not supported");
        }
        if (transposed && anyBelow(outputPadding, 0)) {
            throw new IllegalArgumentException("negative output_padding is not supported");
        }
        if (anyBelow(stride, 1)) {
            throw new IllegalArgumentException("non-positive stride is not supported");
        }
        ConvParams p = new ConvParams(expand(stride, dims), expand(padding, dims), expand(dilation, dims), transposed,
                transposed ? expand(outputPadding, dims) : new int[dims], groups);
        checkShapes(x, weight, bias, p);
        if (transposed) {
            checkTransposedKernel(x, weight, p);
        } else if (anyBelow(p.dilation(), 1)) {
            throw new IllegalArgumentException("dilation should be greater than zero, but got "
                    + Arrays.toString(as2d(p.dilation(), 1)));
        }
        return p;
    }

    private static void checkShapes(Tensor x, Tensor weight, Tensor bias, ConvParams p) {
        int groups = p.groups();
        String weightSize = Arrays.toString(weight.shape());
        String inputSize = Arrays.toString(x.shape());
        if (weight.dim() != x.dim()) {
            throw new IllegalArgumentException("Expected " + weight.dim() + "-dimensional input for " + weight.dim()
                    + "-dimensional weight " + weightSize + ", but got " + x.dim() + "-dimensional input of size "
                    + inputSize + " instead");
        }
        if (weight.size(0) < groups) {
            throw new IllegalArgumentException("Given groups=" + groups + ", expected weight to be at least " + groups
                    + " at dimension 0, but got weight of size " + weightSize + " instead");
        }
        if (weight.size(0) % groups != 0) {
            throw new IllegalArgumentException("Given groups=" + groups + ", expected weight to be divisible by "
                    + groups + " at dimension 0, but got weight of size [" + weightSize + "] instead");
        }
        if (!p.transposed()) {
            if (x.size(1) != weight.size(1) * groups) {
                throw new IllegalArgumentException("Given groups=" + groups + ", weight of size " + weightSize
                        + ", expected input" + inputSize + " to have " + weight.size(1) * groups + " channels, but got "
                        + x.size(1) + " channels instead");
            }
            checkBias(bias, weight.size(0), "Given weight of size " + weightSize);
            checkKernelFits(x, weight, p);
        } else {
            if (x.size(1) != weight.size(0)) {
                throw new IllegalArgumentException("Given transposed=1, weight of size " + weightSize
                        + ", expected input" + inputSize + " to have " + weight.size(0) + " channels, but got "
                        + x.size(1) + " channels instead");
            }
            checkBias(bias, weight.size(1) * groups, "Given transposed=1, weight of size " + weightSize);
        }
    }

    /** slow_conv_transpose2d's checks, which print the 2-d geometry (a 1-d convolution runs as 2-d). */
    private static void checkTransposedKernel(Tensor x, Tensor weight, ConvParams p) {
        int[] dilation = as2d(p.dilation(), 1);
        int[] stride = as2d(p.stride(), 1);
        int[] outputPadding = as2d(p.outputPadding(), 0);
        if (anyBelow(dilation, 1)) {
            throw new IllegalArgumentException("dilation should be greater than zero, but got dilation_height: "
                    + dilation[0] + ", dilation_width: " + dilation[1]);
        }
        for (int d = 0; d < 2; d++) {
            if (outputPadding[d] >= stride[d] && outputPadding[d] >= dilation[d]) {
                throw new IllegalArgumentException("output padding must be smaller than either stride or dilation, "
                        + "but got output_padding_height: " + outputPadding[0] + " output_padding_width: "
                        + outputPadding[1] + " stride_height: " + stride[0] + " stride_width: " + stride[1]
                        + " dilation_height: " + dilation[0] + " dilation_width: " + dilation[1]);
            }
        }
        int[] out = p.outputShape(x.shape(), weight.shape());
        int spatial = p.spatialDims();
        int h = spatial == 2 ? x.size(2) : 1;
        int w = x.size(x.dim() - 1);
        int outH = spatial == 2 ? out[2] : 1;
        int outW = out[out.length - 1];
        if (outH < 1 || outW < 1) {
            throw new IllegalArgumentException("Given input size per channel: (" + h + " x " + w + "). Calculated "
                    + "output size per channel: (" + outH + " x " + outW + "). Output size is too small");
        }
    }

    /** A per-dim argument of a 1-d convolution as the 2-d one ATen runs ({@code fill} for the height). */
    private static int[] as2d(int[] values, int fill) {
        return values.length == 1 ? new int[] {fill, values[0]} : values;
    }

    /** ATen's expand_param_if_needed: one value (for every spatial dim) or one per spatial dim. */
    private static void checkParamLength(String name, int[] values, int dims) {
        if (values.length != 1 && values.length != dims) {
            throw new IllegalArgumentException("expected " + name + " to be a single integer value or a list of " + dims
                    + " values to match the convolution dimensions, but got " + name + "=" + Arrays.toString(values));
        }
    }

    private static int[] expand(int[] values, int dims) {
        if (values.length == dims) {
            return values.clone();
        }
        int[] out = new int[dims];
        Arrays.fill(out, values[0]);
        return out;
    }

    private static boolean anyBelow(int[] values, int min) {
        for (int v : values) {
            if (v < min) {
                return true;
            }
        }
        return false;
    }

    private static void checkBias(Tensor bias, int expected, String given) {
        if (bias != null && (bias.dim() != 1 || bias.numel() != expected)) {
            throw new IllegalArgumentException(given + ", expected bias to be 1-dimensional with " + expected
                    + " elements, but got bias of size " + Arrays.toString(bias.shape()) + " instead");
        }
    }

    private static void checkKernelFits(Tensor x, Tensor weight, ConvParams p) {
        int spatial = x.dim() - 2;
        int[] padded = new int[spatial];
        int[] kernel = new int[spatial];
        boolean fits = true;
        for (int i = 0; i < spatial; i++) {
            padded[i] = x.size(i + 2) + 2 * p.padding()[i];
            kernel[i] = p.dilation()[i] * (weight.size(i + 2) - 1) + 1;
            fits &= kernel[i] <= padded[i];
        }
        if (!fits) {
            throw new IllegalArgumentException("Calculated padded input size per channel: (" + join(padded)
                    + "). Kernel size: (" + join(kernel) + "). Kernel size can't be greater than actual input size");
        }
    }

    private static String join(int[] values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : " x ").append(values[i]);
        }
        return sb.toString();
    }
}
