package org.torch4j.nn;

import org.torch4j.Tensor;

/** {@code torch.nn.BatchNorm1d}: input (N, C) or (N, C, L). */
public class BatchNorm1d extends BatchNorm {
    /** {@code nn.BatchNorm1d(num_features)}. */
    public BatchNorm1d(int numFeatures) {
        this(new Options(numFeatures));
    }

    /** {@code nn.BatchNorm1d(...)} with options. */
    public BatchNorm1d(Options options) {
        super(options);
    }

    @Override
    protected void checkInputDim(Tensor input) {
        if (input.dim() != 2 && input.dim() != 3) {
            throw new IllegalArgumentException("expected 2D or 3D input (got " + input.dim() + "D input)");
        }
    }
}
