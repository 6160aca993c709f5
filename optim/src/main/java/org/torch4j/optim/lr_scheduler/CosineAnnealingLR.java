package org.torch4j.optim.lr_scheduler;

import java.util.Map;
import org.torch4j.optim.Optimizer;

/**
 * Cosine annealing from the initial learning rates to {@code eta_min} over {@code T_max} epochs (and back up over
 * the next {@code T_max}); {@code CosineAnnealingLR}. {@link #step()} uses PyTorch 1.13's recursive (chainable)
 * form, which follows the groups' current learning rates; {@link #step(int)} the closed form.
 */
public class CosineAnnealingLR extends LRScheduler {
    private int tMax;
    private double etaMin;

    /** {@code CosineAnnealingLR(optimizer, T_max)} with {@code eta_min=0}. */
    public CosineAnnealingLR(Optimizer optimizer, int tMax) {
        this(optimizer, tMax, 0);
    }

    /** {@code CosineAnnealingLR(optimizer, T_max, eta_min)}. */
    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin) {
        super(optimizer);
        this.tMax = tMax;
        this.etaMin = etaMin;
        initialStep();
    }

    @Override
    protected double[] getLr() {
        double[] lrs = groupLrs();
        if (lastEpoch == 0) {
            return lrs;
        }
        if (stepCount == 1 && lastEpoch > 0) {
            return closedFormLr();
        }
        if (Math.floorMod(lastEpoch - 1 - tMax, 2 * tMax) == 0) {
            for (int i = 0; i < lrs.length; i++) {
                lrs[i] = lrs[i] + (baseLrs[i] - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
            }
            return lrs;
        }
        for (int i = 0; i < lrs.length; i++) {
            lrs[i] = (1 + Math.cos(Math.PI * lastEpoch / tMax)) / (1 + Math.cos(Math.PI * (lastEpoch - 1) / tMax))
                    * (lrs[i] - etaMin) + etaMin;
        }
        return lrs;
    }

    @Override
    protected double[] closedFormLr() {
        return annealed(baseLrs, etaMin, lastEpoch, tMax);
    }

    /**
     * The closed form of cosine annealing, {@code eta_min + (base_lr - eta_min) * (1 + cos(pi * t / period)) / 2}
     * for each group (also {@link CosineAnnealingWarmRestarts}'s schedule within a period).
     */
    static double[] annealed(double[] baseLrs, double etaMin, double t, double period) {
        double[] lrs = new double[baseLrs.length];
        for (int i = 0; i < lrs.length; i++) {
            lrs[i] = etaMin + (baseLrs[i] - etaMin) * (1 + Math.cos(Math.PI * t / period)) / 2;
        }
        return lrs;
    }

    @Override
    protected void saveFields(Map<String, Object> state) {
        state.put("T_max", tMax);
        state.put("eta_min", etaMin);
    }

    @Override
    protected void loadFields(Map<String, Object> state) {
        tMax = ((Number) state.getOrDefault("T_max", tMax)).intValue();
        etaMin = ((Number) state.getOrDefault("eta_min", etaMin)).doubleValue();
    }
}
