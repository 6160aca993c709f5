package org.torch4j.nn;

import org.torch4j.Tensor;
import org.torch4j.nn.functional.F;

/**
 * {@code torch.nn.SmoothL1Loss(reduction, beta)}: 0.5 z^2 / beta below beta, z - 0.5 beta above, where
 * z = |input - target|.
 */
public class SmoothL1Loss extends Loss {
    /** {@code nn.SmoothL1Loss(...)} keyword arguments. */
    public static final class Options extends Loss.Options<Options> {
        private double beta = 1.0;

        /** {@code beta=} (default 1). */
        public Options beta(double value) {
            beta = value;
            return this;
        }
    }

    private final double beta;

    /** {@code nn.SmoothL1Loss()}. */
    public SmoothL1Loss() {
        this(new Options());
    }

    /** {@code nn.SmoothL1Loss(...)} with options. */
    public SmoothL1Loss(Options options) {
        super(options.reduction);
        this.beta = options.beta;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.smoothL1Loss(input, target, reduction(), beta);
    }
}
