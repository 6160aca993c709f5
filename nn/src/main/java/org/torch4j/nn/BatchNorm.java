package org.torch4j.nn;

import org.torch4j.DType;
import org.torch4j.GradGuard;
import org.torch4j.Tensor;
import org.torch4j.TensorOptions;
import org.torch4j.Torch;
import org.torch4j.nn.functional.F;
import org.torch4j.nn.internal.PyRepr;

/**
 * The batch normalisation layers' shared state and forward ({@code torch.nn.modules.batchnorm._BatchNorm}):
 * weight and bias (affine), running_mean, running_var and num_batches_tracked (track_running_stats).
 * Training normalises with the batch statistics and updates the running ones; eval uses the running ones.
 */
public abstract class BatchNorm extends Module {
    /** {@code nn.BatchNorm*d(num_features, ...)} keyword arguments. */
    public static final class Options {
        private final int numFeatures;
        private double eps = 1e-5;
        private Double momentum = 0.1;
        private boolean affine = true;
        private boolean trackRunningStats = true;

        /** {@code num_features}: C of the (N, C, ...) input. */
        public Options(int numFeatures) {
            this.numFeatures = numFeatures;
        }

        /** {@code eps=} (default 1e-5). */
        public Options eps(double value) {
            eps = value;
            return this;
        }

        /** {@code momentum=} (default 0.1); null gives a cumulative moving average. */
        public Options momentum(Double value) {
            momentum = value;
            return this;
        }

        /** {@code affine=}: learnable weight and bias (default true). */
        public Options affine(boolean value) {
            affine = value;
            return this;
        }

        /** {@code track_running_stats=} (default true). */
        public Options trackRunningStats(boolean value) {
            trackRunningStats = value;
            return this;
        }
    }

    private final Options options;

    /** Registers weight and bias (affine) and the running statistics (track_running_stats). */
    protected BatchNorm(Options options) {
        this.options = options;
        int c = options.numFeatures;
        registerParameter("weight", options.affine ? Torch.ones(c) : null);
        registerParameter("bias", options.affine ? Torch.zeros(c) : null);
        registerBuffer("running_mean", options.trackRunningStats ? Torch.zeros(c) : null);
        registerBuffer("running_var", options.trackRunningStats ? Torch.ones(c) : null);
        registerBuffer("num_batches_tracked", options.trackRunningStats
                ? Torch.zeros(new int[0], TensorOptions.ofDType(DType.INT64)) : null);
    }

    /** Fails as PyTorch's {@code _check_input_dim} when the input rank does not fit the layer. */
    protected abstract void checkInputDim(Tensor input);

    /** {@code bn.reset_running_stats()}. */
    public void resetRunningStats() {
        if (options.trackRunningStats) {
            try (GradGuard ignored = GradGuard.disable()) {
                runningMean().zero_();
                runningVar().fill_(1L);
                param("num_batches_tracked").zero_();
            }
        }
    }

    /** {@code bn.weight}, or null without affine. */
    public Tensor weight() {
        return param("weight");
    }

    /** {@code bn.bias}, or null without affine. */
    public Tensor bias() {
        return param("bias");
    }

    /** {@code bn.running_mean}, or null without running stats. */
    public Tensor runningMean() {
        return param("running_mean");
    }

    /** {@code bn.running_var}, or null without running stats. */
    public Tensor runningVar() {
        return param("running_var");
    }

    /** {@code bn.num_batches_tracked}, or null without running stats. */
    public Tensor numBatchesTracked() {
        return param("num_batches_tracked");
    }

    @Override
    public Tensor forward(Tensor input) {
        checkInputDim(input);
        double factor = options.momentum == null ? 0.0 : options.momentum;
        boolean track = options.trackRunningStats;
        if (isTraining() && track) {
            Tensor batches = numBatchesTracked();
            try (GradGuard ignored = GradGuard.disable()) {
                batches.add_(1L);
            }
            factor = options.momentum == null ? 1.0 / batches.itemLong() : options.momentum;
        }
        boolean useBatchStats = isTraining() || (runningMean() == null && runningVar() == null);
        boolean passStats = !isTraining() || track;
        return F.batchNorm(input, passStats ? runningMean() : null, passStats ? runningVar() : null, weight(), bias(),
                useBatchStats, factor, options.eps);
    }

    @Override
    protected String extraRepr() {
        return options.numFeatures + ", eps=" + PyRepr.floatRepr(options.eps) + ", momentum="
                + (options.momentum == null ? "None" : PyRepr.floatRepr(options.momentum)) + ", affine="
                + PyRepr.bool(options.affine) + ", track_running_stats=" + PyRepr.bool(options.trackRunningStats);
    }
}
