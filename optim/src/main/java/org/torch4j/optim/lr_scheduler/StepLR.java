package org.torch4j.optim.lr_scheduler;

import java.util.Map;
import org.torch4j.optim.Optimizer;

/** Multiplies the learning rates by {@code gamma} every {@code step_size} epochs; {@code StepLR}. */
public class StepLR extends LRScheduler {
    private int stepSize;
    private double gamma;

    /** {@code StepLR(optimizer, step_size)} with {@code gamma=0.1}. */
    public StepLR(Optimizer optimizer, int stepSize) {
        this(optimizer, stepSize, 0.1);
    }

    /** {@code StepLR(optimizer, step_size, gamma)}. */
    public StepLR(Optimizer optimizer, int stepSize, double gamma) {
        super(optimizer);
        this.stepSize = stepSize;
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected double[] getLr() {
        double[] lrs = groupLrs();
        if (lastEpoch == 0 || Math.floorMod(lastEpoch, stepSize) != 0) {
            return lrs;
        }
        return Doubles.scale(lrs, gamma);
    }

    @Override
    protected double[] closedFormLr() {
        return Doubles.scale(baseLrs.clone(), Math.pow(gamma, Math.floorDiv(lastEpoch, stepSize)));
    }

    @Override
    protected void saveFields(Map<String, Object> state) {
        state.put("step_size", stepSize);
        state.put("gamma", gamma);
    }

    @Override
    protected void loadFields(Map<String, Object> state) {
        stepSize = ((Number) state.getOrDefault("step_size", stepSize)).intValue();
        gamma = ((Number) state.getOrDefault("gamma", gamma)).doubleValue();
    }
}
