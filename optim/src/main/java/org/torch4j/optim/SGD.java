package org.torch4j.optim;

import java.util.List;
import java.util.Map;
import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.optim.internal.SgdUpdate;

/**
 * Stochastic gradient descent with optional momentum, dampening, Nesterov momentum, weight decay and
 * maximization; {@code torch.optim.SGD}. State per parameter: {@code momentum_buffer} (null without momentum).
 */
public class SGD extends Optimizer {
    /** {@code SGD}'s keyword arguments; the learning rate has no default, as in PyTorch. */
    public static final class Options extends OptimizerOptions {
        /** {@code lr}, with {@code momentum=0, dampening=0, weight_decay=0, nesterov=False, maximize=False}. */
        public Options(double lr) {
            put("lr", lr);
            put("momentum", 0.0);
            put("dampening", 0.0);
            put("weight_decay", 0.0);
            put("nesterov", false);
            put("maximize", false);
        }

        /** {@code momentum} factor. */
        public Options momentum(double momentum) {
            put("momentum", momentum);
            return this;
        }

        /** {@code dampening} for momentum. */
        public Options dampening(double dampening) {
            put("dampening", dampening);
            return this;
        }

        /** {@code weight_decay} (L2 penalty). */
        public Options weightDecay(double weightDecay) {
            put("weight_decay", weightDecay);
            return this;
        }

        /** {@code nesterov} momentum. */
        public Options nesterov(boolean nesterov) {
            put("nesterov", nesterov);
            return this;
        }

        /** {@code maximize} the objective instead of minimizing it. */
        public Options maximize(boolean maximize) {
            put("maximize", maximize);
            return this;
        }

        @Override
        void validate() {
            Validate.notBelowZero(this, "lr", "learning rate");
            Validate.notBelowZero(this, "momentum", "momentum value");
            Validate.notBelowZero(this, "weight_decay", "weight_decay value");
            double momentum = ((Number) get("momentum")).doubleValue();
            double dampening = ((Number) get("dampening")).doubleValue();
            if ((Boolean) get("nesterov") && (momentum <= 0 || dampening != 0)) {
                throw new IllegalArgumentException("Nesterov momentum requires a momentum and zero dampening");
            }
        }
    }

    /** {@code torch.optim.SGD(params, **options)}. */
    public SGD(Iterable<Tensor> params, Options options) {
        super(params, options);
    }

    /** {@code torch.optim.SGD(param_groups, **options)}. */
    public SGD(List<ParamGroup> groups, Options options) {
        super(groups, options);
    }

    @Override
    protected void update(ParamGroup group) {
        double lr = group.lr();
        double momentum = group.getDouble("momentum");
        double dampening = group.getDouble("dampening");
        double weightDecay = group.getDouble("weight_decay");
        boolean nesterov = group.getBoolean("nesterov");
        boolean maximize = group.getBoolean("maximize");
        SgdUpdate steady = new SgdUpdate(lr, momentum, dampening, weightDecay, nesterov, maximize, false);
        for (Tensor p : group.params()) {
            Tensor grad = p.grad();
            if (grad == null) {
                continue;
            }
            Map<String, Object> state = stateOf(p);
            // without momentum the buffer stays None (the state entry is still written, as in PyTorch)
            Tensor buf = momentum != 0 ? (Tensor) state.get("momentum_buffer") : null;
            boolean first = momentum != 0 && buf == null;
            if (first) {
                buf = Torch.zerosLike(p);
            }
            state.put("momentum_buffer", buf);
            SgdUpdate update = first ? new SgdUpdate(lr, momentum, dampening, weightDecay, nesterov, maximize, true) : steady;
            update.apply(new Tensor[] {p, momentum != 0 ? buf : null}, grad);
        }
    }
}
