package org.torch4j.optim;

import org.torch4j.Tensor;

/**
 * The closure passed to {@link Optimizer#step(LossClosure)}: clears the gradients, recomputes the loss, calls
 * {@code backward()} and returns the loss; LibTorch's {@code LossClosure}. It runs with grad mode enabled.
 */
@FunctionalInterface
public interface LossClosure {
    /** Re-evaluates the model and returns the loss. */
    Tensor call();
}
