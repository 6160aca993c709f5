package org.torch4j.optim.lr_scheduler;

import java.util.Map;
import java.util.TreeMap;
import org.torch4j.optim.Optimizer;

/**
 * Multiplies the learning rates by {@code gamma} at each milestone epoch (by {@code gamma^k} for a milestone
 * listed k times); {@code MultiStepLR}.
 */
public class MultiStepLR extends LRScheduler {
    private Map<Integer, Integer> milestones = new TreeMap<>();
    private double gamma;

    /** {@code MultiStepLR(optimizer, milestones)} with {@code gamma=0.1}. */
    public MultiStepLR(Optimizer optimizer, int[] milestones) {
        this(optimizer, milestones, 0.1);
    }

    /** {@code MultiStepLR(optimizer, milestones, gamma)}. */
    public MultiStepLR(Optimizer optimizer, int[] milestones, double gamma) {
        super(optimizer);
        for (int m : milestones) {
            this.milestones.merge(m, 1, Integer::sum);
        }
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected double[] getLr() {
        double[] lrs = groupLrs();
        Integer count = milestones.get(lastEpoch);
        return count == null ? lrs : Doubles.scale(lrs, Math.pow(gamma, count));
    }

    @Override
    protected double[] closedFormLr() {
        int passed = 0;
        for (Map.Entry<Integer, Integer> m : milestones.entrySet()) {
            if (m.getKey() <= lastEpoch) {
                passed += m.getValue();
            }
        }
        return Doubles.scale(baseLrs.clone(), Math.pow(gamma, passed));
    }

    @Override
    protected void saveFields(Map<String, Object> state) {
        state.put("milestones", new TreeMap<>(milestones));
        state.put("gamma", gamma);
    }

    @Override
    protected void loadFields(Map<String, Object> state) {
        if (state.containsKey("milestones")) {
            Map<Integer, Integer> loaded = new TreeMap<>();
            ((Map<?, ?>) state.get("milestones")).forEach((k, v) ->
                    loaded.put(((Number) k).intValue(), ((Number) v).intValue()));
            milestones = loaded;
        }
        gamma = ((Number) state.getOrDefault("gamma", gamma)).doubleValue();
    }
}
