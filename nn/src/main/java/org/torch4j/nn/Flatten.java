package org.torch4j.nn;

import org.torch4j.Tensor;

/** {@code torch.nn.Flatten(start_dim=1, end_dim=-1)}: flattens a range of dims into one. */
public class Flatten extends Module {
    private final int startDim;
    private final int endDim;

    /** {@code nn.Flatten()}: keeps the batch dim. */
    public Flatten() {
        this(1, -1);
    }

    /** {@code nn.Flatten(start_dim, end_dim)}. */
    public Flatten(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.flatten(startDim, endDim);
    }

    @Override
    protected String extraRepr() {
        return "start_dim=" + startDim + ", end_dim=" + endDim;
    }
}
