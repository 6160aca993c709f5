package org.torch4j.nn;

import org.torch4j.Tensor;

/**
 * {@code torch.nn.Parameter(data, requires_grad)}: a leaf tensor sharing {@code data}'s storage, with no
 * history, that requires grad. Modules register parameters with {@link Module#registerParameter}.
 */
public final class Parameter {
    private Parameter() {
    }

    /** {@code nn.Parameter(data)}. */
    public static Tensor of(Tensor data) {
        return of(data, true);
    }

    /** {@code nn.Parameter(data, requires_grad)}. */
    public static Tensor of(Tensor data, boolean requiresGrad) {
        return data.detach().requiresGrad_(requiresGrad);
    }
}
