package org.torch4j.optim.lr_scheduler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.torch4j.optim.Optimizer;
import org.torch4j.optim.ParamGroup;

/**
 * Reduces the learning rates by {@code factor} when a metric has stopped improving for {@code patience} epochs;
 * {@code ReduceLROnPlateau} (not an epoch-based scheduler: {@link #step(double)} takes the metric).
 */
public class ReduceLROnPlateau {
    /** {@code ReduceLROnPlateau}'s keyword arguments. */
    public static final class Options {
        private String mode = "min";
        private double factor = 0.1;
        private int patience = 10;
        private double threshold = 1e-4;
        private String thresholdMode = "rel";
        private int cooldown;
        private double[] minLr = {0};
        private double eps = 1e-8;

        /** {@code mode}: {@code "min"} (default; the metric should decrease) or {@code "max"}. */
        public Options mode(String mode) {
            this.mode = mode;
            return this;
        }

        /** {@code factor}: {@code new_lr = lr * factor} (default 0.1, must be below 1). */
        public Options factor(double factor) {
            this.factor = factor;
            return this;
        }

        /** {@code patience}: epochs without improvement before reducing (default 10). */
        public Options patience(int patience) {
            this.patience = patience;
            return this;
        }

        /** {@code threshold}: the least change that counts as an improvement (default 1e-4). */
        public Options threshold(double threshold) {
            this.threshold = threshold;
            return this;
        }

        /** {@code threshold_mode}: {@code "rel"} (default) or {@code "abs"}. */
        public Options thresholdMode(String thresholdMode) {
            this.thresholdMode = thresholdMode;
            return this;
        }

        /** {@code cooldown}: epochs to wait after a reduction (default 0). */
        public Options cooldown(int cooldown) {
            this.cooldown = cooldown;
            return this;
        }

        /** {@code min_lr}: one lower bound for every group, or one per group (default 0). */
        public Options minLr(double... minLr) {
            this.minLr = minLr.clone();
            return this;
        }

        /** {@code eps}: reductions smaller than this are skipped (default 1e-8). */
        public Options eps(double eps) {
            this.eps = eps;
            return this;
        }
    }

    private final Optimizer optimizer;
    private double factor;
    private double[] minLrs;
    private int patience;
    private int cooldown;
    private int cooldownCounter;
    private String mode;
    private double threshold;
    private String thresholdMode;
    private double best;
    private int numBadEpochs;
    private double modeWorse;
    private double eps;
    private int lastEpoch;
    private double[] lastLr;

    /** {@code ReduceLROnPlateau(optimizer)} with the default options. */
    public ReduceLROnPlateau(Optimizer optimizer) {
        this(optimizer, new Options());
    }

    /** {@code ReduceLROnPlateau(optimizer, **options)}. */
    public ReduceLROnPlateau(Optimizer optimizer, Options options) {
        if (options.factor >= 1.0) {
            throw new IllegalArgumentException("Factor should be < 1.0.");
        }
        this.factor = options.factor;
        this.optimizer = optimizer;
        int groups = optimizer.paramGroups().size();
        if (options.minLr.length != 1 && options.minLr.length != groups) {
            throw new IllegalArgumentException("expected " + groups + " min_lrs, got " + options.minLr.length);
        }
        this.minLrs = Doubles.perGroup("min_lr", options.minLr, groups);
        this.patience = options.patience;
        this.cooldown = options.cooldown;
        this.eps = options.eps;
        initIsBetter(options.mode, options.threshold, options.thresholdMode);
        reset();
        this.lastLr = groupLrs();
    }

    private void initIsBetter(String mode, double threshold, String thresholdMode) {
        if (!mode.equals("min") && !mode.equals("max")) {
            throw new IllegalArgumentException("mode " + mode + " is unknown!");
        }
        if (!thresholdMode.equals("rel") && !thresholdMode.equals("abs")) {
            throw new IllegalArgumentException("threshold mode " + thresholdMode + " is unknown!");
        }
        this.modeWorse = mode.equals("min") ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        this.mode = mode;
        this.threshold = threshold;
        this.thresholdMode = thresholdMode;
    }

