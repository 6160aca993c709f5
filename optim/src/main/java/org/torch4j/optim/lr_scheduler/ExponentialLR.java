package org.torch4j.optim.lr_scheduler;

import java.util.Map;
import org.torch4j.optim.Optimizer;

/** Multiplies the learning rates by {@code gamma} every epoch; {@code ExponentialLR}. */
public class ExponentialLR extends LRScheduler {
    private double gamma;

    /** {@code ExponentialLR(optimizer, gamma)}. */
    public ExponentialLR(Optimizer optimizer, double gamma) {
        super(optimizer);
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected double[] getLr() {
        double[] lrs = groupLrs();
        return lastEpoch == 0 ? lrs : Doubles.scale(lrs, gamma);
    }

    @Override
    protected double[] closedFormLr() {
        return Doubles.scale(baseLrs.clone(), Math.pow(gamma, lastEpoch));
    }

    @Override
    protected void saveFields(Map<String, Object> state) {
        state.put("gamma", gamma);
    }

    @Override
    protected void loadFields(Map<String, Object> state) {
        gamma = ((Number) state.getOrDefault("gamma", gamma)).doubleValue();
    }
}
