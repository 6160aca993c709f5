package org.torch4j.utils.data;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * Loads one batch (PyTorch's {@code _MapDatasetFetcher} and {@code _IterableDatasetFetcher}): the samples of a batch
 * of indices, collated. Failures come out as {@link FetchFailure}s naming the sample.
 */
interface Fetcher {
    /** Returned by {@link #fetch} when an iterable dataset has no batch left. */
    Object END = new Object();

    /** The collated batch for these indices (for an iterable dataset only their count matters), or {@link #END}. */
    Object fetch(List<Integer> indices);

    /** {@code [dataset[i] for i in indices]}, collated. */
    static <T> Fetcher of(Dataset<T> dataset, Function<? super List<T>, ?> collate) {
        return indices -> {
            List<T> samples = new ArrayList<>(indices.size());
            for (int index : indices) {
                try {
                    samples.add(dataset.getItem(index));
                } catch (RuntimeException | Error e) {
                    throw new FetchFailure(index, "while fetching index " + index, e);
                }
            }
            return collated(collate, samples, "while collating the batch of indices " + indices);
        };
    }

    /**
     * The next {@code indices.size()} samples of the dataset's stream (its iterator is created on the first call, on
     * the calling thread); a short last batch is kept unless dropLast.
     */
    static <T> Fetcher of(IterableDataset<T> dataset, Function<? super List<T>, ?> collate, boolean dropLast) {
        return new Fetcher() {
            private Iterator<T> stream;
            private boolean ended;

            @Override
            public Object fetch(List<Integer> indices) {
                if (ended) {
                    return END;
                }
                List<T> samples = new ArrayList<>(indices.size());
                try {
                    if (stream == null) {
                        stream = dataset.iterator();
                    }
                    while (samples.size() < indices.size() && !ended) {
                        ended = !stream.hasNext();
                        if (!ended) {
                            samples.add(stream.next());
                        }
                    }
                } catch (RuntimeException | Error e) {
                    throw new FetchFailure(-1, "while reading the IterableDataset", e);
                }
                if (samples.isEmpty() || (dropLast && samples.size() < indices.size())) {
                    return END;
                }
                return collated(collate, samples, "while collating a batch of the IterableDataset");
            }
        };
    }

    private static <T> Object collated(Function<? super List<T>, ?> collate, List<T> samples, String where) {
        try {
            return collate.apply(samples);
        } catch (RuntimeException | Error e) {
            throw new FetchFailure(-1, where, e);
        }
    }
}
