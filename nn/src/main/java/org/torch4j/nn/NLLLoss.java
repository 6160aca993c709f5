package org.torch4j.nn;

import org.torch4j.Tensor;
import org.torch4j.nn.functional.F;

/** {@code torch.nn.NLLLoss(weight, ignore_index, reduction)}: minus the log-probability of the target class. */
public class NLLLoss extends Loss {
    /** {@code nn.NLLLoss(...)} keyword arguments. */
    public static final class Options extends Loss.Options<Options> {
        private Tensor weight;
        private long ignoreIndex = F.DEFAULT_IGNORE_INDEX;

        /** {@code weight=}: one weight per class. */
        public Options weight(Tensor value) {
            weight = value;
            return this;
        }

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
        super(options.reduction);
        this.ignoreIndex = options.ignoreIndex;
        registerBuffer("weight", options.weight);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.nllLoss(input, target, param("weight"), ignoreIndex, reduction());
    }
}
