package org.torch4j.nn;

import org.torch4j.Tensor;
import org.torch4j.nn.functional.F;
import org.torch4j.nn.internal.PyRepr;

/** {@code torch.nn.LeakyReLU(negative_slope)}: x for x > 0, negative_slope * x otherwise. */
public class LeakyReLU extends Module {
    private final double negativeSlope;

    /** {@code nn.LeakyReLU()}: slope 0.01. */
    public LeakyReLU() {
        this(0.01);
    }

    /** {@code nn.LeakyReLU(negative_slope)}. */
    public LeakyReLU(double negativeSlope) {
        this.negativeSlope = negativeSlope;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.leakyRelu(input, negativeSlope);
    }

    @Override
    protected String extraRepr() {
        return "negative_slope=" + PyRepr.floatRepr(negativeSlope);
    }
}
