package org.torch4j.nn;

import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.nn.functional.F;
import org.torch4j.nn.init.Init;
import org.torch4j.nn.internal.PyRepr;

/** {@code torch.nn.Bilinear(in1_features, in2_features, out_features, bias)}: y_k = x1^T W_k x2 + b_k. */
public class Bilinear extends Module {
    private final int in1Features;
    private final int in2Features;
    private final int outFeatures;

    /** {@code nn.Bilinear(in1, in2, out)}. */
    public Bilinear(int in1Features, int in2Features, int outFeatures) {
        this(in1Features, in2Features, outFeatures, true);
    }

    /** {@code nn.Bilinear(in1, in2, out, bias)}. */
    public Bilinear(int in1Features, int in2Features, int outFeatures, boolean bias) {
        this.in1Features = in1Features;
        this.in2Features = in2Features;
        this.outFeatures = outFeatures;
        registerParameter("weight", Torch.empty(outFeatures, in1Features, in2Features));
        registerParameter("bias", bias ? Torch.empty(outFeatures) : null);
        resetParameters();
    }

    /** {@code bilinear.reset_parameters()}: weight and bias U(-1/sqrt(in1), 1/sqrt(in1)). */
    public void resetParameters() {
        double bound = 1 / Math.sqrt(weight().size(1));
        Init.uniform_(weight(), -bound, bound);
        if (bias() != null) {
            Init.uniform_(bias(), -bound, bound);
        }
    }

    /** {@code bilinear.weight}: (out, in1, in2). */
    public Tensor weight() {
        return param("weight");
    }

    /** {@code bilinear.bias}, or null. */
    public Tensor bias() {
        return param("bias");
    }

    /** {@code bilinear(input1, input2)}. */
    public Tensor forward(Tensor input1, Tensor input2) {
        return F.bilinear(input1, input2, weight(), bias());
    }

    @Override
    protected String extraRepr() {
        return "in1_features=" + in1Features + ", in2_features=" + in2Features + ", out_features=" + outFeatures
                + ", bias=" + PyRepr.bool(bias() != null);
    }
}
