package org.torch4j.nn;

import org.torch4j.Tensor;
import org.torch4j.nn.functional.F;
import org.torch4j.nn.internal.PyRepr;

/** {@code torch.nn.ELU(alpha)}: x for x > 0, alpha * (exp(x) - 1) otherwise. */
public class ELU extends Module {
    private final double alpha;

    /** {@code nn.ELU()}: alpha 1. */
    public ELU() {
        this(1.0);
    }

    /** {@code nn.ELU(alpha)}. */
    public ELU(double alpha) {
        this.alpha = alpha;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.elu(input, alpha);
    }

    @Override
    protected String extraRepr() {
        return "alpha=" + PyRepr.floatRepr(alpha);
    }
}
