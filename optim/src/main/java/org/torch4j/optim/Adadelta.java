package org.torch4j.optim;

import java.util.List;
import java.util.Map;
import org.torch4j.Tensor;
import org.torch4j.optim.internal.AdadeltaUpdate;

/**
 * Adadelta; {@code torch.optim.Adadelta}. State per parameter: {@code step}, {@code square_avg} and
 * {@code acc_delta}.
 */
public class Adadelta extends Optimizer {
    /** {@code Adadelta}'s keyword arguments. */
    public static final class Options extends AdaptiveOptions<Options> {
        /** The defaults: {@code lr=1.0, rho=0.9, eps=1e-6, weight_decay=0}. */
        public Options() {
            this(1.0);
        }

        /** The defaults with learning rate {@code lr} (the scale of the delta). */
        public Options(double lr) {
            put("lr", lr);
            put("rho", 0.9);
            put("eps", 1e-6);
            put("weight_decay", 0.0);
            put("maximize", false);
        }

        @Override
        protected Options self() {
            return this;
        }

        /** {@code rho}: the coefficient of the running averages. */
        public Options rho(double rho) {
            put("rho", rho);
            return this;
        }

        /** {@code maximize} the objective. */
        public Options maximize(boolean maximize) {
            put("maximize", maximize);
            return this;
        }

        @Override
        void validate() {
            Validate.notNegative(this, "lr", "learning rate");
            Validate.inUnitInterval(this, "rho", "rho value");
            Validate.notNegative(this, "eps", "epsilon value");
            Validate.notNegative(this, "weight_decay", "weight_decay value");
        }
    }

    /** {@code torch.optim.Adadelta(params)} with the default options. */
    public Adadelta(Iterable<Tensor> params) {
        this(params, new Options());
    }

    /** {@code torch.optim.Adadelta(params, **options)}. */
    public Adadelta(Iterable<Tensor> params, Options options) {
        super(params, options);
    }

    /** {@code torch.optim.Adadelta(param_groups, **options)}. */
    public Adadelta(List<ParamGroup> groups, Options options) {
        super(groups, options);
    }

    @Override
    protected void update(ParamGroup group) {
        AdadeltaUpdate update = new AdadeltaUpdate(group.lr(), group.getDouble("rho"), group.getDouble("eps"),
                group.getDouble("weight_decay"), group.getBoolean("maximize"));
        for (Tensor p : group.params()) {
            Tensor grad = p.grad();
            if (grad == null) {
                continue;
            }
            Map<String, Object> state = initState(p, "square_avg", "acc_delta");
            incrementStep(state);
            update.apply(new Tensor[] {p, (Tensor) state.get("square_avg"), (Tensor) state.get("acc_delta")}, grad);
        }
    }
}
