package org.torch4j.utils.data;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Groups the indices of another sampler into batches; the equivalent of {@code torch.utils.data.BatchSampler}.
 * With {@code dropLast} a last batch smaller than {@code batchSize} is left out.
 */
public final class BatchSampler implements Sampler<List<Integer>> {
    private final Sampler<Integer> sampler;
    private final int batchSize;
    private final boolean dropLast;

    /** {@code BatchSampler(sampler, batch_size, drop_last)}. */
    public BatchSampler(Sampler<Integer> sampler, int batchSize, boolean dropLast) {
        checkBatchSize(batchSize);
        this.sampler = sampler;
        this.batchSize = batchSize;
        this.dropLast = dropLast;
    }

    /** {@code batch_sampler.sampler}. */
    public Sampler<Integer> sampler() {
        return sampler;
    }

    /** {@code batch_sampler.batch_size}. */
    public int batchSize() {
        return batchSize;
    }

    /** {@code batch_sampler.drop_last}. */
    public boolean dropLast() {
        return dropLast;
    }

    @Override
    public Iterator<List<Integer>> iterator() {
        Iterator<Integer> indices = sampler.iterator();
        return new Iterator<>() {
            private List<Integer> next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    List<Integer> batch = new ArrayList<>(batchSize);
                    while (batch.size() < batchSize && indices.hasNext()) {
                        batch.add(indices.next());
                    }
                    if (!batch.isEmpty() && (batch.size() == batchSize || !dropLast)) {
                        next = batch;
                    }
                }
                return next != null;
            }

            @Override
            public List<Integer> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                List<Integer> batch = next;
                next = null;
                return batch;
            }
        };
    }

    /** The number of batches: {@code len(sampler) / batchSize}, rounded down with dropLast, up without. */
    @Override
    public int len() {
        return numBatches(sampler.len(), batchSize, dropLast);
    }

    /** PyTorch's check of a batch size. */
    static void checkBatchSize(int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch_size should be a positive integer value, but got batch_size="
                    + batchSize);
        }
    }

    /** How many batches n samples make: rounded down with dropLast, up without. */
    static int numBatches(int n, int batchSize, boolean dropLast) {
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }
}
