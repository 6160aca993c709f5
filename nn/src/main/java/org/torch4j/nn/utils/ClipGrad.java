package org.torch4j.nn.utils;

import java.util.ArrayList;
import java.util.List;
import org.torch4j.GradGuard;
import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.nn.internal.PyRepr;

/** {@code torch.nn.utils.clip_grad_norm_} and {@code clip_grad_value_}: rescale or clamp gradients in place. */
public final class ClipGrad {
    private ClipGrad() {
    }

    /** {@code clip_grad_norm_(parameters, max_norm)} with the 2-norm. */
    public static Tensor clipGradNorm_(Iterable<Tensor> parameters, double maxNorm) {
        return clipGradNorm_(parameters, maxNorm, 2.0, false);
    }

    /** {@code clip_grad_norm_(parameters, max_norm, norm_type)}; norm_type may be infinite. */
    public static Tensor clipGradNorm_(Iterable<Tensor> parameters, double maxNorm, double normType) {
        return clipGradNorm_(parameters, maxNorm, normType, false);
    }

    /**
     * {@code clip_grad_norm_(parameters, max_norm, norm_type, error_if_nonfinite)}: the norm of all gradients
     * together, as if concatenated; when it exceeds max_norm every gradient is scaled by
     * max_norm / (norm + 1e-6). Returns the total norm (before clipping).
     */
    public static Tensor clipGradNorm_(Iterable<Tensor> parameters, double maxNorm, double normType,
            boolean errorIfNonfinite) {
        List<Tensor> grads = grads(parameters);
        if (grads.isEmpty()) {
            return Torch.scalarTensor(0.0);
        }
        try (GradGuard ignored = GradGuard.disable()) {
            Tensor total;
            if (normType == Double.POSITIVE_INFINITY) {
                Tensor[] norms = new Tensor[grads.size()];
                for (int i = 0; i < norms.length; i++) {
                    norms[i] = grads.get(i).abs().max();
                }
                total = norms.length == 1 ? norms[0] : Torch.stack(norms).max();
            } else {
                Tensor[] norms = new Tensor[grads.size()];
                for (int i = 0; i < norms.length; i++) {
                    norms[i] = grads.get(i).norm(normType);
                }
                total = Torch.stack(norms).norm(normType);
            }
            double value = total.item();
            if (errorIfNonfinite && !Double.isFinite(value)) {
                throw new IllegalArgumentException("The total norm of order " + PyRepr.floatRepr(normType) + " for "
                        + "gradients from `parameters` is non-finite, so it cannot be clipped. To disable this error and "
                        + "scale the gradients by the non-finite norm anyway, set `error_if_nonfinite=False`");
            }
            Tensor coef = total.add(1e-6).reciprocal().mul(maxNorm).clampMax(1.0);
            for (Tensor g : grads) {
                g.mul_(coef.to(g.dtype()));
            }
            return total;
        }
    }

    /** {@code clip_grad_value_(parameters, clip_value)}: clamps every gradient to [-clip, clip] in place. */
    public static void clipGradValue_(Iterable<Tensor> parameters, double clipValue) {
        try (GradGuard ignored = GradGuard.disable()) {
            for (Tensor g : grads(parameters)) {
                g.clamp_(-clipValue, clipValue);
            }
        }
    }

    private static List<Tensor> grads(Iterable<Tensor> parameters) {
        List<Tensor> grads = new ArrayList<>();
        for (Tensor p : parameters) {
            if (p.grad() != null) {
                grads.add(p.grad());
            }
        }
        return grads;
    }
}
