package org.torch4j.nn.functional;

import org.torch4j.Tensor;
import org.torch4j.TensorOptions;
import org.torch4j.Torch;

/**
 * Sliding windows over the last two dims, for pooling: a strided view of the padded input, or the elements of
 * every window gathered by one index_select.
 */
final class Windows {
    private Windows() {
    }

    /** A window geometry: kernel, stride, padding and dilation per spatial dim (height, width). */
    record Geometry(int[] kernel, int[] stride, int[] padding, int[] dilation) {
        /** ATen's pooling_output_shape, with ceil mode's rule that the last window starts inside the input. */
        int poolOutput(int dim, int inputSize, boolean ceilMode) {
            int numerator = inputSize + 2 * padding[dim] - dilation[dim] * (kernel[dim] - 1) - 1
                    + (ceilMode ? stride[dim] - 1 : 0);
            int out = Math.floorDiv(numerator, stride[dim]) + 1;
            if (ceilMode && (out - 1) * stride[dim] >= inputSize + padding[dim]) {
                out--;
            }
            return out;
        }

        /** The extent of that many consecutive windows along a dim: the padded input size they need. */
        int span(int dim, int outputs) {
            return (outputs - 1) * stride[dim] + dilation[dim] * (kernel[dim] - 1) + 1;
        }
    }

    /**
     * One value repeated for both dims, as the {@code int[2]} arguments of ATen's schemas expand it; any other
     * count is returned as given, for the op to check with its own message.
     */
    static int[] pair(int[] values) {
        return values.length == 1 ? new int[] {values[0], values[0]} : values;
    }

    /**
     * x (A, B, H, W) surrounded by fill: (A, B, Hp, Wp) with padding[d] rows/columns before the input and
     * enough after it for every window (ceil mode's last window may pass the padding); x itself if none.
     */
    static Tensor pad(Tensor x, Geometry g, int outH, int outW, double fill) {
        int h = x.size(2);
        int w = x.size(3);
        int hp = Math.max(h + 2 * g.padding()[0], g.span(0, outH));
        int wp = Math.max(w + 2 * g.padding()[1], g.span(1, outW));
        if (hp == h && wp == w) {
            return x;
        }
        int[] pad = {g.padding()[1], wp - w - g.padding()[1], g.padding()[0], hp - h - g.padding()[0]};
        return Padding.pad(x, pad, fill);
    }

    /**
     * The windows of padded (A, B, Hp, Wp) as an (A, B, outH, outW, kh, kw) strided view (overlapping when
     * the stride is smaller than the kernel); autograd sums the gradients of overlapping elements.
     */
    static Tensor windows(Tensor padded, Geometry g, int outH, int outW) {
        Tensor c = padded.contiguous();
        int hp = c.size(2);
        int wp = c.size(3);
        int[] shape = {c.size(0), c.size(1), outH, outW, g.kernel()[0], g.kernel()[1]};
        int[] strides = {c.size(1) * hp * wp, hp * wp, g.stride()[0] * wp, g.stride()[1], g.dilation()[0] * wp,
            g.dilation()[1]};
        return c.asStrided(shape, strides, c.storageOffset());
    }

    /**
     * x (N, C, H, W) gathered into (N, C, kh * kw, outH * outW): the elements of every window, fill where a
     * window covers padding. One index_select (whose gradient is one index_add); for max pooling, where it
     * beats reducing the strided window view twice.
     */
    static Tensor unfold(Tensor x, Geometry g, int outH, int outW, double fill) {
        int n = x.size(0);
        int c = x.size(1);
        int hw = x.size(2) * x.size(3);
        long[] idx = positions(g, x.size(2), x.size(3), outH, outW, 1, hw);
        Tensor rows = x.reshape(n, c, hw);
        for (long v : idx) {
            if (v == hw) {
                Tensor slot = Torch.full(new int[] {n, c, 1}, fill, TensorOptions.ofDType(x.dtype()).device(x.device()));
                rows = Torch.cat(new Tensor[] {rows, slot}, 2);
                break;
            }
        }
        return rows.indexSelect(2, index(idx, x)).view(n, c, g.kernel()[0] * g.kernel()[1], outH * outW);
    }

    /**
     * For each kernel offset (ki, kj), image b of a batch and output cell (i, j), in that order, the flat
     * position {@code (b * height + r) * width + c} of the input element it reads, or {@code outside} where
     * it reads padding.
     */
    private static long[] positions(Geometry g, int height, int width, int outH, int outW, int batch, long outside) {
        long[] idx = new long[g.kernel()[0] * g.kernel()[1] * batch * outH * outW];
        long image = (long) height * width;
        int p = 0;
        for (int ki = 0; ki < g.kernel()[0]; ki++) {
            for (int kj = 0; kj < g.kernel()[1]; kj++) {
                for (int b = 0; b < batch; b++) {
                    for (int i = 0; i < outH; i++) {
                        int r = i * g.stride()[0] - g.padding()[0] + ki * g.dilation()[0];
                        for (int j = 0; j < outW; j++) {
                            int c = j * g.stride()[1] - g.padding()[1] + kj * g.dilation()[1];
                            idx[p++] = r >= 0 && r < height && c >= 0 && c < width ? b * image + (long) r * width + c
                                    : outside;
                        }
                    }
                }
            }
        }
        return idx;
    }

    private static Tensor index(long[] idx, Tensor like) {
        return Torch.tensor(idx).to(like.device());
    }
}
