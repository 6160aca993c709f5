package org.torch4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.nn.functional.F;

/**
 * F.linear takes ATen's routes, seen in the grad_fn names PyTorch 1.13 prints: addmm for 2-d input with a bias, addmm
 * on the flattened input for contiguous 3-d input, matmul plus an in-place add otherwise.
 */
class LinearAddmmTest {
    private static final Tensor W = Torch.arange(12).reshape(4, 3).toFloat().div(10L).requiresGrad_();
    private static final Tensor B = Torch.arange(4).toFloat().requiresGrad_();

    private static String gradFn(Tensor input, Tensor bias) {
        return F.linear(input, W, bias).gradFn().name();
    }

    @Test
    void gradFnNamesMatchPyTorch() {
        assertEquals("AddmmBackward0", gradFn(Torch.randn(2, 3), B));
        assertEquals("MmBackward0", gradFn(Torch.randn(2, 3), null));
        assertEquals("AddBackward0", gradFn(Torch.randn(3), B));
        assertEquals("ViewBackward0", gradFn(Torch.randn(2, 5, 3), B));
        assertEquals("AddBackward0", gradFn(Torch.randn(5, 2, 3).transpose(0, 1), B));
        assertEquals("AddBackward0", gradFn(Torch.randn(2, 2, 5, 3), B));
    }

    @Test
    void addmmGradientsAreExactAndTheWeightGradientIsContiguous() {
        Linear linear = new Linear(3, 4);
        Tensor x = Torch.arange(6).reshape(2, 3).toFloat();
        Tensor y = linear.forward(x);
        y.mul(Torch.arange(8).reshape(2, 4).toFloat()).sum().backward();
        // d/dW of sum(g * (x Wᵀ + b)) = gᵀ x, d/db = g summed over the batch
        assertArrayEquals(new float[] {12, 16, 20, 15, 21, 27, 18, 26, 34, 21, 31, 41},
                linear.weight().grad().contiguous().toFloatArray());
        assertArrayEquals(new float[] {4, 6, 8, 10}, linear.bias().grad().toFloatArray());
        assertTrue(linear.weight().grad().isContiguous(), "computed in the weight's layout, no transposing copy");
        Tensor y3 = linear.forward(x.reshape(1, 2, 3));
        assertArrayEquals(new int[] {1, 2, 4}, y3.shape());
        assertArrayEquals(y.toFloatArray(), y3.toFloatArray());
    }
}
