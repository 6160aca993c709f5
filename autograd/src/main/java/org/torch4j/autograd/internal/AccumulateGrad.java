package org.torch4j.autograd.internal;

import org.torch4j.Tensor;
import org.torch4j.internal.AutogradMeta;
import org.torch4j.internal.GradMode;

/**
 * The node that ends every path at a leaf: adds the incoming gradient to the leaf's {@code .grad}, as
 * PyTorch's {@code AccumulateGrad}. Gradients accumulate across backward calls until zeroed; with
 * {@code create_graph} the stored gradient keeps its history.
 */
public final class AccumulateGrad extends Node {
    private final Tensor variable;

    AccumulateGrad(Tensor variable) {
        super("AccumulateGrad", 1, Long.MAX_VALUE);
        this.variable = variable;
    }

    /** {@code accumulate_grad.variable}: the leaf this node accumulates into. */
    public Tensor variable() {
        return variable;
    }

    @Override
    protected Tensor[] apply(Tensor[] gradOutputs) {
        Tensor g = gradOutputs[0];
        if (g == null) {
            return new Tensor[0];
        }
        AutogradMeta meta = variable.autogradMeta();
        if (!g.dtype().equals(variable.dtype())) {
            g = g.to(variable.dtype());
        }
        if (meta.grad == null) {
            meta.grad = GradMode.isEnabled() ? g : Graph.ownedCopy(g);
        } else if (GradMode.isEnabled() || meta.grad.requiresGrad()) {
            meta.grad = meta.grad.add(g);
        } else {
            meta.grad.add_(g);
        }
        return new Tensor[0];
    }
}
