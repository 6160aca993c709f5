package org.torch4j.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.torch4j.Tensor;
import org.torch4j.Torch;

/** Shared stride arrays hold exactly the strides a fresh array would: row-major results and matrix transposes. */
class SharedStridesTest {
    @Test
    void rowMajorMatchesContiguousStrides() {
        int[][] shapes = {{}, {0}, {7}, {3, 0}, {0, 5}, {10, 1}, {10, 2}, {1, 63}, {4, 64}, {2, 100}, {2, 3, 4}};
        for (int[] shape : shapes) {
            assertArrayEquals(Shapes.contiguousStrides(shape), SharedStrides.rowMajor(shape));
        }
    }

    @Test
    void matrixTransposesSwapSizesAndStrides() {
        for (int[] shape : new int[][] {{10, 2}, {2, 10}, {1, 1}, {3, 70}, {70, 3}, {0, 4}}) {
            Tensor x = Torch.zeros(shape);
            for (Tensor m : new Tensor[] {x, x.t(), x.t().t()}) {
                int[] strides = m.stride();
                Tensor t = m.transpose(1, 0);
                assertArrayEquals(new int[] {m.size(1), m.size(0)}, t.shape());
                assertArrayEquals(new int[] {strides[1], strides[0]}, t.stride());
                assertArrayEquals(m.t().stride(), t.stride());
            }
        }
    }
}
