package org.torch4j.nn;

import org.torch4j.Tensor;
import org.torch4j.nn.functional.F;

/**
 * {@code torch.nn.CrossEntropyLoss(weight, ignore_index, reduction, label_smoothing)}: log_softmax and NLL
 * for class-index targets, or the cross entropy with class-probability targets (same shape as the input).
 */
public class CrossEntropyLoss extends WeightedLoss {
    /** {@code nn.CrossEntropyLoss(...)} keyword arguments. */
    public static final class Options extends WeightedLoss.Options<Options> {
        private long ignoreIndex = F.DEFAULT_IGNORE_INDEX;
        private double labelSmoothing;

        /** {@code ignore_index=}: a target value that contributes nothing (default -100). */
        public Options ignoreIndex(long value) {
            ignoreIndex = value;
            return this;
        }

        /** {@code label_smoothing=}: in [0, 1], mixes the target with the uniform distribution (default 0). */
        public Options labelSmoothing(double value) {
            labelSmoothing = value;
            return this;
        }
    }

    private final long ignoreIndex;
    private final double labelSmoothing;

    /** {@code nn.CrossEntropyLoss()}. */
    public CrossEntropyLoss() {
        this(new Options());
    }

    /** {@code nn.CrossEntropyLoss(...)} with options. */
    public CrossEntropyLoss(Options options) {
        super(options);
        this.ignoreIndex = options.ignoreIndex;
        this.labelSmoothing = options.labelSmoothing;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.crossEntropy(input, target, weight(), ignoreIndex, reduction(), labelSmoothing);
    }
}
