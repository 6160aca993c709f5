package org.torch4j.nn;

import org.torch4j.Tensor;
import org.torch4j.nn.init.FanMode;
import org.torch4j.nn.init.Init;
import org.torch4j.nn.init.Nonlinearity;

/**
 * The reset_parameters of PyTorch's Linear and convolutions: kaiming_uniform_(a=sqrt(5)) weight, bias
 * U(-1/sqrt(fan_in), 1/sqrt(fan_in)).
 */
final class LayerInit {
    private LayerInit() {
    }

    static void kaimingWithFanInBias(Tensor weight, Tensor bias) {
        Init.kaimingUniform_(weight, Math.sqrt(5), FanMode.FAN_IN, Nonlinearity.LEAKY_RELU);
        if (bias != null) {
            int fanIn = Init.calculateFanInAndFanOut(weight)[0];
            double bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
            Init.uniform_(bias, -bound, bound);
        }
    }
}
