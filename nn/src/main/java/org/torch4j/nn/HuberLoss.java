package org.torch4j.nn;

import org.torch4j.Tensor;
import org.torch4j.nn.functional.F;

/**
 * {@code torch.nn.HuberLoss(reduction, delta)}: 0.5 z^2 below delta, delta (z - 0.5 delta) above, where
 * z = |input - target|.
 */
public class HuberLoss extends Loss {
    /** {@code nn.HuberLoss(...)} keyword arguments. */
    public static final class Options extends Loss.Options<Options> {
        private double delta = 1.0;

        /** {@code delta=} (default 1). */
        public Options delta(double value) {
            delta = value;
            return this;
        }
    }

    private final double delta;

    /** {@code nn.HuberLoss()}. */
    public HuberLoss() {
        this(new Options());
    }

    /** {@code nn.HuberLoss(...)} with options. */
    public HuberLoss(Options options) {
        super(options.reduction);
        this.delta = options.delta;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.huberLoss(input, target, reduction(), delta);
    }
}
