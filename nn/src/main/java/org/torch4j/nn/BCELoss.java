package org.torch4j.nn;

import org.torch4j.Tensor;
import org.torch4j.nn.functional.F;

/** {@code torch.nn.BCELoss(weight, reduction)}: binary cross entropy of probabilities, logs clamped at -100. */
public class BCELoss extends WeightedLoss {
    /** {@code nn.BCELoss(...)} keyword arguments. */
    public static final class Options extends WeightedLoss.Options<Options> {
    }

    /** {@code nn.BCELoss()}. */
    public BCELoss() {
        this(new Options());
    }

    /** {@code nn.BCELoss(...)} with options. */
    public BCELoss(Options options) {
        super(options);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.binaryCrossEntropy(input, target, weight(), reduction());
    }
}
