package org.torch4j.cuda.internal;

import org.torch4j.Tensor;
import org.torch4j.TensorOptions;
import org.torch4j.Torch;
import org.torch4j.internal.ConvParams;

/**
 * {@code torch.convolution} and {@code convolution_backward} for CUDA tensors, composed of CUDA ops (there is no
 * convolution kernel): im2col as a strided view of the zero-padded input copied into (N, C * kh * kw, L), one
 * broadcast matmul per product over the groups, col2im as one strided in-place add per kernel offset. A 1-d
 * convolution runs as a 2-d one of height 1; a transposed one as the input gradient of the direct one.
 */
final class CudaConvolution {
    private CudaConvolution() {
    }

    /** The 2-d geometry of one direct convolution: kernel, stride, padding and dilation per dim (height, width). */
    private static final class Geometry {
        final int kh;
        final int kw;
        final int[] stride;
        final int[] padding;
        final int[] dilation;
        final int groups;

        Geometry(Tensor weight4, ConvParams p) {
            kh = weight4.size(2);
            kw = weight4.size(3);
            stride = as2d(p.stride(), 1);
            padding = as2d(p.padding(), 0);
            dilation = as2d(p.dilation(), 1);
            groups = p.groups();
        }

        int out(int d, int size, int kernel) {
            return (size + 2 * padding[d] - dilation[d] * (kernel - 1) - 1) / stride[d] + 1;
        }
    }

    static Tensor convolution(Tensor input, Tensor weight, Tensor bias, ConvParams p) {
        boolean oneD = p.spatialDims() == 1;
        Tensor x = as4d(input, oneD);
        Tensor w = as4d(weight, oneD);
        Geometry g = new Geometry(w, p);
        int[] outShape = as4dShape(p.outputShape(input.shape(), weight.shape()), oneD);
        Tensor out = p.transposed() ? inputGrad(x, w, g, outShape) : direct(x, w, g);
        if (bias != null) {
            out = out.add(bias.to(out.dtype()).view(1, bias.numel(), 1, 1));
        }
        return oneD ? out.squeeze(2) : out;
    }

    static Tensor[] backward(Tensor gradOutput, Tensor input, Tensor weight, ConvParams p, boolean[] mask) {
        boolean oneD = p.spatialDims() == 1;
        Tensor go = as4d(gradOutput, oneD);
        Tensor x = as4d(input, oneD);
        Tensor w = as4d(weight, oneD);
        Geometry g = new Geometry(w, p);
        Tensor[] grads = new Tensor[3];
        if (p.transposed()) {
            grads[0] = mask[0] ? direct(go, w, g) : null;
            grads[1] = mask[1] ? weightGrad(go, x, w, g) : null;
        } else {
            grads[0] = mask[0] ? inputGrad(go, w, g, x.shape()) : null;
            grads[1] = mask[1] ? weightGrad(x, go, w, g) : null;
        }
        for (int i = 0; i < 2; i++) {
            grads[i] = grads[i] != null && oneD ? grads[i].squeeze(2) : grads[i];
        }
        grads[2] = mask[2] ? go.sum(new int[] {0, 2, 3}, false) : null;
        return grads;
    }

    /** The direct convolution of x (N, C, H, W) by w (O, C / groups, kh, kw), without bias. */
    private static Tensor direct(Tensor x, Tensor w, Geometry g) {
        int n = x.size(0);
        int o = w.size(0);
        int outH = g.out(0, x.size(2), g.kh);
        int outW = g.out(1, x.size(3), g.kw);
        int depth = w.size(1) * g.kh * g.kw;
        Tensor cols = columns(x, g, outH, outW).view(n, g.groups, depth, outH * outW);
        return w.reshape(g.groups, o / g.groups, depth).matmul(cols).reshape(n, o, outH, outW);
    }

