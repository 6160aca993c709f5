package org.torch4j.nn;

import java.util.Arrays;
import org.torch4j.Tensor;
import org.torch4j.TensorOptions;
import org.torch4j.Torch;
import org.torch4j.nn.functional.F;
import org.torch4j.nn.init.Init;
import org.torch4j.nn.internal.PyRepr;

/**
 * The multi-layer recurrent layers' parameters and loop ({@code torch.nn.RNNBase}): per layer and direction
 * weight_ih_l{k}[_reverse] (gates * hidden, input), weight_hh (gates * hidden, hidden), bias_ih and bias_hh.
 * Input is (L, N, H_in), (N, L, H_in) with batch_first, or (L, H_in) unbatched. The input projection of
 * a whole layer is one matmul; each step then applies the cell to it and the previous state.
 */
public abstract class RNNBase extends Module {
    /** The keyword arguments shared by RNN, LSTM and GRU. */
    public abstract static class Options<T extends Options<T>> {
        final int inputSize;
        final int hiddenSize;
        int numLayers = 1;
        boolean bias = true;
        boolean batchFirst;
        double dropout;
        boolean bidirectional;

        /** {@code input_size} and {@code hidden_size}. */
        protected Options(int inputSize, int hiddenSize) {
            this.inputSize = inputSize;
            this.hiddenSize = hiddenSize;
        }

        @SuppressWarnings("unchecked")
        private T self() {
            return (T) this;
        }

        /** {@code num_layers=}: stacked layers (default 1). */
        public T numLayers(int value) {
            numLayers = value;
            return self();
        }

        /** {@code bias=}: whether the layers have bias_ih and bias_hh (default true). */
        public T bias(boolean value) {
            bias = value;
            return self();
        }

        /** {@code batch_first=}: input and output as (N, L, H) (default false). */
        public T batchFirst(boolean value) {
            batchFirst = value;
            return self();
        }

        /** {@code dropout=}: dropout on the outputs of each layer but the last, in training (default 0). */
        public T dropout(double value) {
            dropout = value;
            return self();
        }

        /** {@code bidirectional=} (default false). */
        public T bidirectional(boolean value) {
            bidirectional = value;
            return self();
        }
    }

    private final Options<?> options;
    private final int gates;
    private final int directions;

    /** gates: how many gate blocks the weights stack (1 for RNN, 4 for LSTM, 3 for GRU). */
    protected RNNBase(Options<?> options, int gates) {
        if (options.dropout < 0 || options.dropout > 1) {
            throw new IllegalArgumentException("dropout should be a number in range [0, 1] representing the probability "
                    + "of an element being zeroed");
        }
        this.options = options;
        this.gates = gates;
        this.directions = options.bidirectional ? 2 : 1;
        int h = options.hiddenSize;
        for (int layer = 0; layer < options.numLayers; layer++) {
            int layerInput = layer == 0 ? options.inputSize : h * directions;
            for (int dir = 0; dir < directions; dir++) {
                String suffix = suffix(layer, dir);
                registerParameter("weight_ih" + suffix, Torch.empty(gates * h, layerInput));
                registerParameter("weight_hh" + suffix, Torch.empty(gates * h, h));
                if (options.bias) {
                    registerParameter("bias_ih" + suffix, Torch.empty(gates * h));
                    registerParameter("bias_hh" + suffix, Torch.empty(gates * h));
                }
            }
        }
        resetParameters();
    }

    private static String suffix(int layer, int direction) {
        return "_l" + layer + (direction == 1 ? "_reverse" : "");
    }

    /** {@code rnn.reset_parameters()}: every parameter U(-1/sqrt(hidden), 1/sqrt(hidden)), in order. */
    public void resetParameters() {
        double stdv = 1.0 / Math.sqrt(options.hiddenSize);
        for (Tensor p : parameters()) {
            Init.uniform_(p, -stdv, stdv);
        }
    }

    /** {@code rnn.hidden_size}. */
    public int hiddenSize() {
        return options.hiddenSize;
    }

    /** The output sequence, from zero initial states: {@code rnn(input)[0]}. */
    @Override
    public Tensor forward(Tensor input) {
        return run(input, null, null).output();
    }

    /**
     * One step of the cell: the input projection x W_ih^T + b_ih and the hidden projection h W_hh^T + b_hh of
     * this step (both (N, gates * hidden)), and the state (h, or h and c); returns the new state.
     */
    protected abstract Tensor[] cell(Tensor projectedInput, Tensor projectedHidden, Tensor[] state);

