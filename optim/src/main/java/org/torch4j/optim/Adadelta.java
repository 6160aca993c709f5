package org.torch4j.optim;

import java.util.List;
import java.util.Map;
import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.optim.internal.AdadeltaUpdate;

/**
 * Adadelta; {@code torch.optim.Adadelta}. State per parameter: {@code step}, {@code square_avg} and
 * {@code acc_delta}.
 */
public class Adadelta extends Optimizer {
    /** {@code Adadelta}'s keyword arguments. */
    public static final class Options extends OptimizerOptions {
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

        /** {@code lr}: scales the delta before it is applied. */
        public Options lr(double lr) {
            put("lr", lr);
            return this;
        }

        /** {@code rho}: the coefficient of the running averages. */
        public Options rho(double rho) {
            put("rho", rho);
            return this;
        }

        /** {@code eps}: added inside the square roots. */
        public Options eps(double eps) {
            put("eps", eps);
            return this;
        }

        /** {@code weight_decay} (L2 penalty). */
        public Options weightDecay(double weightDecay) {
            put("weight_decay", weightDecay);
            return this;
        }

        /** {@code maximize} the objective. */
        public Options maximize(boolean maximize) {
            put("maximize", maximize);
            return this;
        }
    }

    /** {@code torch.optim.Adadelta(params)} with the default options. */
    public Adadelta(Iterable<Tensor> params) {
        this(params, new Options());
    }

    /** {@code torch.optim.Adadelta(params, **options)}. */
    public Adadelta(Iterable<Tensor> params, Options options) {
        super(params, validate(options));
    }

    /** {@code torch.optim.Adadelta(param_groups, **options)}. */
    public Adadelta(List<ParamGroup> groups, Options options) {
        super(groups, validate(options));
    }

    private static Options validate(Options o) {
        Validate.notNegative(o, "lr", "learning rate");
        double rho = ((Number) o.get("rho")).doubleValue();
        if (!(0.0 <= rho && rho <= 1.0)) {
            throw Validate.invalid("rho value", rho);
        }
        Validate.notNegative(o, "eps", "epsilon value");
        Validate.notNegative(o, "weight_decay", "weight_decay value");
        return o;
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
            Map<String, Object> state = stateOf(p);
            if (state.isEmpty()) {
                state.put("step", 0L);
                state.put("square_avg", Torch.zerosLike(p));
                state.put("acc_delta", Torch.zerosLike(p));
            }
            state.put("step", ((Number) state.get("step")).longValue() + 1);
            update.apply(new Tensor[] {p, (Tensor) state.get("square_avg"), (Tensor) state.get("acc_delta")}, grad);
        }
    }
}
