package org.torch4j.optim;

import java.util.List;
import java.util.Map;
import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.optim.internal.RmspropUpdate;

/**
 * RMSprop, optionally centered and with momentum; {@code torch.optim.RMSprop}. State per parameter: {@code step},
 * {@code square_avg}, {@code momentum_buffer} (momentum &gt; 0) and {@code grad_avg} (centered).
 */
public class RMSprop extends Optimizer {
    /** {@code RMSprop}'s keyword arguments. */
    public static final class Options extends AdaptiveOptions<Options> {
        /** The defaults: {@code lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0, centered=False}. */
        public Options() {
            this(1e-2);
        }

        /** The defaults with learning rate {@code lr}. */
        public Options(double lr) {
            put("lr", lr);
            put("momentum", 0.0);
            put("alpha", 0.99);
            put("eps", 1e-8);
            put("centered", false);
            put("weight_decay", 0.0);
            put("maximize", false);
        }

        @Override
        protected Options self() {
            return this;
        }

        /** {@code momentum} factor. */
        public Options momentum(double momentum) {
            put("momentum", momentum);
            return this;
        }

        /** {@code alpha}: smoothing constant of the squared-gradient average. */
        public Options alpha(double alpha) {
            put("alpha", alpha);
            return this;
        }

        /** {@code centered}: normalize by the estimated variance of the gradient. */
        public Options centered(boolean centered) {
            put("centered", centered);
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
            Validate.notNegative(this, "eps", "epsilon value");
            Validate.notNegative(this, "momentum", "momentum value");
            Validate.notNegative(this, "weight_decay", "weight_decay value");
            Validate.notNegative(this, "alpha", "alpha value");
        }
    }

    /** {@code torch.optim.RMSprop(params)} with the default options. */
    public RMSprop(Iterable<Tensor> params) {
        this(params, new Options());
    }

    /** {@code torch.optim.RMSprop(params, **options)}. */
    public RMSprop(Iterable<Tensor> params, Options options) {
        super(params, options);
    }

    /** {@code torch.optim.RMSprop(param_groups, **options)}. */
    public RMSprop(List<ParamGroup> groups, Options options) {
        super(groups, options);
    }

    @Override
    protected void update(ParamGroup group) {
        double momentum = group.getDouble("momentum");
        boolean centered = group.getBoolean("centered");
        RmspropUpdate update = new RmspropUpdate(group.lr(), group.getDouble("alpha"), group.getDouble("eps"),
                group.getDouble("weight_decay"), momentum, centered, group.getBoolean("maximize"));
        for (Tensor p : group.params()) {
            Tensor grad = p.grad();
            if (grad == null) {
                continue;
            }
            Map<String, Object> state = initState(p, "square_avg");
            Tensor buf = momentum > 0
                    ? (Tensor) state.computeIfAbsent("momentum_buffer", k -> Torch.zerosLike(p)) : null;
            Tensor gradAvg = centered ? (Tensor) state.computeIfAbsent("grad_avg", k -> Torch.zerosLike(p)) : null;
            incrementStep(state);
            update.apply(new Tensor[] {p, (Tensor) state.get("square_avg"), gradAvg, buf}, grad);
        }
    }
}
