package org.torch4j.optim;

import java.util.List;
import java.util.Map;
import org.torch4j.Tensor;
import org.torch4j.optim.internal.RadamUpdate;

/**
 * RAdam, Adam with a rectified adaptive learning rate; {@code torch.optim.RAdam}. State per parameter:
 * {@code step}, {@code exp_avg} and {@code exp_avg_sq}.
 */
public class RAdam extends Optimizer {
    /** {@code RAdam}'s keyword arguments. */
    public static final class Options extends AdamFamilyOptions<Options> {
        /** The defaults: {@code lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0}. */
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

    /** {@code torch.optim.RAdam(params)} with the default options. */
    public RAdam(Iterable<Tensor> params) {
        this(params, new Options());
    }

    /** {@code torch.optim.RAdam(params, **options)}. */
    public RAdam(Iterable<Tensor> params, Options options) {
        super(params, options);
    }

    /** {@code torch.optim.RAdam(param_groups, **options)}. */
    public RAdam(List<ParamGroup> groups, Options options) {
        super(groups, options);
    }

    @Override
    protected void update(ParamGroup group) {
        for (Tensor p : group.params()) {
            Tensor grad = p.grad();
            if (grad == null) {
                continue;
            }
            Map<String, Object> state = initState(p, "exp_avg", "exp_avg_sq");
            long step = incrementStep(state);
            new RadamUpdate(group.lr(), group.getDouble("betas", 0), group.getDouble("betas", 1),
                    group.getDouble("eps"), group.getDouble("weight_decay"), step)
                    .apply(new Tensor[] {p, (Tensor) state.get("exp_avg"), (Tensor) state.get("exp_avg_sq")}, grad);
        }
    }
}
