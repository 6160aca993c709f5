package org.torch4j.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.torch4j.Tensor;
import org.torch4j.Torch;

/** {@code torch.autograd.functional} on functions of several inputs, against exact results. */
class FunctionalTest {
    private static final Tensor A = Torch.tensor(new double[] {1, 2});
    private static final Tensor B = Torch.tensor(new double[] {3, 5});

    private static void assertTensor(double[][] expected, Tensor actual) {
        assertArrayEquals(new int[] {expected.length, expected[0].length}, actual.shape());
        assertArrayEquals(Torch.tensor(expected).toDoubleArray(), actual.toDoubleArray(), 1e-12);
    }

    @Test
    void jacobianOfAProduct() {
        Tensor[][] j = Functional.jacobian(in -> new Tensor[] {in[0].mul(in[1]), in[0].sum()}, A, B);
        assertTensor(new double[][] {{3, 0}, {0, 5}}, j[0][0]);
        assertTensor(new double[][] {{1, 0}, {0, 2}}, j[0][1]);
        assertArrayEquals(new double[] {1, 1}, j[1][0].toDoubleArray());
        assertArrayEquals(new int[] {2}, j[1][0].shape());
        assertArrayEquals(new double[] {0, 0}, j[1][1].toDoubleArray());
        assertFalse(j[0][0].requiresGrad());
        assertNull(A.grad());
    }

    @Test
    void jacobianOfAMatrixFunction() {
        Tensor j = Functional.jacobian(x -> x.t(), Torch.tensor(new double[][] {{1, 2, 3}}));
        assertArrayEquals(new int[] {3, 1, 1, 3}, j.shape());
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, j.toDoubleArray());
    }

    @Test
    void hessianOfTwoInputs() {
        Tensor[][] h = Functional.hessian(in -> new Tensor[] {in[0].mul(in[0]).mul(in[1]).sum()}, A, B);
        assertTensor(new double[][] {{6, 0}, {0, 10}}, h[0][0]);
        assertTensor(new double[][] {{2, 0}, {0, 4}}, h[0][1]);
        assertTensor(new double[][] {{2, 0}, {0, 4}}, h[1][0]);
        assertTensor(new double[][] {{0, 0}, {0, 0}}, h[1][1]);
        assertTensor(new double[][] {{6, 0}, {0, 12}}, Functional.hessian(x -> x.pow(3L).sum(), A));
    }

    @Test
    void vectorProducts() {
        TensorFunction f = in -> new Tensor[] {in[0].mul(in[1])};
        Tensor v = Torch.tensor(new double[] {1, -1});
        Functional.Result vjp = Functional.vjp(f, new Tensor[] {A, B}, new Tensor[] {v});
        assertArrayEquals(new double[] {3, -5}, vjp.products()[0].toDoubleArray());
        assertArrayEquals(new double[] {1, -2}, vjp.products()[1].toDoubleArray());
        assertArrayEquals(new double[] {3, 10}, vjp.outputs()[0].toDoubleArray());
        Functional.Result jvp = Functional.jvp(f, new Tensor[] {A, B}, new Tensor[] {v, v});
        assertArrayEquals(new double[] {3 + 1, -5 - 2}, jvp.products()[0].toDoubleArray());
        Functional.Result scalar = Functional.jvp(in -> new Tensor[] {in[0].exp().mul(2L)},
                new Tensor[] {Torch.tensor(new double[] {0})}, null);
        assertArrayEquals(new double[] {2}, scalar.products()[0].toDoubleArray());
    }
}
