package org.torch4j.nn;

import org.torch4j.Tensor;
import org.torch4j.nn.functional.F;
import org.torch4j.nn.internal.PyRepr;

/** {@code torch.nn.AdaptiveAvgPool2d(output_size)}: averages over windows chosen to give the output size. */
public class AdaptiveAvgPool2d extends Module {
    private final int[] outputSize;

    /** {@code nn.AdaptiveAvgPool2d(output_size)}: one size for both dims or (height, width). */
    public AdaptiveAvgPool2d(int... outputSize) {
        this.outputSize = outputSize.clone();
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.adaptiveAvgPool2d(input, outputSize);
    }

    @Override
    protected String extraRepr() {
        return "output_size=" + PyRepr.intOrTuple(outputSize);
    }
}
