package org.torch4j.optim.lr_scheduler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.torch4j.optim.Optimizer;
import org.torch4j.optim.ParamGroup;
import org.torch4j.optim.internal.PyFloat;

/**
 * The 1cycle policy: the learning rate rises from {@code max_lr / div_factor} to {@code max_lr}, then falls to
 * {@code initial_lr / final_div_factor} (optionally in three phases), while the momentum (or Adam's beta1) cycles
 * the other way; {@code OneCycleLR}. Step it after every batch, {@code total_steps} times at most.
 */
public class OneCycleLR extends LRScheduler {
    /** {@code OneCycleLR}'s keyword arguments; give {@code total_steps} or {@code epochs} and {@code steps_per_epoch}. */
    public static final class Options {
        private final double[] maxLr;
        private Integer totalSteps;
        private Integer epochs;
        private Integer stepsPerEpoch;
        private double pctStart = 0.3;
        private String annealStrategy = "cos";
        private boolean cycleMomentum = true;
        private double[] baseMomentum = {0.85};
        private double[] maxMomentum = {0.95};
        private double divFactor = 25.;
        private double finalDivFactor = 1e4;
        private boolean threePhase;

        /** {@code max_lr}: one value for every group, or one per group. */
        public Options(double... maxLr) {
            this.maxLr = maxLr.clone();
        }

        /** {@code total_steps}. */
        public Options totalSteps(int totalSteps) {
            this.totalSteps = totalSteps;
            return this;
        }

        /** {@code epochs} (with {@link #stepsPerEpoch}, instead of {@code total_steps}). */
        public Options epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** {@code steps_per_epoch}. */
        public Options stepsPerEpoch(int stepsPerEpoch) {
            this.stepsPerEpoch = stepsPerEpoch;
            return this;
        }

        /** {@code pct_start}: the fraction of the steps spent increasing the learning rate (default 0.3). */
        public Options pctStart(double pctStart) {
            this.pctStart = pctStart;
            return this;
        }

        /** {@code anneal_strategy}: {@code "cos"} (default) or {@code "linear"}. */
        public Options annealStrategy(String annealStrategy) {
            this.annealStrategy = annealStrategy;
            return this;
        }

        /** {@code cycle_momentum} (default true). */
        public Options cycleMomentum(boolean cycleMomentum) {
            this.cycleMomentum = cycleMomentum;
            return this;
        }

        /** {@code base_momentum} (default 0.85): one value, or one per group. */
        public Options baseMomentum(double... baseMomentum) {
            this.baseMomentum = baseMomentum.clone();
            return this;
        }

        /** {@code max_momentum} (default 0.95): one value, or one per group. */
        public Options maxMomentum(double... maxMomentum) {
            this.maxMomentum = maxMomentum.clone();
            return this;
        }

        /** {@code div_factor}: {@code initial_lr = max_lr / div_factor} (default 25). */
        public Options divFactor(double divFactor) {
            this.divFactor = divFactor;
            return this;
        }

        /** {@code final_div_factor}: {@code min_lr = initial_lr / final_div_factor} (default 1e4). */
        public Options finalDivFactor(double finalDivFactor) {
            this.finalDivFactor = finalDivFactor;
            return this;
        }

        /** {@code three_phase}: a third phase annihilates the learning rate (default false). */
        public Options threePhase(boolean threePhase) {
            this.threePhase = threePhase;
            return this;
        }
    }

    /** One phase of the schedule: its last step and the group keys it anneals between. */
    private static final class Phase {
        final double endStep;
        final String startLr;
        final String endLr;
        final String startMomentum;
        final String endMomentum;

        Phase(double endStep, String startLr, String endLr, String startMomentum, String endMomentum) {
            this.endStep = endStep;
            this.startLr = startLr;
            this.endLr = endLr;
            this.startMomentum = startMomentum;
            this.endMomentum = endMomentum;
        }
    }

    private final int totalSteps;
    private final List<Phase> phases = new ArrayList<>();
    private final boolean linear;
    private final boolean cycleMomentum;
    private final boolean useBeta1;

