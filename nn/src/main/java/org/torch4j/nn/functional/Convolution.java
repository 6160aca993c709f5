package org.torch4j.nn.functional;

import java.util.Arrays;
import org.torch4j.Tensor;

/**
 * conv1d, conv2d and conv_transpose2d: im2col over the whole batch (one index_select) and one matrix
 * product (one per group); the transposed form is a matrix product followed by col2im (one scatter_add).
 */
final class Convolution {
    private Convolution() {
    }

    static Tensor conv1d(Tensor input, Tensor weight, Tensor bias, int stride, int padding, int dilation, int groups) {
        boolean batched = checkRank("conv1d", input, 1);
        Tensor x = batched ? input : input.unsqueeze(0);
        checkShapes(x, weight, bias, new int[] {stride}, new int[] {padding}, new int[] {dilation}, null, groups,
                false);
        Windows.Geometry g = new Windows.Geometry(new int[] {1, weight.size(2)}, new int[] {1, stride},
                new int[] {0, padding}, new int[] {1, dilation});
        Tensor out = conv(x.unsqueeze(2), weight.unsqueeze(2), bias, g, groups).squeeze(2);
        return batched ? out : out.squeeze(0);
    }

    static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation,
            int groups) {
        boolean batched = checkRank("conv2d", input, 2);
        Tensor x = batched ? input : input.unsqueeze(0);
        checkShapes(x, weight, bias, stride, padding, dilation, null, groups, false);
        Windows.Geometry g = new Windows.Geometry(new int[] {weight.size(2), weight.size(3)}, stride, padding, dilation);
        Tensor out = conv(x, weight, bias, g, groups);
        return batched ? out : out.squeeze(0);
    }

    /**
     * x (N, C, H, W), weight (O, C / groups, kh, kw): im2col over the whole batch, then one matrix product
     * (O, C * kk) x (C * kk, N * L), or one per group. The dilation is checked here, after the shapes, as
     * ATen's 2-d kernels do (conv1d runs as conv2d there, so its dilation prints as [1, d]).
     */
    private static Tensor conv(Tensor x, Tensor weight, Tensor bias, Windows.Geometry g, int groups) {
        if (anyBelow(g.dilation(), 1)) {
            throw new IllegalArgumentException("dilation should be greater than zero, but got "
                    + Arrays.toString(g.dilation()));
        }
        int n = x.size(0);
        int o = weight.size(0);
        int k = weight.size(1) * weight.size(2) * weight.size(3);
        int outH = g.convOutput(0, x.size(2));
        int outW = g.convOutput(1, x.size(3));
        int cells = n * outH * outW;
        Tensor cols = Windows.columns(x, g, outH, outW);
        Tensor out = groups == 1 ? weight.reshape(o, k).mm(cols)
                : weight.reshape(groups, o / groups, k).bmm(cols.view(groups, k, cells)).view(o, cells);
        if (bias != null) {
            out = out.add(bias.view(o, 1));
        }
        return out.view(o, n, outH, outW).transpose(0, 1).contiguous();
    }

    static Tensor convTranspose2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding,
            int[] outputPadding, int groups, int[] dilation) {
        boolean batched = checkRank("conv_transpose2d", input, 2);
        Tensor x = batched ? input : input.unsqueeze(0);
        checkShapes(x, weight, bias, stride, padding, dilation, outputPadding, groups, true);
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
        int n = x.size(0);
        int cin = x.size(1);
        int h = x.size(2);
        int w = x.size(3);
        int kh = weight.size(2);
        int kw = weight.size(3);
        int coutGroup = weight.size(1);
        int cout = coutGroup * groups;
        int outH = (h - 1) * stride[0] - 2 * padding[0] + dilation[0] * (kh - 1) + outputPadding[0] + 1;
        int outW = (w - 1) * stride[1] - 2 * padding[1] + dilation[1] * (kw - 1) + outputPadding[1] + 1;
        if (outH < 1 || outW < 1) {
            throw new IllegalArgumentException("Given input size per channel: (" + h + " x " + w + "). Calculated "
                    + "output size per channel: (" + outH + " x " + outW + "). Output size is too small");
        }
        int cells = n * h * w;
        Tensor rows = x.transpose(0, 1).reshape(cin, cells);
        Tensor cols = groups == 1 ? weight.reshape(cin, cout * kh * kw).t().mm(rows)
                : weight.reshape(groups, cin / groups, coutGroup * kh * kw).transpose(1, 2)
                        .bmm(rows.view(groups, cin / groups, cells));
        Windows.Geometry g = new Windows.Geometry(new int[] {kh, kw}, stride, padding, dilation);
        Tensor out = Windows.fold(cols.reshape(cout, kh * kw * cells), g, n, h, w, outH, outW);
        out = bias == null ? out : out.add(bias.view(1, cout, 1, 1));
        return batched ? out : out.squeeze(0);
    }

    /** Whether the input has a batch dim; fails as ATen does when the rank fits neither form. */
    private static boolean checkRank(String op, Tensor input, int spatialDims) {
        if (input.dim() != spatialDims + 1 && input.dim() != spatialDims + 2) {
            throw new IllegalArgumentException("Expected " + (spatialDims + 1) + "D (unbatched) or " + (spatialDims + 2)
                    + "D (batched) input to " + op + ", but got input of size: " + Arrays.toString(input.shape()));
        }
        return input.dim() == spatialDims + 2;
    }

    /**
     * ATen's checks of _convolution and check_shape_forward for a batched input, in their order: weight rank,
     * groups, the length of each per-dim argument, padding, output padding (null when not transposed), stride,
     * input rank, groups against the weight, channels, bias, kernel size (which the dilation enters; the
     * dilation itself is checked later, as ATen's kernels do).
     */
    private static void checkShapes(Tensor x, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation,
            int[] outputPadding, int groups, boolean transposed) {
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
        if (outputPadding != null) {
            checkParamLength("output_padding", outputPadding, dims);
        }
        if (anyBelow(padding, 0)) {
            throw new IllegalArgumentException("negative padding is not supported");
        }
        if (outputPadding != null && anyBelow(outputPadding, 0)) {
            throw new IllegalArgumentException("negative output_padding is not supported");
        }
        if (anyBelow(stride, 1)) {
            throw new IllegalArgumentException("non-positive stride is not supported");
        }
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
        if (!transposed) {
            if (x.size(1) != weight.size(1) * groups) {
                throw new IllegalArgumentException("Given groups=" + groups + ", weight of size " + weightSize
                        + ", expected input" + inputSize + " to have " + weight.size(1) * groups + " channels, but got "
                        + x.size(1) + " channels instead");
            }
            checkBias(bias, weight.size(0), "Given weight of size " + weightSize);
            checkKernelFits(x, weight, padding, dilation);
        } else {
            if (x.size(1) != weight.size(0)) {
                throw new IllegalArgumentException("Given transposed=1, weight of size " + weightSize
                        + ", expected input" + inputSize + " to have " + weight.size(0) + " channels, but got "
                        + x.size(1) + " channels instead");
            }
            checkBias(bias, weight.size(1) * groups, "Given transposed=1, weight of size " + weightSize);
        }
    }

    /** ATen's expand_param_if_needed: one value (for every spatial dim) or one per spatial dim. */
    private static void checkParamLength(String name, int[] values, int dims) {
        if (values.length != 1 && values.length != dims) {
            throw new IllegalArgumentException("expected " + name + " to be a single integer value or a list of " + dims
                    + " values to match the convolution dimensions, but got " + name + "=" + Arrays.toString(values));
        }
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

    private static void checkKernelFits(Tensor x, Tensor weight, int[] padding, int[] dilation) {
        int spatial = x.dim() - 2;
        int[] padded = new int[spatial];
        int[] kernel = new int[spatial];
        boolean fits = true;
        for (int i = 0; i < spatial; i++) {
            padded[i] = x.size(i + 2) + 2 * padding[i];
            kernel[i] = dilation[i] * (weight.size(i + 2) - 1) + 1;
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
