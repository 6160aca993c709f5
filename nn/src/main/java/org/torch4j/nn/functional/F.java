package org.torch4j.nn.functional;

import org.torch4j.Tensor;
import org.torch4j.nn.Reduction;
import org.torch4j.nn.internal.Args;

/**
 * {@code torch.nn.functional}: the stateless forms of the layers, activations and losses, for use as
 * {@code F.relu(x)}. Every function is built from differentiable tensor operations, so autograd
 * differentiates it. Overloads stand in for Python's default arguments.
 */
public final class F {
    /** {@code ignore_index}'s default in the losses. */
    public static final long DEFAULT_IGNORE_INDEX = -100;

    private F() {
    }

    // ------------------------------------------------------------------ activations

    /** {@code F.relu(x)}. */
    public static Tensor relu(Tensor x) {
        return x.relu();
    }

    /** {@code F.leaky_relu(x)} with slope 0.01. */
    public static Tensor leakyRelu(Tensor x) {
        return leakyRelu(x, 0.01);
    }

    /** {@code F.leaky_relu(x, negative_slope)}. */
    public static Tensor leakyRelu(Tensor x, double negativeSlope) {
        return Activations.leakyRelu(x, negativeSlope);
    }

    /** {@code F.elu(x)} with alpha 1. */
    public static Tensor elu(Tensor x) {
        return elu(x, 1.0);
    }

    /** {@code F.elu(x, alpha)}. */
    public static Tensor elu(Tensor x, double alpha) {
        return Activations.elu(x, alpha);
    }

    /** {@code F.gelu(x)}: the exact (erf) form. */
    public static Tensor gelu(Tensor x) {
        return gelu(x, "none");
    }

    /** {@code F.gelu(x, approximate)}: approximate is "none" or "tanh". */
    public static Tensor gelu(Tensor x, String approximate) {
        if (!approximate.equals("none") && !approximate.equals("tanh")) {
            throw new IllegalArgumentException("approximate argument must be either none or tanh.");
        }
        return Activations.gelu(x, approximate.equals("tanh"));
    }

    /** {@code F.silu(x)}: x * sigmoid(x). */
    public static Tensor silu(Tensor x) {
        return Activations.silu(x);
    }

    /** {@code F.sigmoid(x)}. */
    public static Tensor sigmoid(Tensor x) {
        return x.sigmoid();
    }

    /** {@code F.tanh(x)}. */
    public static Tensor tanh(Tensor x) {
        return x.tanh();
    }

    /** {@code F.softmax(x, dim)}. */
    public static Tensor softmax(Tensor x, int dim) {
        return x.softmax(dim);
    }

    /** {@code F.log_softmax(x, dim)}. */
    public static Tensor logSoftmax(Tensor x, int dim) {
        return x.logSoftmax(dim);
    }

    /** {@code F.softplus(x)} with beta 1 and threshold 20. */
    public static Tensor softplus(Tensor x) {
        return softplus(x, 1, 20);
    }

    /** {@code F.softplus(x, beta, threshold)}. */
    public static Tensor softplus(Tensor x, double beta, double threshold) {
        return Activations.softplus(x, beta, threshold);
    }

    /** {@code F.hardtanh(x)}: clamp to [-1, 1]. */
    public static Tensor hardtanh(Tensor x) {
        return hardtanh(x, -1, 1);
    }

    /** {@code F.hardtanh(x, min_val, max_val)}. */
    public static Tensor hardtanh(Tensor x, double minVal, double maxVal) {
        return Activations.hardtanh(x, minVal, maxVal);
    }

    // ------------------------------------------------------------------ linear layers

    /** {@code F.linear(x, weight)}. */
    public static Tensor linear(Tensor x, Tensor weight) {
        return Dense.linear(x, weight, null);
    }

