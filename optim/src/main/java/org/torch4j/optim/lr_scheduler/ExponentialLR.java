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
        if (lastEpoch == 0) {
            return lrs;
        }
        for (int i = 0; i < lrs.length; i++) {
            lrs[i] *= gamma;
        }
        return lrs;
    }

    @Override
    protected double[] closedFormLr() {
        double[] lrs = baseLrs.clone();
        for (int i = 0; i < lrs.length; i++) {
            lrs[i] *= Math.pow(gamma, lastEpoch);
        }
        return lrs;
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
