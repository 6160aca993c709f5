package org.torch4j.nn.functional;

import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.nn.internal.Args;

/** dropout: zeroes elements with probability p in training and scales the others by 1 / (1 - p). */
final class Dropouts {
    private Dropouts() {
    }

    /** ATen's _dropout_impl: a bernoulli(1 - p) mask divided by 1 - p, multiplied in. */
    static Tensor dropout(Tensor input, double p, boolean training) {
        Args.dropoutProbability(p);
        if (!training || p == 0 || input.numel() == 0) {
            return input;
        }
        if (p == 1) {
            return input.mul(0L);
        }
        Tensor noise = Torch.emptyLike(input).bernoulli_(1 - p).div_(1 - p);
        return input.mul(noise);
    }
}
