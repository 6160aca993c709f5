package org.torch4j.autograd.internal;

import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.internal.AutogradMeta;
import org.torch4j.internal.Dispatcher;
import org.torch4j.internal.GradMode;

/**
 * The node that ends every path at a leaf: adds the incoming gradient to the leaf's {@code .grad}, as
 * PyTorch's {@code AccumulateGrad}. Gradients accumulate across backward calls until zeroed, in place
 * unless grad mode is on; with {@code create_graph} the stored gradient keeps its history.
 */
public final class AccumulateGrad extends Node {
    /** What the node returns: a leaf has no inputs to pass gradients on to (one array serves every call). */
    private static final Tensor[] NO_GRADIENTS = new Tensor[0];
    private final Tensor variable;

    AccumulateGrad(Tensor variable) {
        super("AccumulateGrad", 1, Long.MAX_VALUE);
        this.variable = variable;
    }

    /** Accumulators all share the last sequence number; they live as long as their leaf, so an identity hash suits. */
    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** {@code accumulate_grad.variable}: the leaf this node accumulates into. */
    public Tensor variable() {
        return variable;
    }

    @Override
    protected Tensor[] apply(Tensor[] gradOutputs) {
        return accumulate(gradOutputs, false);
    }

    /**
     * Under this node's lock, as PyTorch's: backward passes on several threads may reach the same leaf.
     * {@code owned}: only the engine holds the gradient, so that a first gradient of the leaf's layout becomes
     * {@code .grad} itself instead of a copy (PyTorch steals it when its use count allows, outside grad mode).
     */
    synchronized Tensor[] accumulate(Tensor[] gradOutputs, boolean owned) {
        Tensor g = gradOutputs[0];
        if (g == null) {
            return NO_GRADIENTS;
        }
        AutogradMeta meta = variable.autogradMeta();
        if (!g.dtype().equals(variable.dtype())) {
            g = g.to(variable.dtype());
        }
        if (meta.grad == null && owned && !GradMode.isEnabled() && !g.requiresGrad() && variable.isContiguous()
                && g.isContiguous() && g.storageOffset() == 0 && g.storage().length() == g.numel()
                && g.device().equals(variable.device())) {
            // the whole of its storage, in the leaf's layout: it becomes .grad
            meta.grad = g;
        } else if (meta.grad == null) {
            // a contiguous copy .grad owns; under create_graph it is recorded (CopyBackwards), as clone_obey_contract
            // does, otherwise the backend copies it directly
            meta.grad = GradMode.isEnabled() && g.requiresGrad() ? Torch.emptyLike(g).copy_(g)
                    : Dispatcher.backend(g.device()).clone(g, true);
        } else if (GradMode.isEnabled()) {
            meta.grad = meta.grad.add(g);
        } else {
            // in place, keeping the same tensor (and its history, if an earlier create_graph gave it one)
            meta.grad.add_(g);
        }
        return NO_GRADIENTS;
    }
}
