package org.torch4j.optim.lr_scheduler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.torch4j.optim.Optimizer;
import org.torch4j.optim.ParamGroup;

/**
 * Base class of the epoch-based learning-rate schedulers; {@code torch.optim.lr_scheduler._LRScheduler}
 * (PyTorch 1.13). A scheduler sets each parameter group's {@code lr} when it is created (epoch 0) and at every
 * {@link #step()}; call {@code optimizer.step()} before {@code scheduler.step()}. Subclasses give the chainable
 * form of their schedule ({@link #getLr()}, computed from the groups' current learning rates, as PyTorch does by
 * default) and, where PyTorch has one, the closed form used by the deprecated {@link #step(int)}.
 *
 * <p>Concrete constructors end with {@link #initialStep()}, PyTorch's {@code _initial_step()}.
 */
public abstract class LRScheduler {
    /** The optimizer whose learning rates this scheduler sets. */
    protected final Optimizer optimizer;
    /** {@code base_lrs}: each group's {@code initial_lr}. */
    protected double[] baseLrs;
    /** {@code last_epoch}: the index of the current epoch (-1 before the initial step). */
    protected int lastEpoch = -1;
    /** {@code _step_count}: the number of {@code step()} calls, the initial one included. */
    protected int stepCount;
    private double[] lastLr;

    /** Records each group's {@code initial_lr} (keeping one already set) as {@code base_lrs}. */
    protected LRScheduler(Optimizer optimizer) {
        this.optimizer = optimizer;
        List<ParamGroup> groups = optimizer.paramGroups();
        baseLrs = new double[groups.size()];
        for (int i = 0; i < baseLrs.length; i++) {
            ParamGroup group = groups.get(i);
            if (!group.has("initial_lr")) {
                group.set("initial_lr", group.lr());
            }
            baseLrs[i] = group.getDouble("initial_lr");
        }
    }

    /** {@code _initial_step()}: resets the step count and takes the step to epoch 0. */
    protected final void initialStep() {
        stepCount = 0;
        step();
    }

    /** The optimizer this scheduler drives. */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** {@code scheduler.last_epoch}. */
    public int lastEpoch() {
        return lastEpoch;
    }

    /** {@code scheduler.step()}: advances one epoch and sets the groups' learning rates. */
    public void step() {
        stepCount++;
        lastEpoch++;
        apply(getLr());
    }

    /**
     * {@code scheduler.step(epoch)} (deprecated in PyTorch): jumps to {@code epoch}, using the closed form of the
     * schedule where there is one.
     */
    public void step(int epoch) {
        stepCount++;
        lastEpoch = epoch;
        double[] closed = closedFormLr();
        apply(closed != null ? closed : getLr());
    }

    /** {@code get_lr()}: the chainable form, each group's learning rate at {@link #lastEpoch}. */
    protected abstract double[] getLr();

    /** {@code _get_closed_form_lr()}, or null when the schedule has none. */
    protected double[] closedFormLr() {
        return null;
    }

    /** The groups' current learning rates. */
    protected final double[] groupLrs() {
        List<ParamGroup> groups = optimizer.paramGroups();
        double[] lrs = new double[groups.size()];
        for (int i = 0; i < lrs.length; i++) {
            lrs[i] = groups.get(i).lr();
        }
        return lrs;
    }

    /** Sets the groups' learning rates and records them as the last ones. */
    protected final void apply(double[] lrs) {
        List<ParamGroup> groups = optimizer.paramGroups();
        for (int i = 0; i < lrs.length; i++) {
            groups.get(i).setLr(lrs[i]);
        }
        lastLr = groupLrs();
    }

    /** Records the last learning rates (for schedulers that set them in their own way). */
    protected final void setLastLr(List<Double> lrs) {
        lastLr = new double[lrs.size()];
        for (int i = 0; i < lastLr.length; i++) {
            lastLr[i] = lrs.get(i);
        }
    }

    /** {@code scheduler.get_last_lr()}: the learning rates the last step set, one per group. */
    public List<Double> getLastLr() {
        return Doubles.list(lastLr);
    }

    /**
     * {@code scheduler.state_dict()}: {@code base_lrs}, {@code last_epoch}, {@code _step_count}, {@code _last_lr}
     * and the schedule's own fields, under PyTorch's names.
     */
    public Map<String, Object> stateDict() {
        Map<String, Object> s = new LinkedHashMap<>();
        saveFields(s);
        s.put("base_lrs", Doubles.list(baseLrs));
        s.put("last_epoch", lastEpoch);
        s.put("_step_count", stepCount);
        s.put("_last_lr", getLastLr());
        return s;
    }

    /** {@code scheduler.load_state_dict(state)}: sets the fields present in {@code state}. */
    public void loadStateDict(Map<String, Object> state) {
        loadFields(state);
        if (state.containsKey("base_lrs")) {
            baseLrs = Doubles.array((List<?>) state.get("base_lrs"));
        }
        if (state.containsKey("last_epoch")) {
            lastEpoch = ((Number) state.get("last_epoch")).intValue();
        }
        if (state.containsKey("_step_count")) {
            stepCount = ((Number) state.get("_step_count")).intValue();
        }
        if (state.containsKey("_last_lr")) {
            lastLr = Doubles.array((List<?>) state.get("_last_lr"));
        }
    }

    /** Adds the schedule's own fields to a state dict. */
    protected abstract void saveFields(Map<String, Object> state);

    /** Reads the schedule's own fields from a state dict (those present). */
    protected abstract void loadFields(Map<String, Object> state);
}
