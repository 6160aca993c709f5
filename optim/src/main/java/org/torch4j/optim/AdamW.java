package org.torch4j.optim;

import java.util.List;
import org.torch4j.Tensor;

/**
 * AdamW: Adam with decoupled weight decay ({@code param *= 1 - lr * weight_decay}), optional AMSGrad and
 * maximization; {@code torch.optim.AdamW}. State per parameter: {@code step}, {@code exp_avg},
 * {@code exp_avg_sq} and, with amsgrad, {@code max_exp_avg_sq}.
 */
public class AdamW extends AdamCore {
    /** {@code AdamW}'s keyword arguments. */
    public static final class Options extends AmsgradOptions<Options> {
        /** The defaults: {@code lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False}. */
        public Options() {
            this(1e-3);
        }

        /** The defaults with learning rate {@code lr}. */
        public Options(double lr) {
            super(lr, 1e-2);
        }

        @Override
        protected Options self() {
            return this;
        }
    }

    /** {@code torch.optim.AdamW(params)} with the default options. */
    public AdamW(Iterable<Tensor> params) {
        this(params, new Options());
    }

    /** {@code torch.optim.AdamW(params, **options)}. */
    public AdamW(Iterable<Tensor> params, Options options) {
        super(params, options, true);
    }

    /** {@code torch.optim.AdamW(param_groups, **options)}. */
    public AdamW(List<ParamGroup> groups, Options options) {
        super(groups, options, true);
    }
}
