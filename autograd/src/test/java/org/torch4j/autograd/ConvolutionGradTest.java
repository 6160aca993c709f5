package org.torch4j.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.Torch;

/**
 * {@code torch.convolution}'s derivatives: gradcheck and gradgradcheck in float64 (the second derivatives run
 * through ConvolutionBackwardBackward0), and the grad_fn names PyTorch 1.13 gives.
 */
class ConvolutionGradTest {

    private static Tensor leaf(long seed, int... shape) {
        Torch.manualSeed(seed);
        return Torch.randn(shape).to(DType.FLOAT64).requiresGrad_();
    }

    /** A convolution of the three inputs (bias may be absent) with fixed geometry. */
    private static TensorFunction conv(int[] stride, int[] padding, int[] dilation, boolean transposed,
            int[] outputPadding, int groups) {
        return in -> new Tensor[] {Torch.convolution(in[0], in[1], in.length > 2 ? in[2] : null, stride, padding,
                dilation, transposed, outputPadding, groups)};
    }

    private static void check(TensorFunction fn, Tensor... inputs) {
        assertTrue(GradCheck.gradcheck(fn, inputs));
        assertTrue(GradCheck.gradgradcheck(fn, inputs));
    }

    @Test
    void conv2dWithStridePaddingDilationAndGroups() {
        check(conv(new int[] {2, 1}, new int[] {1, 0}, new int[] {1, 2}, false, new int[] {0}, 2),
                leaf(1, 2, 4, 5, 6), leaf(2, 4, 2, 2, 2), leaf(3, 4));
    }

    @Test
    void conv2dWithoutBias() {
        check(conv(new int[] {1}, new int[] {1}, new int[] {1}, false, new int[] {0}, 1), leaf(4, 1, 2, 4, 3),
                leaf(5, 3, 2, 2, 3));
    }

    @Test
    void conv1d() {
        check(conv(new int[] {2}, new int[] {1}, new int[] {2}, false, new int[] {0}, 1), leaf(6, 2, 2, 7),
                leaf(7, 3, 2, 3), leaf(8, 3));
    }

    @Test
    void transposedConv2dWithGroupsAndOutputPadding() {
        check(conv(new int[] {2, 1}, new int[] {1, 0}, new int[] {1, 1}, true, new int[] {1, 0}, 2),
                leaf(9, 1, 4, 3, 3), leaf(10, 4, 1, 3, 2), leaf(11, 2));
    }

    @Test
    void gradFnNamesFollowPyTorch() {
        Tensor x = leaf(12, 1, 2, 4, 4);
        Tensor w = leaf(13, 3, 2, 3, 3);
        Tensor y = Torch.convolution(x, w, null, new int[] {1}, new int[] {0}, new int[] {1}, false, new int[] {0}, 1);
        assertEquals("ConvolutionBackward0", y.gradFn().name());
        Tensor[] g = Autograd.grad(new Tensor[] {y.sum()}, new Tensor[] {x, w}, null, true, true, false);
        assertEquals("ConvolutionBackwardBackward0", g[0].gradFn().name());
        assertEquals("ConvolutionBackwardBackward0", g[1].gradFn().name());
        Tensor[] plain = Autograd.grad(y.sum(), x);
        assertNull(plain[0].gradFn());
    }
}
