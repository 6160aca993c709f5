package org.torch4j.nn.functional;

import org.torch4j.Tensor;
import org.torch4j.Torch;

/** The activation functions of {@link F}, written with differentiable tensor operations. */
final class Activations {
    private static final double SQRT1_2 = 0.70710678118654752440;
    private static final double SQRT_2_OVER_PI = 0.79788456080286535588;

    private Activations() {
    }

    static Tensor leakyRelu(Tensor x, double negativeSlope) {
        return Torch.where(x.gt(0L), x, x.mul(negativeSlope));
    }

    /**
     * exp(x) - 1 rather than expm1, as ATen's elu kernel computes it; the exponent is clamped so that the
     * branch where() discards cannot overflow into a NaN gradient.
     */
    static Tensor elu(Tensor x, double alpha) {
        return Torch.where(x.gt(0L), x, x.clampMax(0).exp().sub(1L).mul(alpha));
    }

    static Tensor gelu(Tensor x, boolean tanhApproximation) {
        if (tanhApproximation) {
            Tensor inner = x.add(x.mul(x).mul(x).mul(0.044715)).mul(SQRT_2_OVER_PI);
            return x.mul(0.5).mul(inner.tanh().add(1L));
        }
        return x.mul(0.5).mul(x.mul(SQRT1_2).erf().add(1L));
    }

    static Tensor silu(Tensor x) {
        return x.mul(x.sigmoid());
    }

    /** x where beta * x exceeds the threshold (for stability), log(1 + exp(beta * x)) / beta elsewhere. */
    static Tensor softplus(Tensor x, double beta, double threshold) {
        Tensor scaled = x.mul(beta);
        return Torch.where(scaled.gt(threshold), x, scaled.clampMax(threshold).exp().log1p().div(beta));
    }

    /** clamp(x, min, max) whose gradient is zero at the bounds too, as ATen's hardtanh_backward. */
    static Tensor hardtanh(Tensor x, double min, double max) {
        Tensor outside = x.le(min).logicalOr(x.ge(max));
        return Torch.where(outside, x.detach().clamp(min, max), x);
    }
}