    /** {@code OneCycleLR(optimizer, max_lr, ...)}. */
    public OneCycleLR(Optimizer optimizer, Options options) {
        super(prepare(optimizer, options));
        this.totalSteps = totalSteps(options);
        double pct = options.pctStart;
        if (options.threePhase) {
            phases.add(new Phase(pct * totalSteps - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"));
            phases.add(new Phase(2 * pct * totalSteps - 2, "max_lr", "initial_lr", "base_momentum", "max_momentum"));
            phases.add(new Phase(totalSteps - 1, "initial_lr", "min_lr", "max_momentum", "max_momentum"));
        } else {
            phases.add(new Phase(pct * totalSteps - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"));
            phases.add(new Phase(totalSteps - 1, "max_lr", "min_lr", "base_momentum", "max_momentum"));
        }
        this.linear = options.annealStrategy.equals("linear");
        this.cycleMomentum = options.cycleMomentum;
        this.useBeta1 = optimizer.defaults().containsKey("betas");
        initialStep();
    }

    private static int totalSteps(Options o) {
        if (o.totalSteps == null && o.epochs == null && o.stepsPerEpoch == null) {
            throw new IllegalArgumentException("You must define either total_steps OR (epochs AND steps_per_epoch)");
        }
        if (o.totalSteps != null) {
            if (o.totalSteps <= 0) {
                throw new IllegalArgumentException("Expected positive integer total_steps, but got " + o.totalSteps);
            }
            return o.totalSteps;
        }
        if (o.epochs == null || o.epochs <= 0) {
            throw new IllegalArgumentException("Expected positive integer epochs, but got " + o.epochs);
        }
        if (o.stepsPerEpoch == null || o.stepsPerEpoch <= 0) {
            throw new IllegalArgumentException("Expected positive integer steps_per_epoch, but got " + o.stepsPerEpoch);
        }
        return o.epochs * o.stepsPerEpoch;
    }

    /** The checks and group settings PyTorch's constructor makes before {@code _LRScheduler.__init__}. */
    private static Optimizer prepare(Optimizer optimizer, Options o) {
        totalSteps(o);
        if (o.pctStart < 0 || o.pctStart > 1) {
            throw new IllegalArgumentException("Expected float between 0 and 1 pct_start, but got "
                    + PyFloat.repr(o.pctStart));
        }
        if (!o.annealStrategy.equals("cos") && !o.annealStrategy.equals("linear")) {
            throw new IllegalArgumentException("anneal_strategy must by one of 'cos' or 'linear', instead got "
                    + o.annealStrategy);
        }
        List<ParamGroup> groups = optimizer.paramGroups();
        double[] maxLrs = Doubles.perGroup("max_lr", o.maxLr, groups.size());
        for (int i = 0; i < groups.size(); i++) {
            ParamGroup group = groups.get(i);
            group.set("initial_lr", maxLrs[i] / o.divFactor);
            group.set("max_lr", maxLrs[i]);
            group.set("min_lr", group.getDouble("initial_lr") / o.finalDivFactor);
        }
        if (o.cycleMomentum) {
            boolean betas = optimizer.defaults().containsKey("betas");
            if (!optimizer.defaults().containsKey("momentum") && !betas) {
                throw new IllegalArgumentException("optimizer must support momentum with `cycle_momentum` option "
                        + "enabled");
            }
            double[] maxMomentums = Doubles.perGroup("max_momentum", o.maxMomentum, groups.size());
            double[] baseMomentums = Doubles.perGroup("base_momentum", o.baseMomentum, groups.size());
            for (int i = 0; i < groups.size(); i++) {
                setMomentum(groups.get(i), betas, maxMomentums[i]);
                groups.get(i).set("max_momentum", maxMomentums[i]);
                groups.get(i).set("base_momentum", baseMomentums[i]);
            }
        }
        return optimizer;
    }

    private static void setMomentum(ParamGroup group, boolean betas, double momentum) {
        if (betas) {
            group.set("betas", List.of(momentum, group.getDouble("betas", 1)));
        } else {
            group.set("momentum", momentum);
        }
    }

    private double anneal(double start, double end, double pct) {
        if (linear) {
            return (end - start) * pct + start;
        }
        double cosOut = Math.cos(Math.PI * pct) + 1;
        return end + (start - end) / 2.0 * cosOut;
    }

    @Override
    protected double[] getLr() {
        int stepNum = lastEpoch;
        if (stepNum > totalSteps) {
            throw new IllegalArgumentException("Tried to step " + (stepNum + 1)
                    + " times. The specified number of total steps is " + totalSteps);
        }
        List<ParamGroup> groups = optimizer.paramGroups();
        double[] lrs = new double[groups.size()];
        for (int g = 0; g < lrs.length; g++) {
            ParamGroup group = groups.get(g);
            double startStep = 0;
            for (int i = 0; i < phases.size(); i++) {
                Phase phase = phases.get(i);
                if (stepNum <= phase.endStep || i == phases.size() - 1) {
                    double pct = (stepNum - startStep) / (phase.endStep - startStep);
                    lrs[g] = anneal(group.getDouble(phase.startLr), group.getDouble(phase.endLr), pct);
                    if (cycleMomentum) {
                        setMomentum(group, useBeta1,
                                anneal(group.getDouble(phase.startMomentum), group.getDouble(phase.endMomentum), pct));
                    }
                    break;
                }
                startStep = phase.endStep;
            }
        }
        return lrs;
    }

    @Override
    protected void saveFields(Map<String, Object> state) {
        state.put("total_steps", totalSteps);
        List<Map<String, Object>> schedule = new ArrayList<>();
        for (Phase phase : phases) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("end_step", phase.endStep);
            p.put("start_lr", phase.startLr);
            p.put("end_lr", phase.endLr);
            p.put("start_momentum", phase.startMomentum);
            p.put("end_momentum", phase.endMomentum);
            schedule.add(p);
        }
        state.put("_schedule_phases", schedule);
        state.put("cycle_momentum", cycleMomentum);
        if (cycleMomentum) {
            state.put("use_beta1", useBeta1);
        }
    }

    /** The schedule is fixed at construction; only the epoch, step count and learning rates are loaded. */
    @Override
    protected void loadFields(Map<String, Object> state) {
    }
}
