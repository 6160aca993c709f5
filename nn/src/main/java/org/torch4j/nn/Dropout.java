package org.torch4j.nn;

import org.torch4j.Tensor;
import org.torch4j.nn.functional.F;
import org.torch4j.nn.internal.Args;
import org.torch4j.nn.internal.PyRepr;

/** {@code torch.nn.Dropout(p)}: in training, zeroes elements with probability p and scales the rest by 1/(1-p). */
public class Dropout extends Module {
    private final double p;

    /** {@code nn.Dropout()}: p = 0.5. */
    public Dropout() {
        this(0.5);
    }

    /** {@code nn.Dropout(p)}. */
    public Dropout(double p) {
        this.p = Args.dropoutProbability(p);
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.dropout(input, p, isTraining());
    }

    @Override
    protected String extraRepr() {
        return "p=" + PyRepr.floatRepr(p) + ", inplace=False";
    }
}
