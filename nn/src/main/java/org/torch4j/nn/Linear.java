package org.torch4j.nn;

import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.nn.functional.F;
import org.torch4j.nn.internal.PyRepr;

/** {@code torch.nn.Linear(in_features, out_features, bias)}: y = x W^T + b, weight (out, in). */
public class Linear extends Module {
    private final int inFeatures;
    private final int outFeatures;

    /** {@code nn.Linear(in_features, out_features)}. */
    public Linear(int inFeatures, int outFeatures) {
        this(inFeatures, outFeatures, true);
    }

    /** {@code nn.Linear(in_features, out_features, bias)}. */
    public Linear(int inFeatures, int outFeatures, boolean bias) {
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        registerParameter("weight", Torch.empty(outFeatures, inFeatures));
        registerParameter("bias", bias ? Torch.empty(outFeatures) : null);
        resetParameters();
    }

    /** {@code linear.reset_parameters()}: kaiming_uniform_(a=sqrt(5)) weight, U(-1/sqrt(in), 1/sqrt(in)) bias. */
    public void resetParameters() {
        LayerInit.kaimingWithFanInBias(weight(), bias());
    }

    /** {@code linear.weight}. */
    public Tensor weight() {
        return param("weight");
    }

    /** {@code linear.bias}, or null. */
    public Tensor bias() {
        return param("bias");
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.linear(input, weight(), bias());
    }

    @Override
    protected String extraRepr() {
        return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + PyRepr.bool(bias() != null);
    }
}
