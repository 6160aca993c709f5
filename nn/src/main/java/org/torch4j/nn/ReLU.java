package org.torch4j.nn;

import org.torch4j.Tensor;

/** {@code torch.nn.ReLU()}: max(0, x) elementwise. */
public class ReLU extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return input.relu();
    }
}
