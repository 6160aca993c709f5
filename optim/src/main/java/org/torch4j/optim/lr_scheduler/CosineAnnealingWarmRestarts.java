package org.torch4j.optim.lr_scheduler;

import java.util.Map;
import org.torch4j.optim.Optimizer;

/**
 * Cosine annealing with warm restarts (SGDR): restarts after {@code T_0} epochs, then after periods multiplied
 * by {@code T_mult}; {@code CosineAnnealingWarmRestarts}. {@link #step(double)} accepts fractional epochs (for
 * stepping within an epoch).
 */
public class CosineAnnealingWarmRestarts extends LRScheduler {
    private int t0;
    private int tI;
    private int tMult;
    private double etaMin;
    private double tCur;

    /** {@code CosineAnnealingWarmRestarts(optimizer, T_0)} with {@code T_mult=1, eta_min=0}. */
    public CosineAnnealingWarmRestarts(Optimizer optimizer, int t0) {
        this(optimizer, t0, 1, 0);
    }

    /** {@code CosineAnnealingWarmRestarts(optimizer, T_0, T_mult, eta_min)}. */
    public CosineAnnealingWarmRestarts(Optimizer optimizer, int t0, int tMult, double etaMin) {
        super(optimizer);
        if (t0 <= 0) {
            throw new IllegalArgumentException("Expected positive integer T_0, but got " + t0);
        }
        if (tMult < 1) {
            throw new IllegalArgumentException("Expected integer T_mult >= 1, but got " + tMult);
        }
        this.t0 = t0;
        this.tI = t0;
        this.tMult = tMult;
        this.etaMin = etaMin;
        this.tCur = lastEpoch;
        initialStep();
    }

    @Override
    protected double[] getLr() {
        return CosineAnnealingLR.annealed(baseLrs, etaMin, tCur, tI);
    }

    /** {@code scheduler.step()}: the next epoch, restarting when the period ends. */
    @Override
    public void step() {
        if (lastEpoch < 0) {
            step(0.0);
            return;
        }
        tCur = tCur + 1;
        if (tCur >= tI) {
            tCur = tCur - tI;
            tI = tI * tMult;
        }
        lastEpoch = lastEpoch + 1;
        apply(getLr());
    }

    /** {@code scheduler.step(epoch)}. */
    @Override
    public void step(int epoch) {
        step((double) epoch);
    }

    /** {@code scheduler.step(epoch)} with a fractional epoch, for example {@code epoch + i / iters}. */
    public void step(double epoch) {
        if (epoch < 0) {
            String shown = epoch == Math.rint(epoch) ? Long.toString((long) epoch) : Double.toString(epoch);
            throw new IllegalArgumentException("Expected non-negative epoch, but got " + shown);
        }
        if (epoch >= t0) {
            if (tMult == 1) {
                tCur = epoch % t0;
            } else {
                int n = (int) (Math.log(epoch / t0 * (tMult - 1) + 1) / Math.log(tMult));
                long power = pow(tMult, n);
                tCur = epoch - t0 * (power - 1) / (double) (tMult - 1);
                tI = (int) (t0 * power);
            }
        } else {
            tI = t0;
            tCur = epoch;
        }
        lastEpoch = (int) Math.floor(epoch);
        apply(getLr());
    }

    private static long pow(long base, int exponent) {
        long r = 1;
        for (int i = 0; i < exponent; i++) {
            r *= base;
        }
        return r;
    }

    @Override
    protected void saveFields(Map<String, Object> state) {
        state.put("T_0", t0);
        state.put("T_i", tI);
        state.put("T_mult", tMult);
        state.put("eta_min", etaMin);
        state.put("T_cur", tCur);
    }

    @Override
    protected void loadFields(Map<String, Object> state) {
        t0 = ((Number) state.getOrDefault("T_0", t0)).intValue();
        tI = ((Number) state.getOrDefault("T_i", tI)).intValue();
        tMult = ((Number) state.getOrDefault("T_mult", tMult)).intValue();
        etaMin = ((Number) state.getOrDefault("eta_min", etaMin)).doubleValue();
        tCur = ((Number) state.getOrDefault("T_cur", tCur)).doubleValue();
    }
}
