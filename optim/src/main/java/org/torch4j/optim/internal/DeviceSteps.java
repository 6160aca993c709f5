package org.torch4j.optim.internal;

import org.torch4j.Tensor;
import org.torch4j.internal.Dispatcher;

/**
 * The steps PyTorch's single-tensor ({@code _single_tensor_*}) optimizer code shares, as tensor ops on the
 * parameter's own device: what {@link FusedUpdate#onDevice} implementations are written with. {@code addcmul} and
 * {@code addcdiv} are composed from a product or quotient and {@code add} with {@code alpha} (the op table has no
 * fused form); every in-place step bumps its tensor's version counter by itself.
 */
final class DeviceSteps {
    private DeviceSteps() {
    }

    /**
     * The gradient as the update uses it: {@code grad = -grad if maximize else grad}, then (with a weight decay)
     * {@code grad = grad.add(param, alpha=weight_decay)}. The parameter's own gradient is never written.
     */
    static Tensor grad(Tensor grad, Tensor param, boolean maximize, double weightDecay) {
        Tensor d = maximize ? grad.neg() : grad;
        return weightDecay != 0 ? d.add(param, weightDecay) : d;
    }

    /** A running average, {@code avg.mul_(beta).add_(x, alpha=weight)}. */
    static Tensor mulAdd_(Tensor avg, double beta, Tensor x, double weight) {
        return avg.mul_(beta).add_(x, weight);
    }

    /** A running average of squares, {@code avg.mul_(beta).addcmul_(x, x, value=weight)}. */
    static Tensor mulAddSquare_(Tensor avg, double beta, Tensor x, double weight) {
        return addcmul_(avg.mul_(beta), x, x, weight);
    }

    /** {@code self.addcmul(a, b, value=value)}: {@code self + value * a * b}, a new tensor. */
    static Tensor addcmul(Tensor self, Tensor a, Tensor b, double value) {
        return self.add(a.mul(b), value);
    }

    /** {@code self.addcmul_(a, b, value=value)}. */
    static Tensor addcmul_(Tensor self, Tensor a, Tensor b, double value) {
        return self.add_(a.mul(b), value);
    }

    /** {@code self.addcdiv_(a, b, value=value)}: {@code self += value * (a / b)}. */
    static Tensor addcdiv_(Tensor self, Tensor a, Tensor b, double value) {
        return self.add_(a.div(b), value);
    }

    /** {@code torch.maximum(self, other, out=self)}: the NaN-propagating elementwise maximum, in place. */
    static Tensor maximum_(Tensor self, Tensor other) {
        return Dispatcher.of(self, other).maximum(self, other, self);
    }
}
