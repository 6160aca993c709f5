package org.torch4j.internal;

import org.torch4j.Tensor;
import org.torch4j.Torch;

/** A short tour of the tensor module, run by the README's first command. */
public final class Demo {
    private Demo() {
    }

    public static void main(String[] args) {
        Torch.manualSeed(0);
        Tensor x = Torch.linspace(0, 1, 5).reshape(5, 1);
        Tensor y = x.mul(x).sub(x.mul(0.5)).add(1.5625);
        System.out.println("x = " + x);
        System.out.println("y = x^2 - 0.5x + 1.5625 = " + y);
        Tensor a = Torch.arange(6L).reshape(2, 3);
        System.out.println("a = " + a);
        System.out.println("a.t() contiguous: " + a.t().isContiguous() + ", a + [10, 20, 30] = " + a.add(Torch.tensor(new long[] {10, 20, 30})));
        System.out.println("sigmoid(a / 2) = " + Torch.sigmoid(a.div(2)));
    }
}
