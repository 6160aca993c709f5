package org.torch4j.optim;

import java.util.List;
import java.util.Map;
import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.optim.internal.NadamUpdate;

/**
 * NAdam, Adam with Nesterov momentum; {@code torch.optim.NAdam}. State per parameter: {@code step},
 * {@code mu_product}, {@code exp_avg} and {@code exp_avg_sq}. PyTorch keeps {@code mu_product} in a float32
 * 0-dim tensor whatever the parameters' dtype; it is computed here with the same float32 roundings.
 */
public class NAdam extends Optimizer {
    /** {@code NAdam}'s keyword arguments. */
    public static final class Options extends AdamFamilyOptions<Options> {
        /** The defaults: {@code lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, momentum_decay=4e-3}. */
        public Options() {
            this(2e-3);
        }

        /** The defaults with learning rate {@code lr}. */
        public Options(double lr) {
            super(lr, 0.0);
            put("momentum_decay", 4e-3);
        }

        @Override
        protected Options self() {
            return this;
        }

        /** {@code momentum_decay}. */
        public Options momentumDecay(double momentumDecay) {
            put("momentum_decay", momentumDecay);
            return this;
        }

        @Override
        void validate() {
            super.validate();
            Validate.notNegative(this, "momentum_decay", "momentum_decay value");
        }
    }

    /** {@code torch.optim.NAdam(params)} with the default options. */
    public NAdam(Iterable<Tensor> params) {
        this(params, new Options());
    }

    /** {@code torch.optim.NAdam(params, **options)}. */
    public NAdam(Iterable<Tensor> params, Options options) {
        super(params, options);
    }

    /** {@code torch.optim.NAdam(param_groups, **options)}. */
    public NAdam(List<ParamGroup> groups, Options options) {
        super(groups, options);
    }

    @Override
    protected void update(ParamGroup group) {
        double beta1 = group.getDouble("betas", 0);
        double momentumDecay = group.getDouble("momentum_decay");
        for (Tensor p : group.params()) {
            Tensor grad = p.grad();
            if (grad == null) {
                continue;
            }
            Map<String, Object> state = stateOf(p);
            if (state.isEmpty()) {
                state.put("step", 0L);
                state.put("mu_product", 1.0);
                state.put("exp_avg", Torch.zerosLike(p));
                state.put("exp_avg_sq", Torch.zerosLike(p));
            }
            long step = incrementStep(state);
            double mu = beta1 * (1. - 0.5 * Math.pow(0.96, step * momentumDecay));
            double muNext = beta1 * (1. - 0.5 * Math.pow(0.96, (step + 1) * momentumDecay));
            float muProduct = ((Number) state.get("mu_product")).floatValue() * (float) mu;
            float muProductNext = muProduct * (float) mu * (float) muNext;
            state.put("mu_product", (double) muProduct);
            new NadamUpdate(group.lr(), beta1, group.getDouble("betas", 1), group.getDouble("eps"),
                    group.getDouble("weight_decay"), step, mu, muNext, muProduct, muProductNext)
                    .apply(new Tensor[] {p, (Tensor) state.get("exp_avg"), (Tensor) state.get("exp_avg_sq")}, grad);
        }
    }
}
