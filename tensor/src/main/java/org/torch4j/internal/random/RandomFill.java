package org.torch4j.internal.random;

import org.torch4j.Generator;
import org.torch4j.Tensor;

/** The CPU sampling kernels behind rand, randn, randint, randperm, bernoulli and multinomial, matching PyTorch's streams. */
public final class RandomFill {
    private RandomFill() {
    }

    /** {@code t.uniform_(from, to, generator)}. */
    public static Tensor uniform_(Tensor t, double from, double to, Generator g) {
        throw new UnsupportedOperationException("uniform_: not implemented yet");
    }

    /** {@code t.normal_(mean, std, generator)}. */
    public static Tensor normal_(Tensor t, double mean, double std, Generator g) {
        throw new UnsupportedOperationException("normal_: not implemented yet");
    }

    /** {@code t.random_(from, to, generator)}: integers in [from, to). */
    public static Tensor random_(Tensor t, long from, long to, Generator g) {
        throw new UnsupportedOperationException("random_: not implemented yet");
    }

    /** {@code t.bernoulli_(p, generator)}. */
    public static Tensor bernoulli_(Tensor t, double p, Generator g) {
        throw new UnsupportedOperationException("bernoulli_: not implemented yet");
    }

    /** {@code torch.randperm(n, generator)} as int64. */
    public static Tensor randperm(int n, Generator g) {
        throw new UnsupportedOperationException("randperm: not implemented yet");
    }

    /** {@code torch.multinomial(probs, numSamples, replacement, generator)}. */
    public static Tensor multinomial(Tensor probs, int numSamples, boolean replacement, Generator g) {
        throw new UnsupportedOperationException("multinomial: not implemented yet");
    }
}
