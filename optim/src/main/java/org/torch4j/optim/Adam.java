package org.torch4j.optim;

import java.util.List;
import org.torch4j.Tensor;

/**
 * Adam, with optional L2 weight decay, AMSGrad and maximization; {@code torch.optim.Adam}. State per parameter:
 * {@code step}, {@code exp_avg}, {@code exp_avg_sq} and, with amsgrad, {@code max_exp_avg_sq}.
 */
public class Adam extends AdamCore {
    /** {@code Adam}'s keyword arguments. */
    public static final class Options extends AmsgradOptions<Options> {
        /** The defaults: {@code lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, amsgrad=False}. */
        public Options() {
            this(1e-3);
        }

        /** The defaults with learning rate {@code lr}. */
        public Options(double lr) {
            super(lr, 0.0);
        }

        @Override
        protected Options self() {
            return this;
        }
    }

    /** {@code torch.optim.Adam(params)} with the default options. */
    public Adam(Iterable<Tensor> params) {
        this(params, new Options());
    }

    /** {@code torch.optim.Adam(params, **options)}. */
    public Adam(Iterable<Tensor> params, Options options) {
        super(params, options, false);
    }

    /** {@code torch.optim.Adam(param_groups, **options)}. */
    public Adam(List<ParamGroup> groups, Options options) {
        super(groups, options, false);
    }
}
