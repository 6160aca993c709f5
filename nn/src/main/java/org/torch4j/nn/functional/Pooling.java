package org.torch4j.nn.functional;

import java.util.Arrays;
import org.torch4j.Tensor;
import org.torch4j.Torch;

/** max_pool2d, avg_pool2d and adaptive_avg_pool2d over sliding windows ({@link Windows}) or averaging matrices. */
final class Pooling {
    private Pooling() {
    }

    /** The largest element of each window; padding never wins, ties and NaN as ATen (first maximum). */
    static Tensor maxPool2d(Tensor input, int[] kernel, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        int[] k = pairOrFail(kernel, "max_pool2d: kernel_size must either be a single int, or a tuple of two ints");
        int[] s = strideOrKernel("max_pool2d", stride, k);
        int[] p = pairOrFail(padding, "max_pool2d: padding must be either be a single int, or a tuple of two ints");
        int[] d = pairOrFail(dilation, "max_pool2d: dilation must be either a single int, or a tuple of two ints");
        Tensor x = batched(input);
        Windows.Geometry g = checkedGeometry(k, s, p, d);
        int[] out = outputSize(x, g, ceilMode);
        Tensor y = Windows.unfold(x, g, out[0], out[1], Double.NEGATIVE_INFINITY).max(2).values()
                .view(x.size(0), x.size(1), out[0], out[1]);
        return input.dim() == 4 ? y : y.squeeze(0);
    }

    /**
     * The mean of each window (a sum over the strided window view); the divisor counts padding cells or not
     * ({@code countIncludePad}), never the cells past the padded input that ceil mode adds, unless
     * {@code divisorOverride} is given (not null).
     */
    static Tensor avgPool2d(Tensor input, int[] kernel, int[] stride, int[] padding, boolean ceilMode,
            boolean countIncludePad, Integer divisorOverride) {
        int[] k = pairOrFail(kernel, "avg_pool2d: kernel_size must either be a single int, or a tuple of two ints");
        int[] s = strideOrKernel("avg_pool2d", stride, k);
        int[] p = pairOrFail(padding, "avg_pool2d: padding must either be a single int, or a tuple of two ints");
        if (divisorOverride != null && divisorOverride == 0) {
            throw new IllegalArgumentException("divisor must be not zero");
        }
        Tensor x = batched(input);
        Windows.Geometry g = checkedGeometry(k, s, p, new int[] {1, 1});
        int[] out = outputSize(x, g, ceilMode);
        Tensor windows = Windows.windows(Windows.pad(x, g, out[0], out[1], 0.0), g, out[0], out[1]);
        Tensor sum = windows.sum(new int[] {4, 5}, false);
        Tensor y = divisorOverride != null ? sum.div((long) divisorOverride)
                : sum.div(divisors(g, x, out, countIncludePad));
        return input.dim() == 4 ? y : y.squeeze(0);
    }

    /** The input with a batch dim. */
    private static Tensor batched(Tensor input) {
        if (input.dim() != 3 && input.dim() != 4) {
            throw new IllegalArgumentException("non-empty 3D or 4D (batch mode) tensor expected for input");
        }
        return input.dim() == 4 ? input : input.unsqueeze(0);
    }

    /** {outH, outW}, failing as ATen when a dim would be empty. */
    private static int[] outputSize(Tensor x, Windows.Geometry g, boolean ceilMode) {
        int c = x.size(1);
        int h = x.size(2);
        int w = x.size(3);
        int outH = g.poolOutput(0, h, ceilMode);
        int outW = g.poolOutput(1, w, ceilMode);
        if (outH < 1 || outW < 1) {
            throw new IllegalArgumentException("Given input size: (" + c + "x" + h + "x" + w
                    + "). Calculated output size: (" + c + "x" + outH + "x" + outW + "). Output size is too small");
        }
        return new int[] {outH, outW};
    }

    /** A pooling argument as (height, width) from one value or two; ATen's message for any other count. */
    private static int[] pairOrFail(int[] values, String message) {
        if (values.length != 1 && values.length != 2) {
            throw new IllegalArgumentException(message);
        }
        return Windows.pair(values);
    }

