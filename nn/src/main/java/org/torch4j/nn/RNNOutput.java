package org.torch4j.nn;

import org.torch4j.Tensor;

/**
 * What the recurrent layers return: the output of the last layer at every step, and the final hidden
 * state of every layer and direction ({@code h_n}); {@code cN} is the LSTM's final cell state (else null).
 */
public record RNNOutput(Tensor output, Tensor hN, Tensor cN) {
}
