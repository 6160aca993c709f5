package org.torch4j.nn;

import org.torch4j.Tensor;

/** {@code torch.nn.Softmax(dim)}: exp(x) / sum(exp(x)) along dim. */
public class Softmax extends Module {
    private final int dim;

    /** {@code nn.Softmax(dim)}. */
    public Softmax(int dim) {
        this.dim = dim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.softmax(dim);
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim;
    }
}
