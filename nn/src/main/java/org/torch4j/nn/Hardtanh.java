package org.torch4j.nn;

import org.torch4j.Tensor;
import org.torch4j.nn.functional.F;
import org.torch4j.nn.internal.PyRepr;

/** {@code torch.nn.Hardtanh(min_val, max_val)}: x clamped to [min_val, max_val]. */
public class Hardtanh extends Module {
    private final double minVal;
    private final double maxVal;

    /** {@code nn.Hardtanh()}: [-1, 1]. */
    public Hardtanh() {
        this(-1.0, 1.0);
    }

    /** {@code nn.Hardtanh(min_val, max_val)}. */
    public Hardtanh(double minVal, double maxVal) {
        if (maxVal <= minVal) {
            throw new IllegalArgumentException("max_val must be greater than min_val");
        }
        this.minVal = minVal;
        this.maxVal = maxVal;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.hardtanh(input, minVal, maxVal);
    }

    @Override
    protected String extraRepr() {
        return "min_val=" + PyRepr.floatRepr(minVal) + ", max_val=" + PyRepr.floatRepr(maxVal);
    }
}
