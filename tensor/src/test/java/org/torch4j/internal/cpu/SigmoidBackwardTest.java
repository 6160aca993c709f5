package org.torch4j.internal.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.Torch;

/** sigmoid_backward's fused loop gives the bits of grad * (output * (1 - output)) as three ops, in every layout. */
class SigmoidBackwardTest {
    private static Tensor values(DType dtype, int n, double scale) {
        return Torch.arange(1.0, n + 1.0).mul(0.37 * scale).sin().to(dtype);
    }

    private static void check(Tensor grad, Tensor output) {
        Tensor expected = grad.mul(output.mul(output.rsub(1L)));
        Tensor actual = CpuBackend.INSTANCE.sigmoidBackward(grad, output);
        assertEquals(expected.dtype(), actual.dtype());
        assertArrayEquals(expected.shape(), actual.shape());
        assertArrayEquals(expected.toDoubleArray(), actual.toDoubleArray());
    }

    @Test
    void fusedLoopMatchesTheComposedOps() {
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            // vector body and scalar tail, a single short tail, and a size split over the pool
            for (int n : new int[] {37, 3, 40_000}) {
                Tensor output = values(dtype, n, 1).sigmoid();
                check(values(dtype, n, -1.7), output);
            }
            // strided operands (the composed path) and a broadcast gradient
            Tensor output = values(dtype, 24, 1).sigmoid().reshape(4, 6);
            check(values(dtype, 24, 2.1).reshape(6, 4).t(), output);
            check(Torch.ones(1).to(dtype).expand(4, 6), output);
        }
    }
}
