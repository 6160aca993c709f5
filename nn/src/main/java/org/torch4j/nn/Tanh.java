package org.torch4j.nn;

import org.torch4j.Tensor;

/** {@code torch.nn.Tanh()}: tanh(x) elementwise. */
public class Tanh extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return input.tanh();
    }
}
