package org.torch4j.nn;

import org.torch4j.Tensor;
import org.torch4j.nn.functional.F;

/** {@code torch.nn.BCELoss(weight, reduction)}: binary cross entropy of probabilities, logs clamped at -100. */
public class BCELoss extends Loss {
    /** {@code nn.BCELoss(...)} keyword arguments. */
    public static final class Options extends Loss.Options<Options> {
        private Tensor weight;

        /** {@code weight=}: a rescaling weight broadcast over the elements. */
        public Options weight(Tensor value) {
            weight = value;
            return this;
        }
    }

    /** {@code nn.BCELoss()}. */
    public BCELoss() {
        this(new Options());
    }

    /** {@code nn.BCELoss(...)} with options. */
    public BCELoss(Options options) {
        super(options.reduction);
        registerBuffer("weight", options.weight);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.binaryCrossEntropy(input, target, param("weight"), reduction());
    }
}
