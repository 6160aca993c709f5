package org.torch4j.nn;

import org.torch4j.Tensor;
import org.torch4j.nn.functional.F;

/** {@code torch.nn.NLLLoss(weight, ignore_index, reduction)}: minus the log-probability of the target class. */
public class NLLLoss extends WeightedLoss {
    /** {@code nn.NLLLoss(...)} keyword arguments. */
    public static final class Options extends WeightedLoss.Options<Options> {
        private long ignoreIndex = F.DEFAULT_IGNORE_INDEX;

        /** {@code ignore_index=}: a target value that contributes nothing (default -100). */
        public Options ignoreIndex(long value) {
            ignoreIndex = value;
            return this;
        }
    }

    private final long ignoreIndex;

    /** {@code nn.NLLLoss()}. */
    public NLLLoss() {
        this(new Options());
    }

    /** {@code nn.NLLLoss(...)} with options. */
    public NLLLoss(Options options) {
        super(options);
        this.ignoreIndex = options.ignoreIndex;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.nllLoss(input, target, weight(), ignoreIndex, reduction());
    }
}
