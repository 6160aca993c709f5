package org.torch4j.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.torch4j.Tensor;
import org.torch4j.Torch;

/**
 * A leaf's first gradient becomes its {@code .grad} without a copy only when the engine alone holds it (PyTorch's
 * stealing in AccumulateGrad): a gradient that the user, a hook, a retained grad or another leaf also holds is
 * copied, so writing into one {@code .grad} never changes any other tensor.
 */
class GradStealTest {
    private static Tensor leaf(double... values) {
        return Torch.tensor(values).requiresGrad_();
    }

    private static void assertValues(double[] expected, Tensor actual) {
        assertArrayEquals(expected, actual.toDoubleArray(), 1e-12);
    }

    @Test
    void userGradientsAreCopied() {
        Tensor x = leaf(1, 2, 3);
        Tensor g = Torch.tensor(new double[] {1, 2, 3});
        x.add(1).backward(g);
        x.grad().add_(10);
        assertValues(new double[] {1, 2, 3}, g);
        assertValues(new double[] {11, 12, 13}, x.grad());
        Tensor y = leaf(4, 5);
        Tensor h = Torch.tensor(new double[] {0.5, 0.25});
        y.backward(h);
        y.grad().mul_(2);
        assertValues(new double[] {0.5, 0.25}, h);
    }

    @Test
    void oneGradientReachingTwoLeavesIsCopiedForEach() {
        Tensor a = leaf(1, 2);
        Tensor b = leaf(3, 4);
        a.add(b).mul(2).sum().backward();
        a.grad().add_(1);
        assertValues(new double[] {3, 3}, a.grad());
        assertValues(new double[] {2, 2}, b.grad());
        Tensor c = leaf(1, 2);
        c.add(c).sum().backward();
        assertValues(new double[] {2, 2}, c.grad());
    }

    @Test
    void gradientsSeenByHooksOrRetainedAreCopied() {
        Tensor a = leaf(1, 2, 3);
        Tensor[] seen = new Tensor[2];
        Hooks.registerHook(a, g -> {
            seen[0] = g;
            return g;
        });
        a.mul(2).sum().backward();
        a.grad().add_(1);
        assertValues(new double[] {2, 2, 2}, seen[0]);

        Tensor b = leaf(1, 2, 3);
        Tensor v = b.view(3);
        Hooks.registerHook(v, g -> {
            seen[1] = g;
            return g;
        });
        v.mul(3).sum().backward();
        b.grad().add_(1);
        assertValues(new double[] {3, 3, 3}, seen[1]);

        Tensor c = leaf(1, 2, 3);
        Tensor w = c.view(3);
        w.retainGrad();
        w.mul(4).sum().backward();
        c.grad().add_(1);
        assertValues(new double[] {4, 4, 4}, w.grad());
        assertValues(new double[] {5, 5, 5}, c.grad());
    }

    @Test
    void stolenGradientsAccumulateAndTransposedOnesKeepTheLeafLayout() {
        Tensor w = leaf(1, 2, 3, 4, 5, 6).detach().reshape(2, 3).requiresGrad_();
        Tensor x = Torch.tensor(new double[] {1, -1, 2, 0.5}).reshape(2, 2);
        x.mm(w).sum().backward();
        assertValues(new double[] {3, 3, 3, -0.5, -0.5, -0.5}, w.grad());
        assertArrayEquals(new int[] {3, 1}, w.grad().stride());
        x.mm(w).sum().backward();
        assertValues(new double[] {6, 6, 6, -1, -1, -1}, w.grad());
        // v's gradient reaches it through TBackward as a transposed view of the product's gradient
        Tensor v = leaf(1, 2, 3, 4, 5, 6).detach().reshape(3, 2).requiresGrad_();
        x.mm(v.t()).sum().backward();
        assertValues(new double[] {3, -0.5, 3, -0.5, 3, -0.5}, v.grad());
        assertArrayEquals(new int[] {2, 1}, v.grad().stride());
    }
}
