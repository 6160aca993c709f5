package org.torch4j.nn;

import org.torch4j.Tensor;

/** The base of the loss modules ({@code torch.nn.modules.loss._Loss}): a reduction and forward(input, target). */
public abstract class Loss extends Module {
    private final Reduction reduction;

    /** A loss with that reduction ({@link Reduction#BATCHMEAN} is refused). */
    protected Loss(Reduction reduction) {
        this(reduction, false);
    }

    /** For losses that also accept {@link Reduction#BATCHMEAN} (the KL divergence). */
    protected Loss(Reduction reduction, boolean allowBatchMean) {
        if (reduction == Reduction.BATCHMEAN && !allowBatchMean) {
            throw new IllegalArgumentException("batchmean is not a valid value for reduction");
        }
        this.reduction = reduction;
    }

    /** {@code loss.reduction}. */
    public Reduction reduction() {
        return reduction;
    }

    /** {@code loss(input, target)}. */
    public abstract Tensor forward(Tensor input, Tensor target);

    /** The keyword arguments every loss has: {@code reduction=} ('mean' by default). */
    public abstract static class Options<T extends Options<T>> {
        Reduction reduction = Reduction.MEAN;

        /** {@code reduction=}: none, mean (default) or sum. */
        public T reduction(Reduction value) {
            reduction = value;
            return self();
        }

        /** This options object as its own type, for chaining. */
        @SuppressWarnings("unchecked")
        protected final T self() {
            return (T) this;
        }
    }
}
