package org.torch4j.examples;

import org.torch4j.Tensor;
import org.torch4j.Torch;

/**
 * A tour of autograd: a small graph w1, w2 → w3 = w1·w2 → w4 = w3² + w1 and its gradients, retain_grad
 * on a non-leaf, gradient accumulation, the error of a second backward through a freed graph,
 * requires_grad spreading to results, and no_grad.
 */
public final class AutogradTour {
    private AutogradTour() {
    }

    /** Prints the tour. */
    public static void main(String[] args) {
        // leaves: tensors created by the user with requires_grad=True
        Tensor w1 = Torch.scalarTensor(2.0).requiresGrad_();
        Tensor w2 = Torch.scalarTensor(3.0).requiresGrad_();
        // non-leaves: results of operations, remembering how they were made (grad_fn)
        Tensor w3 = w1.mul(w2);
        Tensor w4 = w3.mul(w3).add(w1);
        System.out.println("w3 = " + w3);
        System.out.println("w4 = " + w4);
        System.out.println("is_leaf: w1 " + w1.isLeaf() + ", w3 " + w3.isLeaf());

        // backward fills .grad of the leaves; a non-leaf keeps its gradient only after retain_grad()
        w3.retainGrad();
        w4.backward(null, true, false);   // retain_graph=True: the graph is used once more below
        System.out.println("dw4/dw1 = " + w1.grad());   // 2·w3·w2 + 1
        System.out.println("dw4/dw2 = " + w2.grad());   // 2·w3·w1
        System.out.println("dw4/dw3 = " + w3.grad());   // 2·w3

        // gradients accumulate until zeroed
        w4.backward();
        System.out.println("after a second backward, w1.grad = " + w1.grad());

        // the graph's saved tensors are freed by a backward without retain_graph
        try {
            w4.backward();
        } catch (RuntimeException e) {
            System.out.println("third backward: " + e.getMessage());
        }

        // requires_grad spreads from any input to the result
        Tensor x = Torch.ones(3);
        Tensor y = x.mul(w1);
        System.out.println("x.requires_grad " + x.requiresGrad() + ", y = x * w1 = " + y);

        // no_grad: nothing is recorded (evaluation, weight updates)
        Tensor z;
        try (var ignored = Torch.noGrad()) {
            z = x.mul(w1);
        }
        System.out.println("under no_grad: z.requires_grad " + z.requiresGrad() + ", z = " + z);
        System.out.println("y.detach().requires_grad " + y.detach().requiresGrad());
    }
}
