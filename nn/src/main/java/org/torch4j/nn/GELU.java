package org.torch4j.nn;

import org.torch4j.Tensor;
import org.torch4j.nn.functional.F;

/** {@code torch.nn.GELU(approximate)}: x * Phi(x), exactly ("none") or with the tanh approximation ("tanh"). */
public class GELU extends Module {
    private final String approximate;

    /** {@code nn.GELU()}: the exact form. */
    public GELU() {
        this("none");
    }

    /** {@code nn.GELU(approximate)}: "none" or "tanh", checked by forward as in PyTorch. */
    public GELU(String approximate) {
        this.approximate = approximate;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.gelu(input, approximate);
    }

    @Override
    protected String extraRepr() {
        return "approximate='" + approximate + "'";
    }
}