    /** Runs every layer over the sequence; h0 and c0 (LSTM only) may be null for zeros. */
    protected RNNOutput run(Tensor input, Tensor h0, Tensor c0) {
        boolean lstm = hasCellState();
        boolean batched = input.dim() == 3;
        int batchDim = options.batchFirst ? 0 : 1;
        Tensor x = batched ? input : input.unsqueeze(batchDim);
        checkStateRank(h0, c0, batched, lstm);
        Tensor h = !batched && h0 != null ? h0.unsqueeze(1) : h0;
        Tensor c = !batched && c0 != null ? c0.unsqueeze(1) : c0;
        if (x.dim() != 3) {
            throw new IllegalArgumentException("input must have 3 dimensions, got " + x.dim());
        }
        if (x.size(-1) != options.inputSize) {
            throw new IllegalArgumentException("input.size(-1) must be equal to input_size. Expected " + options.inputSize
                    + ", got " + x.size(-1));
        }
        int[] expected = {options.numLayers * directions, x.size(batchDim), options.hiddenSize};
        h = stateOrZeros(h, expected, x, lstm ? "Expected hidden[0] size " : "Expected hidden size ");
        c = lstm ? stateOrZeros(c, expected, x, "Expected hidden[1] size ") : null;

        Tensor seq = options.batchFirst ? x.transpose(0, 1) : x;
        int steps = seq.size(0);
        Tensor[] finalH = new Tensor[expected[0]];
        Tensor[] finalC = new Tensor[expected[0]];
        for (int layer = 0; layer < options.numLayers; layer++) {
            Tensor[] dirOutputs = new Tensor[directions];
            for (int dir = 0; dir < directions; dir++) {
                int idx = layer * directions + dir;
                String suffix = suffix(layer, dir);
                Tensor projected = F.linear(seq, param("weight_ih" + suffix), param("bias_ih" + suffix));
                Tensor weightHh = param("weight_hh" + suffix);
                Tensor biasHh = param("bias_hh" + suffix);
                Tensor[] state = lstm ? new Tensor[] {h.select(0, idx), c.select(0, idx)}
                        : new Tensor[] {h.select(0, idx)};
                Tensor[] outputs = new Tensor[steps];
                for (int i = 0; i < steps; i++) {
                    int t = dir == 0 ? i : steps - 1 - i;
                    state = cell(projected.select(0, t), F.linear(state[0], weightHh, biasHh), state);
                    outputs[t] = state[0];
                }
                dirOutputs[dir] = Torch.stack(outputs, 0);
                finalH[idx] = state[0];
                finalC[idx] = lstm ? state[1] : null;
            }
            seq = directions == 1 ? dirOutputs[0] : Torch.cat(dirOutputs, 2);
            if (options.dropout > 0 && isTraining() && layer < options.numLayers - 1) {
                seq = F.dropout(seq, options.dropout, true);
            }
        }
        Tensor output = options.batchFirst ? seq.transpose(0, 1) : seq;
        Tensor hN = Torch.stack(finalH, 0);
        Tensor cN = lstm ? Torch.stack(finalC, 0) : null;
        if (!batched) {
            return new RNNOutput(output.squeeze(batchDim), hN.squeeze(1), cN == null ? null : cN.squeeze(1));
        }
        return new RNNOutput(output, hN, cN);
    }

    /** The LSTM's four gates come with a cell state. */
    private boolean hasCellState() {
        return gates == 4;
    }

    /** PyTorch's rank checks of the initial state against the input's. */
    private static void checkStateRank(Tensor h0, Tensor c0, boolean batched, boolean lstm) {
        int want = batched ? 3 : 2;
        String form = batched ? "For batched 3-D input, " : "For unbatched 2-D input, ";
        if (lstm && (h0 != null || c0 != null)) {
            int hd = h0 == null ? want : h0.dim();
            int cd = c0 == null ? want : c0.dim();
            if (hd != want || cd != want) {
                throw new IllegalArgumentException(form + "hx and cx should also be " + want + "-D but got (" + hd
                        + "-D, " + cd + "-D) tensors");
            }
        } else if (h0 != null && h0.dim() != want) {
            throw new IllegalArgumentException(form + "hx should also be " + want + "-D but got " + h0.dim()
                    + "-D tensor");
        }
    }

    private static Tensor stateOrZeros(Tensor state, int[] expected, Tensor like, String message) {
        if (state == null) {
            return Torch.zeros(expected, TensorOptions.ofDType(like.dtype()).device(like.device()));
        }
        if (!Arrays.equals(state.shape(), expected)) {
            throw new IllegalArgumentException(message + PyRepr.tuple(expected) + ", got "
                    + Arrays.toString(state.shape()));
        }
        return state;
    }

    @Override
    protected String extraRepr() {
        StringBuilder s = new StringBuilder().append(options.inputSize).append(", ").append(options.hiddenSize);
        if (options.numLayers != 1) {
            s.append(", num_layers=").append(options.numLayers);
        }
        if (!options.bias) {
            s.append(", bias=False");
        }
        if (options.batchFirst) {
            s.append(", batch_first=True");
        }
        if (options.dropout != 0) {
            s.append(", dropout=").append(PyRepr.floatRepr(options.dropout));
        }
        if (options.bidirectional) {
            s.append(", bidirectional=True");
        }
        return s.toString();
    }
}