    /** The input gradient (of shape inShape) of the direct convolution by w for output gradient go. */
    private static Tensor inputGrad(Tensor go, Tensor w, Geometry g, int[] inShape) {
        int n = go.size(0);
        int o = w.size(0);
        int depth = w.size(1) * g.kh * g.kw;
        int cells = go.size(2) * go.size(3);
        Tensor cols = w.reshape(g.groups, o / g.groups, depth).transpose(1, 2)
                .matmul(go.reshape(n, g.groups, o / g.groups, cells));
        return fold(cols.reshape(n, inShape[1] * g.kh * g.kw, cells), g, inShape, go.size(2), go.size(3));
    }

    /** The weight gradient of the direct convolution of x by w for output gradient go. */
    private static Tensor weightGrad(Tensor x, Tensor go, Tensor w, Geometry g) {
        int n = x.size(0);
        int o = w.size(0);
        int depth = w.size(1) * g.kh * g.kw;
        int outH = go.size(2);
        int outW = go.size(3);
        Tensor cols = columns(x, g, outH, outW).view(n, g.groups, depth, outH * outW);
        Tensor per = go.reshape(n, g.groups, o / g.groups, outH * outW).matmul(cols.transpose(2, 3));
        return per.sum(new int[] {0}, false).reshape(w.shape());
    }

    /** im2col: x (N, C, H, W) as (N, C * kh * kw, outH * outW), zeros where a window covers padding. */
    private static Tensor columns(Tensor x, Geometry g, int outH, int outW) {
        Tensor padded = padded(x, g);
        int c = x.size(1);
        int hp = padded.size(2);
        int wp = padded.size(3);
        int[] shape = {x.size(0), c, g.kh, g.kw, outH, outW};
        int[] strides = {c * hp * wp, hp * wp, g.dilation[0] * wp, g.dilation[1], g.stride[0] * wp, g.stride[1]};
        return padded.asStrided(shape, strides, padded.storageOffset()).reshape(x.size(0), c * g.kh * g.kw, outH * outW);
    }

    /** x zero-padded by the geometry's padding, contiguous. */
    private static Tensor padded(Tensor x, Geometry g) {
        if (g.padding[0] == 0 && g.padding[1] == 0) {
            return x.contiguous();
        }
        Tensor p = Torch.zeros(new int[] {x.size(0), x.size(1), x.size(2) + 2 * g.padding[0],
            x.size(3) + 2 * g.padding[1]}, TensorOptions.ofDType(x.dtype()).device(x.device()));
        p.narrow(2, g.padding[0], x.size(2)).narrow(3, g.padding[1], x.size(3)).copy_(x);
        return p;
    }

    /** col2im, the adjoint of {@link #columns}: cols (N, C * kh * kw, outH * outW) summed into (N, C, H, W). */
    private static Tensor fold(Tensor cols, Geometry g, int[] shape, int outH, int outW) {
        int n = shape[0];
        int c = shape[1];
        int hp = shape[2] + 2 * g.padding[0];
        int wp = shape[3] + 2 * g.padding[1];
        Tensor padded = Torch.zeros(new int[] {n, c, hp, wp}, TensorOptions.ofDType(cols.dtype()).device(cols.device()));
        Tensor parts = cols.view(n, c, g.kh, g.kw, outH, outW);
        int[] strides = {c * hp * wp, hp * wp, g.stride[0] * wp, g.stride[1]};
        for (int ki = 0; ki < g.kh; ki++) {
            for (int kj = 0; kj < g.kw; kj++) {
                padded.asStrided(new int[] {n, c, outH, outW}, strides, ki * g.dilation[0] * wp + kj * g.dilation[1])
                        .add_(parts.select(3, kj).select(2, ki));
            }
        }
        return padded.narrow(2, g.padding[0], shape[2]).narrow(3, g.padding[1], shape[3]).contiguous();
    }

    private static Tensor as4d(Tensor t, boolean oneD) {
        return oneD ? t.unsqueeze(2) : t;
    }

    private static int[] as4dShape(int[] shape, boolean oneD) {
        return oneD ? new int[] {shape[0], shape[1], 1, shape[2]} : shape;
    }

    private static int[] as2d(int[] values, int fill) {
        return values.length == 1 ? new int[] {fill, values[0]} : values;
    }
}
