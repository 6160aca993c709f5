package org.torch4j.nn;

import org.torch4j.Tensor;

/**
 * {@code torch.nn.LSTM}, gates in PyTorch's order (input, forget, cell, output): c' = f * c + i * g,
 * h' = o * tanh(c').
 */
public class LSTM extends RNNBase {
    /** {@code nn.LSTM(input_size, hidden_size, ...)} keyword arguments. */
    public static final class Options extends RNNBase.Options<Options> {
        /** {@code input_size} and {@code hidden_size}: the features of each step's input and of the state. */
        public Options(int inputSize, int hiddenSize) {
            super(inputSize, hiddenSize);
        }
    }

    /** {@code nn.LSTM(input_size, hidden_size)}. */
    public LSTM(int inputSize, int hiddenSize) {
        this(new Options(inputSize, hiddenSize));
    }

    /** {@code nn.LSTM(...)} with options. */
    public LSTM(Options options) {
        super(options, 4);
    }

    /** {@code lstm(input, (h_0, c_0))}: output, h_n and c_n; h0 and c0 may be null for zeros. */
    public RNNOutput forward(Tensor input, Tensor h0, Tensor c0) {
        return run(input, h0, c0);
    }

    @Override
    protected Tensor[] cell(Tensor projectedInput, Tensor projectedHidden, Tensor[] state) {
        Tensor[] g = projectedHidden.add(projectedInput).chunk(4, 1);
        Tensor input = g[0].sigmoid();
        Tensor forget = g[1].sigmoid();
        Tensor candidate = g[2].tanh();
        Tensor output = g[3].sigmoid();
        Tensor c = forget.mul(state[1]).add(input.mul(candidate));
        return new Tensor[] {output.mul(c.tanh()), c};
    }
}
