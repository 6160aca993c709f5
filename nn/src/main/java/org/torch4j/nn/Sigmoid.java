package org.torch4j.nn;

import org.torch4j.Tensor;

/** {@code torch.nn.Sigmoid()}: 1 / (1 + exp(-x)) elementwise. */
public class Sigmoid extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return input.sigmoid();
    }
}
