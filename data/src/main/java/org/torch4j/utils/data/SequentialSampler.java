package org.torch4j.utils.data;

import java.util.Iterator;
import java.util.stream.IntStream;

/** Indices {@code 0, 1, ..., len(dataset) - 1} in order; the equivalent of {@code torch.utils.data.SequentialSampler}. */
public final class SequentialSampler implements Sampler<Integer> {
    private final Dataset<?> dataSource;

    /** {@code SequentialSampler(data_source)}. */
    public SequentialSampler(Dataset<?> dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Iterator<Integer> iterator() {
        return IntStream.range(0, dataSource.len()).iterator();
    }

    @Override
    public int len() {
        return dataSource.len();
    }
}
