package org.torch4j.nn;

import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.nn.functional.F;
import org.torch4j.nn.internal.PyRepr;

/** {@code torch.nn.LayerNorm(normalized_shape, eps, elementwise_affine)}: normalises over the trailing dims. */
public class LayerNorm extends Module {
    private final int[] normalizedShape;
    private final double eps;

    /** {@code nn.LayerNorm(normalized_shape)}. */
    public LayerNorm(int... normalizedShape) {
        this(normalizedShape, 1e-5, true);
    }

    /** {@code nn.LayerNorm(normalized_shape, eps, elementwise_affine)}. */
    public LayerNorm(int[] normalizedShape, double eps, boolean elementwiseAffine) {
        this.normalizedShape = normalizedShape.clone();
        this.eps = eps;
        registerParameter("weight", elementwiseAffine ? Torch.ones(normalizedShape) : null);
        registerParameter("bias", elementwiseAffine ? Torch.zeros(normalizedShape) : null);
    }

    /** {@code ln.weight}, or null. */
    public Tensor weight() {
        return param("weight");
    }

    /** {@code ln.bias}, or null. */
    public Tensor bias() {
        return param("bias");
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.layerNorm(input, normalizedShape, weight(), bias(), eps);
    }

    @Override
    protected String extraRepr() {
        return PyRepr.tuple(normalizedShape) + ", eps=" + PyRepr.floatRepr(eps) + ", elementwise_affine="
                + PyRepr.bool(weight() != null);
    }
}
