package org.torch4j.utils.data;

import java.util.Arrays;
import java.util.Iterator;
import org.torch4j.DType;
import org.torch4j.Generator;
import org.torch4j.Tensor;
import org.torch4j.Torch;

/**
 * Indices drawn with probabilities proportional to weights; the equivalent of
 * {@code torch.utils.data.WeightedRandomSampler}: each pass is {@code torch.multinomial(weights, numSamples,
 * replacement, generator)}.
 */
public final class WeightedRandomSampler implements Sampler<Integer> {
    private final Tensor weights;
    private final int numSamples;
    private final boolean replacement;
    private final Generator generator;

    /** {@code WeightedRandomSampler(weights, num_samples)}: with replacement, the default generator. */
    public WeightedRandomSampler(double[] weights, int numSamples) {
        this(Torch.tensor(weights), numSamples, true, Generator.defaultGenerator());
    }

    /** {@code WeightedRandomSampler(weights, num_samples, replacement, generator)}. */
    public WeightedRandomSampler(double[] weights, int numSamples, boolean replacement, Generator generator) {
        this(Torch.tensor(weights), numSamples, replacement, generator);
    }

    /** The same from a 1-d tensor of weights (converted to float64, as {@code torch.as_tensor(weights, double)}). */
    public WeightedRandomSampler(Tensor weights, int numSamples, boolean replacement, Generator generator) {
        if (numSamples <= 0) {
            throw new IllegalArgumentException("num_samples should be a positive integer value, but got num_samples="
                    + numSamples);
        }
        if (weights.dim() != 1) {
            throw new IllegalArgumentException("weights should be a 1d sequence but given weights have shape "
                    + Arrays.toString(weights.shape()).replace('[', '(').replace(']', ')'));
        }
        this.weights = weights.to(DType.FLOAT64);
        this.numSamples = numSamples;
        this.replacement = replacement;
        this.generator = generator == null ? Generator.defaultGenerator() : generator;
    }

    @Override
    public Iterator<Integer> iterator() {
        return new ChunkedIndexIterator(1,
                c -> Torch.multinomial(weights, numSamples, replacement, generator).toLongArray());
    }

    @Override
    public int len() {
        return numSamples;
    }
}
