package org.torch4j.optim;

import java.util.List;
import java.util.Map;
import org.torch4j.Tensor;
import org.torch4j.optim.internal.AdamaxUpdate;

/**
 * Adamax, Adam with the infinity norm; {@code torch.optim.Adamax}. State per parameter: {@code step},
 * {@code exp_avg} and {@code exp_inf}.
 */
public class Adamax extends Optimizer {
    /** {@code Adamax}'s keyword arguments. */
    public static final class Options extends AdamFamilyOptions<Options> {
        /** The defaults: {@code lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0}. */
        public Options() {
            this(2e-3);
        }

        /** The defaults with learning rate {@code lr}. */
        public Options(double lr) {
            super(lr, 0.0);
            put("maximize", false);
        }

        @Override
        protected Options self() {
            return this;
        }

        /** {@code maximize} the objective. */
        public Options maximize(boolean maximize) {
            put("maximize", maximize);
            return this;
        }
    }

    /** {@code torch.optim.Adamax(params)} with the default options. */
    public Adamax(Iterable<Tensor> params) {
        this(params, new Options());
    }

    /** {@code torch.optim.Adamax(params, **options)}. */
    public Adamax(Iterable<Tensor> params, Options options) {
        super(params, options);
    }

    /** {@code torch.optim.Adamax(param_groups, **options)}. */
    public Adamax(List<ParamGroup> groups, Options options) {
        super(groups, options);
    }

    @Override
    protected void update(ParamGroup group) {
        for (Tensor p : group.params()) {
            Tensor grad = p.grad();
            if (grad == null) {
                continue;
            }
            Map<String, Object> state = initState(p, "exp_avg", "exp_inf");
            long step = incrementStep(state);
            new AdamaxUpdate(group.lr(), group.getDouble("betas", 0), group.getDouble("betas", 1),
                    group.getDouble("eps"), group.getDouble("weight_decay"), group.getBoolean("maximize"), step)
                    .apply(new Tensor[] {p, (Tensor) state.get("exp_avg"), (Tensor) state.get("exp_inf")}, grad);
        }
    }
}
