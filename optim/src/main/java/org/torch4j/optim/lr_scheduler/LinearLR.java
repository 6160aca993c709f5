package org.torch4j.optim.lr_scheduler;

import java.util.Map;
import org.torch4j.optim.Optimizer;

/**
 * Scales the learning rates by a factor that changes linearly from {@code start_factor} to {@code end_factor}
 * over {@code total_iters} epochs (a warm-up); {@code LinearLR}.
 */
public class LinearLR extends LRScheduler {
    private double startFactor;
    private double endFactor;
    private int totalIters;

    /** {@code LinearLR(optimizer)}: {@code start_factor=1/3, end_factor=1.0, total_iters=5}. */
    public LinearLR(Optimizer optimizer) {
        this(optimizer, 1.0 / 3, 1.0, 5);
    }

    /** {@code LinearLR(optimizer, start_factor, end_factor, total_iters)}. */
    public LinearLR(Optimizer optimizer, double startFactor, double endFactor, int totalIters) {
        super(optimizer);
        if (startFactor > 1.0 || startFactor < 0) {
            throw new IllegalArgumentException("Starting multiplicative factor expected to be between 0 and 1.");
        }
        if (endFactor > 1.0 || endFactor < 0) {
            throw new IllegalArgumentException("Ending multiplicative factor expected to be between 0 and 1.");
        }
        this.startFactor = startFactor;
        this.endFactor = endFactor;
        this.totalIters = totalIters;
        initialStep();
    }

    @Override
    protected double[] getLr() {
        double[] lrs = groupLrs();
        if (lastEpoch == 0) {
            return Doubles.scale(lrs, startFactor);
        }
        if (lastEpoch > totalIters) {
            return lrs;
        }
        return Doubles.scale(lrs, 1. + (endFactor - startFactor)
                / (totalIters * startFactor + (lastEpoch - 1) * (endFactor - startFactor)));
    }

    @Override
    protected double[] closedFormLr() {
        return Doubles.scale(baseLrs.clone(),
                startFactor + (endFactor - startFactor) * Math.min(totalIters, lastEpoch) / totalIters);
    }

    @Override
    protected void saveFields(Map<String, Object> state) {
        state.put("start_factor", startFactor);
        state.put("end_factor", endFactor);
        state.put("total_iters", totalIters);
    }

    @Override
    protected void loadFields(Map<String, Object> state) {
        startFactor = ((Number) state.getOrDefault("start_factor", startFactor)).doubleValue();
        endFactor = ((Number) state.getOrDefault("end_factor", endFactor)).doubleValue();
        totalIters = ((Number) state.getOrDefault("total_iters", totalIters)).intValue();
    }
}