    private void reset() {
        best = modeWorse;
        cooldownCounter = 0;
        numBadEpochs = 0;
    }

    private double[] groupLrs() {
        List<ParamGroup> groups = optimizer.paramGroups();
        double[] lrs = new double[groups.size()];
        for (int i = 0; i < lrs.length; i++) {
            lrs[i] = groups.get(i).lr();
        }
        return lrs;
    }

    /** {@code scheduler.step(metrics)}: records one epoch's metric and reduces the learning rates on a plateau. */
    public void step(double metric) {
        lastEpoch = lastEpoch + 1;
        if (isBetter(metric, best)) {
            best = metric;
            numBadEpochs = 0;
        } else {
            numBadEpochs++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            numBadEpochs = 0;
        }
        if (numBadEpochs > patience) {
            reduceLr();
            cooldownCounter = cooldown;
            numBadEpochs = 0;
        }
        lastLr = groupLrs();
    }

    private void reduceLr() {
        List<ParamGroup> groups = optimizer.paramGroups();
        for (int i = 0; i < groups.size(); i++) {
            double oldLr = groups.get(i).lr();
            double scaled = oldLr * factor;
            double newLr = minLrs[i] > scaled ? minLrs[i] : scaled;
            if (oldLr - newLr > eps) {
                groups.get(i).setLr(newLr);
            }
        }
    }

    private boolean isBetter(double a, double best) {
        if (mode.equals("min") && thresholdMode.equals("rel")) {
            return a < best * (1. - threshold);
        }
        if (mode.equals("min")) {
            return a < best - threshold;
        }
        if (thresholdMode.equals("rel")) {
            return a > best * (threshold + 1.);
        }
        return a > best + threshold;
    }

    /** {@code scheduler.last_epoch}: the number of {@code step} calls. */
    public int lastEpoch() {
        return lastEpoch;
    }

    /** The learning rates after the last step, one per group. */
    public List<Double> getLastLr() {
        return Doubles.list(lastLr);
    }

    /** {@code scheduler.state_dict()} under PyTorch's field names. */
    public Map<String, Object> stateDict() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("factor", factor);
        s.put("min_lrs", Doubles.list(minLrs));
        s.put("patience", patience);
        s.put("cooldown", cooldown);
        s.put("cooldown_counter", cooldownCounter);
        s.put("mode", mode);
        s.put("threshold", threshold);
        s.put("threshold_mode", thresholdMode);
        s.put("best", best);
        s.put("num_bad_epochs", numBadEpochs);
        s.put("mode_worse", modeWorse);
        s.put("eps", eps);
        s.put("last_epoch", lastEpoch);
        s.put("_last_lr", Doubles.list(lastLr));
        return s;
    }

    /** {@code scheduler.load_state_dict(state)}. */
    public void loadStateDict(Map<String, Object> state) {
        factor = ((Number) state.get("factor")).doubleValue();
        minLrs = Doubles.array((List<?>) state.get("min_lrs"));
        patience = ((Number) state.get("patience")).intValue();
        cooldown = ((Number) state.get("cooldown")).intValue();
        cooldownCounter = ((Number) state.get("cooldown_counter")).intValue();
        best = ((Number) state.get("best")).doubleValue();
        numBadEpochs = ((Number) state.get("num_bad_epochs")).intValue();
        eps = ((Number) state.get("eps")).doubleValue();
        lastEpoch = ((Number) state.get("last_epoch")).intValue();
        lastLr = Doubles.array((List<?>) state.get("_last_lr"));
        initIsBetter((String) state.get("mode"), ((Number) state.get("threshold")).doubleValue(),
                (String) state.get("threshold_mode"));
    }
}
