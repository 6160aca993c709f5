package org.torch4j.nn;

import org.torch4j.Tensor;

/**
 * {@code torch.nn.GRU}, gates in PyTorch's order (reset, update, new): r = sigmoid(W_ir x + b_ir + W_hr h + b_hr),
 * z likewise, n = tanh(W_in x + b_in + r * (W_hn h + b_hn)), h' = (1 - z) * n + z * h.
 */
public class GRU extends RNNBase {
    /** {@code nn.GRU(input_size, hidden_size, ...)} keyword arguments. */
    public static final class Options extends RNNBase.Options<Options> {
        /** {@code input_size} and {@code hidden_size}: the features of each step's input and of the state. */
        public Options(int inputSize, int hiddenSize) {
            super(inputSize, hiddenSize);
        }
    }

    /** {@code nn.GRU(input_size, hidden_size)}. */
    public GRU(int inputSize, int hiddenSize) {
        this(new Options(inputSize, hiddenSize));
    }

    /** {@code nn.GRU(...)} with options. */
    public GRU(Options options) {
        super(options, 3);
    }

    /** {@code gru(input, h_0)}: output and h_n; h0 may be null for zeros. */
    public RNNOutput forward(Tensor input, Tensor h0) {
        return run(input, h0, null);
    }

    /** ATen's GRUCell arithmetic: h' = (h - n) * z + n. */
    @Override
    protected Tensor[] cell(Tensor projectedInput, Tensor projectedHidden, Tensor[] state) {
        Tensor h = state[0];
        Tensor[] in = projectedInput.chunk(3, 1);
        Tensor[] hid = projectedHidden.chunk(3, 1);
        Tensor reset = hid[0].add(in[0]).sigmoid();
        Tensor update = hid[1].add(in[1]).sigmoid();
        Tensor candidate = in[2].add(hid[2].mul(reset)).tanh();
        return new Tensor[] {h.sub(candidate).mul(update).add(candidate)};
    }
}
