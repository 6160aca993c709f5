package org.torch4j.nn;

import org.torch4j.Tensor;

/** {@code torch.nn.RNN}: h_t = tanh(x_t W_ih^T + b_ih + h_(t-1) W_hh^T + b_hh) (or relu). */
public class RNN extends RNNBase {
    /** {@code nn.RNN(input_size, hidden_size, ...)} keyword arguments. */
    public static final class Options extends RNNBase.Options<Options> {
        private String nonlinearity = "tanh";

        /** {@code input_size} and {@code hidden_size}: the features of each step's input and of the state. */
        public Options(int inputSize, int hiddenSize) {
            super(inputSize, hiddenSize);
        }

        /** {@code nonlinearity=}: "tanh" (default) or "relu". */
        public Options nonlinearity(String value) {
            if (!value.equals("tanh") && !value.equals("relu")) {
                throw new IllegalArgumentException("Unknown nonlinearity '" + value + "'");
            }
            nonlinearity = value;
            return this;
        }
    }

    private final boolean relu;

    /** {@code nn.RNN(input_size, hidden_size)}. */
    public RNN(int inputSize, int hiddenSize) {
        this(new Options(inputSize, hiddenSize));
    }

    /** {@code nn.RNN(...)} with options. */
    public RNN(Options options) {
        super(options, 1);
        this.relu = options.nonlinearity.equals("relu");
    }

    /** {@code rnn(input, h_0)}: output and h_n; h0 (layers * directions, N, hidden) may be null for zeros. */
    public RNNOutput forward(Tensor input, Tensor h0) {
        return run(input, h0, null);
    }

    @Override
    protected Tensor[] cell(Tensor projectedInput, Tensor projectedHidden, Tensor[] state) {
        Tensor pre = projectedHidden.add(projectedInput);
        return new Tensor[] {relu ? pre.relu() : pre.tanh()};
    }
}
