package org.torch4j.optim;

/**
 * The options of {@link Adam} and {@link AdamW}, which differ only in their defaults: the Adam family's with
 * {@code amsgrad=False} and {@code maximize=False}. {@code T} is the concrete options class, so that the setters
 * chain.
 */
public abstract class AmsgradOptions<T extends AmsgradOptions<T>> extends AdamFamilyOptions<T> {
    /** {@code lr}, {@code betas=(0.9, 0.999)}, {@code eps=1e-8}, {@code weight_decay}, {@code amsgrad=False}. */
    protected AmsgradOptions(double lr, double weightDecay) {
        super(lr, weightDecay);
        put("amsgrad", false);
        put("maximize", false);
    }

    /** {@code amsgrad}: use the maximum of past squared-gradient averages. */
    public T amsgrad(boolean amsgrad) {
        put("amsgrad", amsgrad);
        return self();
    }

    /** {@code maximize} the objective. */
    public T maximize(boolean maximize) {
        put("maximize", maximize);
        return self();
    }
}
