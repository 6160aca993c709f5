package org.torch4j.autograd;

import java.util.function.UnaryOperator;
import org.torch4j.Tensor;
import org.torch4j.autograd.internal.Graph;

/**
 * Tensor hooks, {@code tensor.register_hook(hook)}: the hook is called with the gradient of the tensor each
 * time one is computed, and may return a replacement (or null to keep it). On a leaf it runs before the
 * gradient is accumulated into {@code .grad}; on a non-leaf it changes what flows further back. As in PyTorch
 * 1.13 a tensor's hooks run together, before or after {@code retainGrad()} stores the gradient depending on
 * whether the first of them was registered before or after the call. Gradients captured by
 * {@link Autograd#grad} are taken before the hooks, as in PyTorch 1.13.
 */
public final class Hooks {
    private Hooks() {
    }

    /** {@code tensor.register_hook(hook)}; the tensor must require grad. */
    public static RemovableHandle registerHook(Tensor tensor, UnaryOperator<Tensor> hook) {
        Runnable remove = Graph.registerHook(tensor, hook);
        return remove::run;
    }
}
