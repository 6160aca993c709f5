package org.torch4j.utils.data;

import java.util.Iterator;
import java.util.List;

/**
 * An epoch loaded on the calling thread ({@code num_workers=0}, PyTorch's {@code _SingleProcessDataLoaderIter});
 * a failing sample's exception goes through unchanged, and the epoch can go on after it, as in PyTorch.
 *
 * @param <B> the batch type
 */
final class SerialIterator<B> extends LoaderIterator<B> {
    private final Iterator<List<Integer>> batches;
    private final Fetcher fetcher;

    SerialIterator(DataLoader<?, B> loader, Iterator<List<Integer>> batches, Fetcher fetcher) {
        super(loader);
        this.batches = batches;
        this.fetcher = fetcher;
    }

    @Override
    Object nextData() {
        if (!batches.hasNext()) {
            return Fetcher.END;
        }
        try {
            return fetcher.fetch(batches.next());
        } catch (FetchFailure f) {
            throw f.unwrap();
        }
    }

    @Override
    void release() {
    }
}
