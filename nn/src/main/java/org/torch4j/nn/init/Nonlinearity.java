package org.torch4j.nn.init;

/**
 * The {@code nonlinearity} argument of {@link Init#calculateGain} and the kaiming initialisers: PyTorch's
 * strings in upper case ({@code 'leaky_relu'} is {@code LEAKY_RELU}).
 */
public enum Nonlinearity {
    LINEAR, CONV1D, CONV2D, CONV3D, CONV_TRANSPOSE1D, CONV_TRANSPOSE2D, CONV_TRANSPOSE3D, SIGMOID, TANH, RELU,
    LEAKY_RELU, SELU
}
