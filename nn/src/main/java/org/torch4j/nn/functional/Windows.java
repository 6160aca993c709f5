package org.torch4j.nn.functional;

import java.util.Arrays;
import org.torch4j.Tensor;
import org.torch4j.TensorOptions;
import org.torch4j.Torch;

/**
 * Sliding windows over the last two dims (im2col): the positions a convolution or pooling window reads,
 * gathered with one index_select so that autograd differentiates them with one index_add.
 */
final class Windows {
    private Windows() {
    }

    /** A window geometry: kernel, stride, padding and dilation per spatial dim (height, width). */
    record Geometry(int[] kernel, int[] stride, int[] padding, int[] dilation) {
        /** PyTorch's output size of a convolution (floor mode). */
        int convOutput(int dim, int inputSize) {
            return (inputSize + 2 * padding[dim] - dilation[dim] * (kernel[dim] - 1) - 1) / stride[dim] + 1;
        }

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

        boolean isIdentity() {
            for (int d = 0; d < 2; d++) {
                if (kernel[d] != 1 || stride[d] != 1 || padding[d] != 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /** One value for both dims, or two. */
    static int[] pair(int[] values) {
        if (values.length == 1) {
            return new int[] {values[0], values[0]};
        }
        if (values.length != 2) {
            throw new IllegalArgumentException("expected 1 or 2 values, got " + Arrays.toString(values));
        }
        return values;
    }

    /**
     * For each kernel offset (ki, kj) and output cell (i, j), in that order, the flat position
     * {@code r * width + c} of the input element it reads, or {@code outside} where it reads padding.
     */
    static long[] positions(Geometry g, int height, int width, int outH, int outW, long outside) {
        long[] idx = new long[g.kernel()[0] * g.kernel()[1] * outH * outW];
        int p = 0;
        for (int ki = 0; ki < g.kernel()[0]; ki++) {
            for (int kj = 0; kj < g.kernel()[1]; kj++) {
                for (int i = 0; i < outH; i++) {
                    int r = i * g.stride()[0] - g.padding()[0] + ki * g.dilation()[0];
                    for (int j = 0; j < outW; j++) {
                        int c = j * g.stride()[1] - g.padding()[1] + kj * g.dilation()[1];
                        idx[p++] = r >= 0 && r < height && c >= 0 && c < width ? (long) r * width + c : outside;
                    }
                }
            }
        }
        return idx;
    }

    /**
     * x (N, C, H, W) unfolded to (N, C, kh * kw, outH * outW): the window elements of every output cell,
     * with {@code fill} where a window covers padding.
     */
    static Tensor unfold(Tensor x, Geometry g, int outH, int outW, double fill) {
        int n = x.size(0);
        int c = x.size(1);
        int h = x.size(2);
        int w = x.size(3);
        if (g.isIdentity()) {
            return x.reshape(n, c, 1, h * w);
        }
        long[] idx = positions(g, h, w, outH, outW, (long) h * w);
        Tensor flat = x.reshape(n, c, h * w);
        boolean padded = false;
        for (long v : idx) {
            if (v == (long) h * w) {
                padded = true;
                break;
            }
        }
        if (padded) {
            Tensor slot = Torch.full(new int[] {n, c, 1}, fill, TensorOptions.ofDType(x.dtype()).device(x.device()));
            flat = Torch.cat(new Tensor[] {flat, slot}, 2);
        }
        Tensor index = Torch.tensor(idx).to(x.device());
        return flat.indexSelect(2, index).view(n, c, g.kernel()[0] * g.kernel()[1], outH * outW);
    }

    /**
     * The adjoint of {@link #unfold} (col2im): cols (N, C, kh * kw * H * W), the contributions of each input
     * cell of a transposed convolution, summed into an (N, C, outH, outW) output.
     */
    static Tensor fold(Tensor cols, Geometry g, int height, int width, int outH, int outW) {
        int n = cols.size(0);
        int c = cols.size(1);
        long dump = (long) outH * outW;
        long[] idx = positions(g, outH, outW, height, width, dump);
        Tensor index = Torch.tensor(idx).to(cols.device()).expand(n, c, idx.length);
        Tensor out = Torch.zeros(new int[] {n, c, outH * outW + 1}, TensorOptions.ofDType(cols.dtype()).device(cols.device()));
        return out.scatterAdd(2, index, cols).narrow(2, 0, outH * outW).view(n, c, outH, outW);
    }
}
