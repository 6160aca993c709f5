package org.torch4j.nn;

import org.torch4j.Tensor;

/**
 * The losses that take a rescaling {@code weight} ({@code torch.nn.modules.loss._WeightedLoss}): it is kept
 * as a buffer named "weight" (absent when not given), so that it follows {@link #to} and the state dict.
 */
public abstract class WeightedLoss extends Loss {
    /** Registers the weight buffer beside the reduction. */
    protected WeightedLoss(Options<?> options) {
        super(options.reduction);
        registerBuffer("weight", options.weight);
    }

    /** {@code loss.weight}, or null. */
    public Tensor weight() {
        return param("weight");
    }

    /** The keyword arguments of the weighted losses: {@code reduction=} and {@code weight=}. */
    public abstract static class Options<T extends Options<T>> extends Loss.Options<T> {
        Tensor weight;

        /**
         * {@code weight=}: one weight per class (NLLLoss, CrossEntropyLoss), or a weight broadcast over the
         * elements (BCELoss, BCEWithLogitsLoss).
         */
        public T weight(Tensor value) {
            weight = value;
            return self();
        }
    }
}
