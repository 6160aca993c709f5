package org.torch4j.nn;

import org.torch4j.Tensor;
import org.torch4j.nn.functional.F;

/** {@code torch.nn.BCEWithLogitsLoss(weight, reduction, pos_weight)}: sigmoid and binary cross entropy, stably. */
public class BCEWithLogitsLoss extends WeightedLoss {
    /** {@code nn.BCEWithLogitsLoss(...)} keyword arguments. */
    public static final class Options extends WeightedLoss.Options<Options> {
        private Tensor posWeight;

        /** {@code pos_weight=}: the weight of positive examples, per class (broadcast over the last dim). */
        public Options posWeight(Tensor value) {
            posWeight = value;
            return this;
        }
    }

    /** {@code nn.BCEWithLogitsLoss()}. */
    public BCEWithLogitsLoss() {
        this(new Options());
    }

    /** {@code nn.BCEWithLogitsLoss(...)} with options. */
    public BCEWithLogitsLoss(Options options) {
        super(options);
        registerBuffer("pos_weight", options.posWeight);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.binaryCrossEntropyWithLogits(input, target, weight(), param("pos_weight"), reduction());
    }
}
