package org.torch4j.nn;

import org.torch4j.Tensor;

/** {@code torch.nn.Identity()}: returns its input. */
public class Identity extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return input;
    }
}
