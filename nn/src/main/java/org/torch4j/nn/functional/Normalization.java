package org.torch4j.nn.functional;

import java.util.Arrays;
import org.torch4j.GradGuard;
import org.torch4j.Tensor;
import org.torch4j.nn.internal.PyRepr;

/** batch_norm, layer_norm and group_norm: (x - mean) / sqrt(var + eps) with the biased variance, then the affine map. */
final class Normalization {
    private Normalization() {
    }

    /**
     * Batch statistics in training (updating the running estimates in place with the unbiased variance),
     * the running estimates otherwise.
     */
    static Tensor batchNorm(Tensor x, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
            boolean training, double momentum, double eps) {
        int c = x.size(1);
        checkRunningStat("running_mean", runningMean, c, training);
        checkRunningStat("running_var", runningVar, c, training);
        checkChannels("weight", weight, c);
        checkChannels("bias", bias, c);
        int[] dims = new int[x.dim() - 1];
        dims[0] = 0;
        for (int d = 2; d < x.dim(); d++) {
            dims[d - 1] = d;
        }
        int[] channelShape = Dims.alongDim(x.dim(), 1, c);
        Tensor y;
        if (training) {
            int perChannel = x.numel() / c;
            if (perChannel == 1) {
                throw new IllegalArgumentException("Expected more than 1 value per channel when training, got input size "
                        + PyRepr.torchSize(x.shape()));
            }
            Moments m = Moments.of(x, dims);
            y = m.normalized(eps);
            try (GradGuard ignored = GradGuard.disable()) {
                if (runningMean != null) {
                    runningMean.copy_(m.mean().reshape(c).mul(momentum).add(runningMean.mul(1 - momentum)));
                }
                if (runningVar != null) {
                    Tensor unbiased = m.var().reshape(c).mul((double) perChannel / (perChannel - 1));
                    runningVar.copy_(unbiased.mul(momentum).add(runningVar.mul(1 - momentum)));
                }
            }
        } else {
            y = x.sub(runningMean.view(channelShape)).mul(runningVar.view(channelShape).add(eps).rsqrt());
        }
        return affine(y, weight, bias, channelShape);
    }

    /** ATen's checks of a running estimate: it has c elements, and exists in evaluation mode. */
    private static void checkRunningStat(String what, Tensor t, int c, boolean training) {
        if (t == null && !training) {
            throw new IllegalArgumentException(what + " must be defined in evaluation mode");
        }
        checkChannels(what, t, c);
    }

    private static void checkChannels(String what, Tensor t, int c) {
        if (t != null && t.numel() != c) {
            throw new IllegalArgumentException(what + " should contain " + c + " elements not " + t.numel());
        }
    }

    /** Normalises over the trailing dims given by normalizedShape; weight and bias have that shape. */
    static Tensor layerNorm(Tensor x, int[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        int k = normalizedShape.length;
        int[] shape = x.shape();
        boolean matches = shape.length >= k
                && Arrays.equals(Arrays.copyOfRange(shape, shape.length - k, shape.length), normalizedShape);
        if (!matches) {
            StringBuilder expected = new StringBuilder("[*");
            for (int s : normalizedShape) {
                expected.append(", ").append(s);
            }
            throw new IllegalArgumentException("Given normalized_shape=" + Arrays.toString(normalizedShape)
                    + ", expected input with shape " + expected + "], but got input of size" + Arrays.toString(shape));
        }
        int[] dims = new int[k];
        for (int i = 0; i < k; i++) {
            dims[i] = shape.length - k + i;
        }
        Tensor y = Moments.of(x, dims).normalized(eps);
        if (weight != null) {
            y = y.mul(weight);
        }
        return bias == null ? y : y.add(bias);
    }

    /** Normalises each of numGroups channel groups over its channels and spatial positions; affine per channel. */
    static Tensor groupNorm(Tensor x, int numGroups, Tensor weight, Tensor bias, double eps) {
        int n = x.size(0);
        int c = x.size(1);
        if (c % numGroups != 0) {
            throw new IllegalArgumentException("Expected number of channels in input to be divisible by num_groups, but "
                    + "got input of shape " + Arrays.toString(x.shape()) + " and num_groups=" + numGroups);
        }
        Tensor y = Moments.of(x.reshape(n, numGroups, -1), new int[] {2}).normalized(eps).view(x.shape());
        return affine(y, weight, bias, Dims.alongDim(x.dim(), 1, c));
    }

    /** Mean and biased variance over dims (kept), and x minus the mean. */
    private record Moments(Tensor mean, Tensor centered, Tensor var) {
        static Moments of(Tensor x, int[] dims) {
            Tensor mean = x.mean(dims, true);
            Tensor centered = x.sub(mean);
            return new Moments(mean, centered, centered.square().mean(dims, true));
        }

        /** (x - mean) / sqrt(var + eps). */
        Tensor normalized(double eps) {
            return centered.mul(var.add(eps).rsqrt());
        }
    }

    private static Tensor affine(Tensor y, Tensor weight, Tensor bias, int[] channelShape) {
        Tensor out = weight == null ? y : y.mul(weight.view(channelShape));
        return bias == null ? out : out.add(bias.view(channelShape));
    }
}
