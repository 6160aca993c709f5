package org.torch4j.optim;

/**
 * The setters the adaptive-rate optimizers share ({@code lr}, {@code eps}, {@code weight_decay}); the base of
 * {@link Adadelta.Options}, {@link Adagrad.Options}, {@link RMSprop.Options} and {@link AdamFamilyOptions}.
 * {@code T} is the concrete options class, so that the setters chain. The subclasses' constructors put the
 * defaults, in PyTorch's order.
 */
public abstract class AdaptiveOptions<T extends AdaptiveOptions<T>> extends OptimizerOptions {
    /** For the subclasses. */
    protected AdaptiveOptions() {
    }

    /** This object as its concrete class. */
    protected abstract T self();

    /** {@code lr}: the learning rate. */
    public T lr(double lr) {
        put("lr", lr);
        return self();
    }

    /** {@code eps}: the term added for numerical stability. */
    public T eps(double eps) {
        put("eps", eps);
        return self();
    }

    /** {@code weight_decay} (L2 penalty, or decoupled for AdamW). */
    public T weightDecay(double weightDecay) {
        put("weight_decay", weightDecay);
        return self();
    }
}
