package org.torch4j.nn.functional;

import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.torch4j.Tensor;
import org.torch4j.Torch;

/**
 * conv1d, conv2d and conv_transpose2d: {@code torch.convolution} on a batched input (an unbatched one gets a
 * batch dim of one), as ATen's conv2d and friends call it.
 */
final class Convolution {
    private Convolution() {
    }

    static Tensor conv1d(Tensor input, Tensor weight, Tensor bias, int stride, int padding, int dilation, int groups) {
        return batched("conv1d", input, 1, x -> Torch.convolution(x, weight, bias, new int[] {stride},
                new int[] {padding}, new int[] {dilation}, false, new int[] {0}, groups));
    }

    static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation,
            int groups) {
        return batched("conv2d", input, 2, x -> Torch.convolution(x, weight, bias, stride, padding, dilation, false,
                new int[] {0}, groups));
    }

    static Tensor convTranspose2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding,
            int[] outputPadding, int groups, int[] dilation) {
        return batched("conv_transpose2d", input, 2, x -> Torch.convolution(x, weight, bias, stride, padding, dilation,
                true, outputPadding, groups));
    }

    /**
     * {@code op} on the input with a batch dim, which an unbatched input gets and its result loses; fails as ATen
     * does when the rank fits neither form.
     */
    private static Tensor batched(String name, Tensor input, int spatialDims,
            UnaryOperator<Tensor> op) {
        if (input.dim() != spatialDims + 1 && input.dim() != spatialDims + 2) {
            throw new IllegalArgumentException("Expected " + (spatialDims + 1) + "D (unbatched) or " + (spatialDims + 2)
                    + "D (batched) input to " + name + ", but got input of size: " + Arrays.toString(input.shape()));
        }
        if (input.dim() == spatialDims + 2) {
            return op.apply(input);
        }
        return op.apply(input.unsqueeze(0)).squeeze(0);
    }
}
