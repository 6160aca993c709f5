package org.torch4j.optim;

import java.util.List;
import java.util.Map;
import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.optim.internal.AdagradUpdate;

/**
 * Adagrad; {@code torch.optim.Adagrad} (dense gradients). State per parameter, created by the constructor:
 * {@code step} and {@code sum} (filled with {@code initial_accumulator_value}).
 */
public class Adagrad extends Optimizer {
    /** {@code Adagrad}'s keyword arguments. */
    public static final class Options extends AdaptiveOptions<Options> {
        /** The defaults: {@code lr=1e-2, lr_decay=0, weight_decay=0, initial_accumulator_value=0, eps=1e-10}. */
        public Options() {
            this(1e-2);
        }

        /** The defaults with learning rate {@code lr}. */
        public Options(double lr) {
            put("lr", lr);
            put("lr_decay", 0.0);
            put("eps", 1e-10);
            put("weight_decay", 0.0);
            put("initial_accumulator_value", 0.0);
            put("maximize", false);
        }

        @Override
        protected Options self() {
            return this;
        }

        /** {@code lr_decay}: the learning rate at step t is {@code lr / (1 + (t - 1) * lr_decay)}. */
        public Options lrDecay(double lrDecay) {
            put("lr_decay", lrDecay);
            return this;
        }

        /** {@code initial_accumulator_value}: the starting value of the squared-gradient sums. */
        public Options initialAccumulatorValue(double value) {
            put("initial_accumulator_value", value);
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
            Validate.notNegative(this, "lr_decay", "lr_decay value");
            Validate.notNegative(this, "weight_decay", "weight_decay value");
            Validate.notNegative(this, "initial_accumulator_value", "initial_accumulator_value value");
            Validate.notNegative(this, "eps", "epsilon value");
        }
    }

    /** {@code torch.optim.Adagrad(params)} with the default options. */
    public Adagrad(Iterable<Tensor> params) {
        this(params, new Options());
    }

    /** {@code torch.optim.Adagrad(params, **options)}. */
    public Adagrad(Iterable<Tensor> params, Options options) {
        super(params, options);
        initSums();
    }

    /** {@code torch.optim.Adagrad(param_groups, **options)}. */
    public Adagrad(List<ParamGroup> groups, Options options) {
        super(groups, options);
        initSums();
    }

    /** PyTorch's constructor creates every parameter's state, with the default initial accumulator value. */
    private void initSums() {
        double init = ((Number) defaults().get("initial_accumulator_value")).doubleValue();
        for (ParamGroup group : paramGroups()) {
            for (Tensor p : group.params()) {
                initSum(p, init);
            }
        }
    }

    private void initSum(Tensor p, double init) {
        Map<String, Object> state = stateOf(p);
        state.put("step", 0L);
        state.put("sum", Torch.fullLike(p, init));
    }

    @Override
    protected void update(ParamGroup group) {
        for (Tensor p : group.params()) {
            Tensor grad = p.grad();
            if (grad == null) {
                continue;
            }
            Map<String, Object> state = stateOf(p);
            if (state.isEmpty()) {
                initSum(p, group.getDouble("initial_accumulator_value"));
            }
            long step = incrementStep(state);
            new AdagradUpdate(group.lr(), group.getDouble("lr_decay"), group.getDouble("eps"),
                    group.getDouble("weight_decay"), group.getBoolean("maximize"), step)
                    .apply(new Tensor[] {p, (Tensor) state.get("sum")}, grad);
        }
    }
}
