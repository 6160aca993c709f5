package org.torch4j.optim.lr_scheduler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.torch4j.optim.Optimizer;
import org.torch4j.optim.ParamGroup;

/**
 * Runs schedulers one after another, switching at the milestone epochs (for example a {@link LinearLR} warm-up
 * then a decay); {@code SequentialLR}. A scheduler taking over starts from its epoch 0 ({@code step(0)}).
 */
public class SequentialLR extends LRScheduler {
    private final List<LRScheduler> schedulers;
    private int[] milestones;

    /** {@code SequentialLR(optimizer, schedulers, milestones)}: one milestone fewer than schedulers. */
    public SequentialLR(Optimizer optimizer, List<LRScheduler> schedulers, int[] milestones) {
        super(optimizer);
        for (int i = 0; i < schedulers.size(); i++) {
            if (schedulers.get(i).optimizer() != optimizer) {
                throw new IllegalArgumentException("Sequential Schedulers expects all schedulers to belong to the same "
                        + "optimizer, but got schedulers at index " + i
                        + " to be different than the optimizer passed in.");
            }
        }
        if (milestones.length != schedulers.size() - 1) {
            throw new IllegalArgumentException("Sequential Schedulers expects number of schedulers provided to be one "
                    + "more than the number of milestone points, but got number of schedulers " + schedulers.size()
                    + " and the number of milestones to be equal to " + milestones.length);
        }
        this.schedulers = new ArrayList<>(schedulers);
        this.milestones = milestones.clone();
        this.lastEpoch = 0;
        for (ParamGroup group : optimizer.paramGroups()) {
            group.setLr(group.getDouble("initial_lr"));
        }
        for (LRScheduler scheduler : schedulers) {
            scheduler.lastEpoch -= 1;
        }
        schedulers.get(0).initialStep();
        setLastLr(schedulers.get(0).getLastLr());
    }

    /** {@code scheduler.step()}: steps the scheduler in charge of the next epoch. */
    @Override
    public void step() {
        lastEpoch++;
        int idx = bisectRight(milestones, lastEpoch);
        LRScheduler scheduler = schedulers.get(idx);
        if (idx > 0 && milestones[idx - 1] == lastEpoch) {
            scheduler.step(0);
        } else {
            scheduler.step();
        }
        setLastLr(scheduler.getLastLr());
    }

    /** Not supported: {@code SequentialLR.step()} takes no epoch in PyTorch either. */
    @Override
    public void step(int epoch) {
        throw new UnsupportedOperationException("SequentialLR.step() takes no epoch");
    }

    /** SequentialLR has no schedule of its own (PyTorch's {@code get_lr()} raises NotImplementedError). */
    @Override
    protected double[] getLr() {
        throw new UnsupportedOperationException("SequentialLR delegates to its schedulers");
    }

    private static int bisectRight(int[] sorted, int x) {
        int i = 0;
        while (i < sorted.length && sorted[i] <= x) {
            i++;
        }
        return i;
    }

    /** {@code state_dict()}: {@code _milestones}, {@code last_epoch}, {@code _last_lr} and the schedulers' own. */
    @Override
    public Map<String, Object> stateDict() {
        Map<String, Object> s = new LinkedHashMap<>();
        saveFields(s);
        s.put("last_epoch", lastEpoch);
        s.put("_last_lr", getLastLr());
        return s;
    }

    @Override
    protected void saveFields(Map<String, Object> state) {
        List<Integer> ms = new ArrayList<>();
        Arrays.stream(milestones).forEach(ms::add);
        state.put("_milestones", ms);
        List<Map<String, Object>> dicts = new ArrayList<>();
        for (LRScheduler s : schedulers) {
            dicts.add(s.stateDict());
        }
        state.put("_schedulers", dicts);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void loadFields(Map<String, Object> state) {
        if (state.containsKey("_milestones")) {
            milestones = ((List<?>) state.get("_milestones")).stream().mapToInt(v -> ((Number) v).intValue()).toArray();
        }
        if (state.containsKey("_schedulers")) {
            List<Map<String, Object>> dicts = (List<Map<String, Object>>) state.get("_schedulers");
            for (int i = 0; i < dicts.size(); i++) {
                schedulers.get(i).loadStateDict(dicts.get(i));
            }
        }
    }
}
