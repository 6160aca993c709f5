package org.torch4j.nn;

import org.torch4j.Tensor;

/** {@code torch.nn.LogSoftmax(dim)}: log(softmax(x)) along dim, computed stably. */
public class LogSoftmax extends Module {
    private final int dim;

    /** {@code nn.LogSoftmax(dim)}. */
    public LogSoftmax(int dim) {
        this.dim = dim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.logSoftmax(dim);
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim;
    }
}
