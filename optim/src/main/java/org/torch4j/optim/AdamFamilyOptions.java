package org.torch4j.optim;

import java.util.List;

/**
 * The options the Adam family shares ({@code lr}, {@code betas}, {@code eps}, {@code weight_decay}); the base of
 * {@link AmsgradOptions} ({@link Adam.Options}, {@link AdamW.Options}), {@link Adamax.Options},
 * {@link NAdam.Options} and {@link RAdam.Options}. {@code T} is the concrete options class, so that the setters
 * chain.
 */
public abstract class AdamFamilyOptions<T extends AdamFamilyOptions<T>> extends AdaptiveOptions<T> {
    /** {@code lr}, {@code betas=(0.9, 0.999)}, {@code eps=1e-8} and {@code weight_decay}. */
    protected AdamFamilyOptions(double lr, double weightDecay) {
        put("lr", lr);
        put("betas", List.of(0.9, 0.999));
        put("eps", 1e-8);
        put("weight_decay", weightDecay);
    }

    /** {@code betas}: the running-average coefficients of the gradient and of its square. */
    public T betas(double beta1, double beta2) {
        put("betas", List.of(beta1, beta2));
        return self();
    }

    /** The checks PyTorch's constructors make on these options. */
    @Override
    void validate() {
        Validate.notNegative(this, "lr", "learning rate");
        Validate.notNegative(this, "eps", "epsilon value");
        Validate.betas(this);
        Validate.notNegative(this, "weight_decay", "weight_decay value");
    }
}