    /** {@code F.linear(x, weight, bias)}: x W^T + b; bias may be null. */
    public static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        return Dense.linear(x, weight, bias);
    }

    /** {@code F.bilinear(x1, x2, weight, bias)}: x1^T W_k x2 + b_k; bias may be null. */
    public static Tensor bilinear(Tensor x1, Tensor x2, Tensor weight, Tensor bias) {
        return Dense.bilinear(x1, x2, weight, bias);
    }

    // ------------------------------------------------------------------ convolutions

    /** {@code F.conv1d(x, weight, bias)}. */
    public static Tensor conv1d(Tensor x, Tensor weight, Tensor bias) {
        return conv1d(x, weight, bias, 1, 0, 1, 1);
    }

    /** {@code F.conv1d(x, weight, bias, stride, padding, dilation, groups)}; bias may be null. */
    public static Tensor conv1d(Tensor x, Tensor weight, Tensor bias, int stride, int padding, int dilation, int groups) {
        return Convolution.conv1d(x, weight, bias, stride, padding, dilation, groups);
    }

    /** {@code F.conv2d(x, weight, bias)}. */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias) {
        return conv2d(x, weight, bias, new int[] {1}, new int[] {0}, new int[] {1}, 1);
    }

    /**
     * {@code F.conv2d(x, weight, bias, stride, padding, dilation, groups)}: stride, padding and dilation
     * hold one value for both dims or (height, width); bias may be null.
     */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation,
            int groups) {
        return Convolution.conv2d(x, weight, bias, Windows.pair(stride), Windows.pair(padding), Windows.pair(dilation),
                groups);
    }

    /** {@code F.conv_transpose2d(x, weight, bias)}. */
    public static Tensor convTranspose2d(Tensor x, Tensor weight, Tensor bias) {
        return convTranspose2d(x, weight, bias, new int[] {1}, new int[] {0}, new int[] {0}, 1, new int[] {1});
    }

    /** {@code F.conv_transpose2d(x, weight, bias, stride, padding, output_padding, groups, dilation)}. */
    public static Tensor convTranspose2d(Tensor x, Tensor weight, Tensor bias, int[] stride, int[] padding,
            int[] outputPadding, int groups, int[] dilation) {
        return Convolution.convTranspose2d(x, weight, bias, Windows.pair(stride), Windows.pair(padding),
                Windows.pair(outputPadding), groups, Windows.pair(dilation));
    }

    // ------------------------------------------------------------------ pooling

    /** {@code F.max_pool2d(x, kernel_size)}: stride = kernel size. */
    public static Tensor maxPool2d(Tensor x, int kernelSize) {
        return maxPool2d(x, new int[] {kernelSize}, null, new int[] {0}, new int[] {1}, false);
    }

    /** {@code F.max_pool2d(x, kernel_size, stride, padding, dilation, ceil_mode)}; stride null means kernel size. */
    public static Tensor maxPool2d(Tensor x, int[] kernelSize, int[] stride, int[] padding, int[] dilation,
            boolean ceilMode) {
        return Pooling.maxPool2d(x, kernelSize, stride, padding, dilation, ceilMode);
    }

    /** {@code F.avg_pool2d(x, kernel_size)}. */
    public static Tensor avgPool2d(Tensor x, int kernelSize) {
        return avgPool2d(x, new int[] {kernelSize}, null, new int[] {0}, false, true, null);
    }

    /**
     * {@code F.avg_pool2d(x, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override)};
     * stride null means kernel size, divisorOverride null means none.
     */
    public static Tensor avgPool2d(Tensor x, int[] kernelSize, int[] stride, int[] padding, boolean ceilMode,
            boolean countIncludePad, Integer divisorOverride) {
        return Pooling.avgPool2d(x, kernelSize, stride, padding, ceilMode, countIncludePad, divisorOverride);
    }

    /** {@code F.adaptive_avg_pool2d(x, output_size)}: one size for both dims or (height, width). */
    public static Tensor adaptiveAvgPool2d(Tensor x, int... outputSize) {
        return Pooling.adaptiveAvgPool2d(x, outputSize);
    }

    // ------------------------------------------------------------------ normalisation and dropout

    /**
     * {@code F.batch_norm(x, running_mean, running_var, weight, bias, training, momentum, eps)}; in training
     * the running estimates (when not null) are updated in place.
     */
    public static Tensor batchNorm(Tensor x, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
            boolean training, double momentum, double eps) {
        return Normalization.batchNorm(x, runningMean, runningVar, weight, bias, training, momentum, eps);
    }

    /** {@code F.layer_norm(x, normalized_shape)}. */
    public static Tensor layerNorm(Tensor x, int[] normalizedShape) {
        return layerNorm(x, normalizedShape, null, null, 1e-5);
    }

    /** {@code F.layer_norm(x, normalized_shape, weight, bias, eps)}. */
    public static Tensor layerNorm(Tensor x, int[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        return Normalization.layerNorm(x, normalizedShape, weight, bias, eps);
    }

    /** {@code F.group_norm(x, num_groups)}. */
    public static Tensor groupNorm(Tensor x, int numGroups) {
        return groupNorm(x, numGroups, null, null, 1e-5);
    }

    /** {@code F.group_norm(x, num_groups, weight, bias, eps)}. */
    public static Tensor groupNorm(Tensor x, int numGroups, Tensor weight, Tensor bias, double eps) {
        return Normalization.groupNorm(x, numGroups, weight, bias, eps);
    }

    /** {@code F.dropout(x, p)} in training mode. */
    public static Tensor dropout(Tensor x, double p) {
        return dropout(x, p, true);
    }

    /** {@code F.dropout(x, p, training)}. */
    public static Tensor dropout(Tensor x, double p, boolean training) {
        return Dropouts.dropout(x, p, training);
    }

    // ------------------------------------------------------------------ sparse and shape

    /** {@code F.embedding(input, weight)}. */
    public static Tensor embedding(Tensor input, Tensor weight) {
        return embedding(input, weight, null);
    }

    /** {@code F.embedding(input, weight, padding_idx)}; a negative paddingIdx counts from the end, null is none. */
    public static Tensor embedding(Tensor input, Tensor weight, Integer paddingIdx) {
        return Embeddings.embedding(input, weight, Args.paddingIdx(paddingIdx, weight.size(0)));
    }

    /** {@code F.pad(x, pad)} with zeros. */
    public static Tensor pad(Tensor x, int... pad) {
        return pad(x, pad, 0.0);
    }

    /** {@code F.pad(x, pad, mode='constant', value)}: (before, after) pairs from the last dim; negative crops. */
    public static Tensor pad(Tensor x, int[] pad, double value) {
        return Padding.pad(x, pad, value);
    }

    // ------------------------------------------------------------------ losses

    /** {@code F.mse_loss(input, target)}. */
    public static Tensor mseLoss(Tensor input, Tensor target) {
        return mseLoss(input, target, Reduction.MEAN);
    }

    /** {@code F.mse_loss(input, target, reduction)}. */
    public static Tensor mseLoss(Tensor input, Tensor target, Reduction reduction) {
        return Losses.mse(input, target, reduction);
    }

    /** {@code F.l1_loss(input, target)}. */
    public static Tensor l1Loss(Tensor input, Tensor target) {
        return l1Loss(input, target, Reduction.MEAN);
    }

    /** {@code F.l1_loss(input, target, reduction)}. */
    public static Tensor l1Loss(Tensor input, Tensor target, Reduction reduction) {
        return Losses.l1(input, target, reduction);
    }

    /** {@code F.smooth_l1_loss(input, target)} with beta 1. */
    public static Tensor smoothL1Loss(Tensor input, Tensor target) {
        return smoothL1Loss(input, target, Reduction.MEAN, 1.0);
    }

    /** {@code F.smooth_l1_loss(input, target, reduction, beta)}. */
    public static Tensor smoothL1Loss(Tensor input, Tensor target, Reduction reduction, double beta) {
        return Losses.smoothL1(input, target, reduction, beta);
    }

    /** {@code F.huber_loss(input, target)} with delta 1. */
    public static Tensor huberLoss(Tensor input, Tensor target) {
        return huberLoss(input, target, Reduction.MEAN, 1.0);
    }

    /** {@code F.huber_loss(input, target, reduction, delta)}. */
    public static Tensor huberLoss(Tensor input, Tensor target, Reduction reduction, double delta) {
        return Losses.huber(input, target, reduction, delta);
    }

    /** {@code F.binary_cross_entropy(input, target)}. */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target) {
        return binaryCrossEntropy(input, target, null, Reduction.MEAN);
    }

    /** {@code F.binary_cross_entropy(input, target, weight, reduction)}; weight may be null. */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target, Tensor weight, Reduction reduction) {
        return Losses.binaryCrossEntropy(input, target, weight, reduction);
    }

    /** {@code F.binary_cross_entropy_with_logits(input, target)}. */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target) {
        return binaryCrossEntropyWithLogits(input, target, null, null, Reduction.MEAN);
    }

    /** {@code F.binary_cross_entropy_with_logits(input, target, weight, pos_weight, reduction)}; weights may be null. */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor weight, Tensor posWeight,
            Reduction reduction) {
        return Losses.binaryCrossEntropyWithLogits(input, target, weight, posWeight, reduction);
    }

    /** {@code F.cross_entropy(input, target)}: target holds class indices or class probabilities. */
    public static Tensor crossEntropy(Tensor input, Tensor target) {
        return crossEntropy(input, target, null, DEFAULT_IGNORE_INDEX, Reduction.MEAN, 0.0);
    }

    /** {@code F.cross_entropy(input, target, weight, ignore_index, reduction, label_smoothing)}; weight may be null. */
    public static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, long ignoreIndex, Reduction reduction,
            double labelSmoothing) {
        return Losses.crossEntropy(input, target, weight, ignoreIndex, reduction, labelSmoothing);
    }

    /** {@code F.nll_loss(input, target)}: input holds log-probabilities. */
    public static Tensor nllLoss(Tensor input, Tensor target) {
        return nllLoss(input, target, null, DEFAULT_IGNORE_INDEX, Reduction.MEAN);
    }

    /** {@code F.nll_loss(input, target, weight, ignore_index, reduction)}; weight may be null. */
    public static Tensor nllLoss(Tensor input, Tensor target, Tensor weight, long ignoreIndex, Reduction reduction) {
        return Losses.nll(input, target, weight, ignoreIndex, reduction);
    }

    /** {@code F.kl_div(input, target)}: input holds log-probabilities; reduction 'mean'. */
    public static Tensor klDiv(Tensor input, Tensor target) {
        return klDiv(input, target, Reduction.MEAN, false);
    }

    /** {@code F.kl_div(input, target, reduction, log_target)}; reduction may be {@link Reduction#BATCHMEAN}. */
    public static Tensor klDiv(Tensor input, Tensor target, Reduction reduction, boolean logTarget) {
        return Losses.klDiv(input, target, reduction, logTarget);
    }
}
