package org.torch4j.nn;

import org.torch4j.Tensor;

/** {@code torch.nn.BatchNorm2d}: input (N, C, H, W). */
public class BatchNorm2d extends BatchNorm {
    /** {@code nn.BatchNorm2d(num_features)}. */
    public BatchNorm2d(int numFeatures) {
        this(new Options(numFeatures));
    }

    /** {@code nn.BatchNorm2d(...)} with options. */
    public BatchNorm2d(Options options) {
        super(options);
    }

    @Override
    protected void checkInputDim(Tensor input) {
        if (input.dim() != 4) {
            throw new IllegalArgumentException("expected 4D input (got " + input.dim() + "D input)");
        }
    }
}