    /** The stride as (height, width): the kernel size when omitted (null or empty), else one value or two. */
    private static int[] strideOrKernel(String op, int[] stride, int[] kernel) {
        if (stride == null || stride.length == 0) {
            return kernel;
        }
        return pairOrFail(stride, op + ": stride must either be omitted, a single int, or a tuple of two ints");
    }

    /** ATen's checks of the window geometry, on (height, width) pairs. */
    private static Windows.Geometry checkedGeometry(int[] k, int[] s, int[] p, int[] d) {
        for (int i = 0; i < 2; i++) {
            if (s[i] == 0) {
                throw new IllegalArgumentException("stride should not be zero");
            }
            if (k[i] <= 0) {
                throw new IllegalArgumentException("kernel size should be greater than zero, but got kH: " + k[0]
                        + " kW: " + k[1]);
            }
            if (d[i] <= 0) {
                throw new IllegalArgumentException("dilation should be greater than zero, but got dilationH: " + d[0]
                        + " dilationW: " + d[1]);
            }
            if (p[i] > k[i] / 2) {
                throw new IllegalArgumentException("pad should be at most half of kernel size, but got pad=" + p[i]
                        + " and kernel_size=" + k[i]);
            }
        }
        return new Windows.Geometry(k, s, p, d);
    }

    /** ATen's avg_pool2d divide factor of each output cell, as an (outH, outW) tensor of x's dtype. */
    private static Tensor divisors(Windows.Geometry g, Tensor x, int[] out, boolean countIncludePad) {
        double[] div = new double[out[0] * out[1]];
        for (int i = 0; i < out[0]; i++) {
            int rows = windowLength(i, g, 0, x.size(2), countIncludePad);
            for (int j = 0; j < out[1]; j++) {
                div[i * out[1] + j] = (double) rows * windowLength(j, g, 1, x.size(3), countIncludePad);
            }
        }
        return Torch.tensor(div).view(out[0], out[1]).to(x.dtype()).to(x.device());
    }

    /** The length of output cell i's window along a dim, with or without its padding cells. */
    private static int windowLength(int i, Windows.Geometry g, int dim, int size, boolean countIncludePad) {
        int start = i * g.stride()[dim] - g.padding()[dim];
        int end = Math.min(start + g.kernel()[dim], size + g.padding()[dim]);
        return countIncludePad ? end - start : Math.min(end, size) - Math.max(start, 0);
    }

    /**
     * The mean over PyTorch's adaptive windows: rows floor(i H / oh) to ceil((i + 1) H / oh), computed as
     * A_h x A_w^T with averaging matrices, so that autograd sees two matmuls.
     */
    static Tensor adaptiveAvgPool2d(Tensor input, int[] outputSize) {
        if (input.dim() != 3 && input.dim() != 4) {
            throw new IllegalArgumentException("adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got "
                    + Arrays.toString(input.shape()));
        }
        if (outputSize.length != 1 && outputSize.length != 2) {
            throw new IllegalArgumentException("adaptive_avg_pool2d: output_size must be 2");
        }
        int[] out = Windows.pair(outputSize);
        if (out[0] < 0 || out[1] < 0) {
            throw new IllegalArgumentException("adaptive_avg_pool2d: elements of output_size must be greater than or "
                    + "equal to 0 but received {" + out[0] + ", " + out[1] + "}");
        }
        int h = input.size(-2);
        int w = input.size(-1);
        Tensor rows = averagingMatrix(out[0], h, input);
        Tensor cols = averagingMatrix(out[1], w, input);
        return rows.matmul(input).matmul(cols.t());
    }

    private static Tensor averagingMatrix(int out, int in, Tensor like) {
        double[] m = new double[out * in];
        for (int i = 0; i < out; i++) {
            int start = Math.floorDiv(i * in, out);
            int end = -Math.floorDiv(-(i + 1) * in, out);
            for (int j = start; j < end; j++) {
                m[i * in + j] = 1.0 / (end - start);
            }
        }
        return Torch.tensor(m).view(out, in).to(like.dtype()).to(like.device());
    }
}
