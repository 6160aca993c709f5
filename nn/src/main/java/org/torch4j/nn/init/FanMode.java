package org.torch4j.nn.init;

/** The {@code mode} argument of the kaiming initialisers: keep the variance of activations or of gradients. */
public enum FanMode {
    /** {@code 'fan_in'}: preserves the magnitude of the forward pass (the default). */
    FAN_IN,
    /** {@code 'fan_out'}: preserves the magnitude of the backward pass. */
    FAN_OUT
}
