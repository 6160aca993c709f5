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
        if (input.dim() != 3 && input.dim() != 4) {
            throw new IllegalArgumentException("non-empty 3D or 4D (batch mode) tensor expected for input");
        }
        Windows.Geometry g = checkedGeometry(kernel, stride, padding, dilation);
        return pool(input, g, ceilMode, Double.NEGATIVE_INFINITY, (cols, x) -> cols.max(2).values());
    }

    /**
     * The mean of each window; the divisor counts padding cells or not ({@code countIncludePad}), never the
     * cells past the padded input that ceil mode adds, unless {@code divisorOverride} is positive.
     */
    static Tensor avgPool2d(Tensor input, int[] kernel, int[] stride, int[] padding, boolean ceilMode,
            boolean countIncludePad, int divisorOverride) {
        if (input.dim() != 3 && input.dim() != 4) {
            throw new IllegalArgumentException("non-empty 3D or 4D (batch mode) tensor expected for input");
        }
        Windows.Geometry g = checkedGeometry(kernel, stride, padding, new int[] {1, 1});
        return pool(input, g, ceilMode, 0.0, (cols, x) -> {
            Tensor sum = cols.sum(2);
            return divisorOverride > 0 ? sum.div((long) divisorOverride)
                    : sum.div(divisors(g, x.size(2), x.size(3), ceilMode, countIncludePad, x));
        });
    }

    private interface Reducer {
        Tensor apply(Tensor cols, Tensor x);
    }

    private static Tensor pool(Tensor input, Windows.Geometry g, boolean ceilMode, double fill, Reducer reducer) {
        Tensor x = input.dim() == 4 ? input : input.unsqueeze(0);
        int c = x.size(1);
        int h = x.size(2);
        int w = x.size(3);
        int outH = g.poolOutput(0, h, ceilMode);
        int outW = g.poolOutput(1, w, ceilMode);
        if (outH < 1 || outW < 1) {
            throw new IllegalArgumentException("Given input size: (" + c + "x" + h + "x" + w + "). Calculated output size: ("
                    + c + "x" + outH + "x" + outW + "). Output size is too small");
        }
        Tensor out = reducer.apply(Windows.unfold(x, g, outH, outW, fill), x).view(x.size(0), c, outH, outW);
        return input.dim() == 4 ? out : out.squeeze(0);
    }

    private static Windows.Geometry checkedGeometry(int[] kernel, int[] stride, int[] padding, int[] dilation) {
        int[] k = Windows.pair(kernel);
        int[] s = stride == null || stride.length == 0 ? k : Windows.pair(stride);
        int[] p = Windows.pair(padding);
        int[] d = Windows.pair(dilation);
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

    /** ATen's avg_pool2d divide factor for each output cell, as a (outH, outW) tensor of x's dtype. */
    private static Tensor divisors(Windows.Geometry g, int h, int w, boolean ceilMode, boolean countIncludePad, Tensor x) {
        int outH = g.poolOutput(0, h, ceilMode);
        int outW = g.poolOutput(1, w, ceilMode);
        double[] div = new double[outH * outW];
        for (int i = 0; i < outH; i++) {
            int rows = windowLength(i, g, 0, h, countIncludePad);
            for (int j = 0; j < outW; j++) {
                div[i * outW + j] = (double) rows * windowLength(j, g, 1, w, countIncludePad);
            }
        }
        return Torch.tensor(div).view(outH, outW).to(x.dtype()).to(x.device());
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
        int[] out = Windows.pair(outputSize);
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
