package org.torch4j.optim;

import java.util.List;
import java.util.Map;
import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.optim.internal.AdamUpdate;

/**
 * The update shared by {@link Adam} (L2 weight decay) and {@link AdamW} (decoupled weight decay). State per
 * parameter: {@code step}, {@code exp_avg}, {@code exp_avg_sq} and, with amsgrad, {@code max_exp_avg_sq}.
 */
abstract class AdamCore extends Optimizer {
    private final boolean decoupled;

    AdamCore(Iterable<Tensor> params, OptimizerOptions options, boolean decoupled) {
        super(params, options);
        this.decoupled = decoupled;
    }

    AdamCore(List<ParamGroup> groups, OptimizerOptions options, boolean decoupled) {
        super(groups, options);
        this.decoupled = decoupled;
    }

    @Override
    protected void update(ParamGroup group) {
        double lr = group.lr();
        double beta1 = group.getDouble("betas", 0);
        double beta2 = group.getDouble("betas", 1);
        double eps = group.getDouble("eps");
        double weightDecay = group.getDouble("weight_decay");
        boolean amsgrad = group.getBoolean("amsgrad");
        boolean maximize = group.getBoolean("maximize");
        for (Tensor p : group.params()) {
            Tensor grad = p.grad();
            if (grad == null) {
                continue;
            }
            Map<String, Object> state = initState(p, "exp_avg", "exp_avg_sq");
            Tensor maxExpAvgSq = amsgrad
                    ? (Tensor) state.computeIfAbsent("max_exp_avg_sq", k -> Torch.zerosLike(p)) : null;
            long step = incrementStep(state);
            new AdamUpdate(lr, beta1, beta2, eps, weightDecay, decoupled, amsgrad, maximize, step)
                    .apply(new Tensor[] {p, (Tensor) state.get("exp_avg"), (Tensor) state.get("exp_avg_sq"),
                        maxExpAvgSq}, grad);
        }
    }
}
