package org.torch4j.nn;

import org.torch4j.Tensor;
import org.torch4j.nn.functional.F;

/**
 * {@code torch.nn.KLDivLoss(reduction, log_target)}: target (log target - input) for log-probability input;
 * reduction may also be {@link Reduction#BATCHMEAN}, the mathematically correct mean.
 */
public class KLDivLoss extends Loss {
    /** {@code nn.KLDivLoss(...)} keyword arguments. */
    public static final class Options extends Loss.Options<Options> {
        private boolean logTarget;

        /** {@code log_target=}: whether the target holds log-probabilities (default false). */
        public Options logTarget(boolean value) {
            logTarget = value;
            return this;
        }
    }

    private final boolean logTarget;

    /** {@code nn.KLDivLoss()}. */
    public KLDivLoss() {
        this(new Options());
    }

    /** {@code nn.KLDivLoss(...)} with options. */
    public KLDivLoss(Options options) {
        super(options.reduction, true);
        this.logTarget = options.logTarget;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.klDiv(input, target, reduction(), logTarget);
    }
}
