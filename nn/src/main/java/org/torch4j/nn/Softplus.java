package org.torch4j.nn;

import org.torch4j.Tensor;
import org.torch4j.nn.functional.F;
import org.torch4j.nn.internal.PyRepr;

/** {@code torch.nn.Softplus(beta, threshold)}: log(1 + exp(beta x)) / beta, linear above the threshold. */
public class Softplus extends Module {
    private final double beta;
    private final double threshold;

    /** {@code nn.Softplus()}: beta 1, threshold 20. */
    public Softplus() {
        this(1, 20);
    }

    /** {@code nn.Softplus(beta, threshold)}. */
    public Softplus(double beta, double threshold) {
        this.beta = beta;
        this.threshold = threshold;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.softplus(input, beta, threshold);
    }

    @Override
    protected String extraRepr() {
        return "beta=" + PyRepr.number(beta) + ", threshold=" + PyRepr.number(threshold);
    }
}
