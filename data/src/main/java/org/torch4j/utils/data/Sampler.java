package org.torch4j.utils.data;

/**
 * A source of dataset indices (or of batches of them); the equivalent of {@code torch.utils.data.Sampler}. Every
 * {@link #iterator()} is one pass (an epoch).
 *
 * @param <T> {@code Integer} for an index sampler, {@code List<Integer>} for a batch sampler
 */
public interface Sampler<T> extends Iterable<T> {
    /** {@code len(sampler)}: the number of indices (or batches) in one pass. */
    int len();
}
