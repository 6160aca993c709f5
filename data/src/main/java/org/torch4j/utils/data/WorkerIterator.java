package org.torch4j.utils.data;

import java.lang.ref.Cleaner;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * An epoch loaded by worker threads (PyTorch's {@code _MultiProcessingDataLoaderIter}, with threads for processes).
 *
 * <p>The batches of indices are drawn on the calling thread and handed out round-robin to the workers, at most
 * {@code prefetchFactor * numWorkers} ahead of the batch being consumed; results are delivered in the sampler's order
 * whatever order they finish in. A failure stops every worker and is re-thrown as a {@link WorkerException}.
 *
 * @param <B> the batch type
 */
final class WorkerIterator<B> extends LoaderIterator<B> {
    private static final Cleaner CLEANER = Cleaner.create();

    /** What the iterator knows about a batch handed out: its worker, and its result once it came early. */
    private static final class Sent {
        final int workerId;
        WorkerPool.Result result;

        Sent(int workerId) {
            this.workerId = workerId;
        }
    }

    private final Iterator<List<Integer>> batches;
    private final WorkerPool pool;
    private final Cleaner.Cleanable cleanable;
    private final Duration timeout;
    private final boolean[] active;
    private final Map<Integer, Sent> sent = new HashMap<>();
    private int sendIdx;
    private int rcvdIdx;
    private int nextWorker;

    WorkerIterator(DataLoader<?, B> loader, Iterator<List<Integer>> batches, Supplier<Fetcher> fetchers,
                   long baseSeed, Set<WorkerPool> registry) {
        super(loader);
        this.batches = batches;
        this.timeout = loader.timeout();
        int numWorkers = loader.numWorkers();
        active = new boolean[numWorkers];
        Arrays.fill(active, true);
        pool = new WorkerPool(numWorkers, baseSeed, fetchers, registry);
        // bound to the pool alone: the cleaning action must not keep this iterator reachable
        cleanable = CLEANER.register(this, pool::shutdown);
        try {
            for (int i = 0; i < loader.prefetchFactor() * numWorkers; i++) {
                tryPutIndex();
            }
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /** Draws the next batch of indices and hands it to the next active worker (round-robin). */
    private void tryPutIndex() {
        if (!batches.hasNext()) {
            return;
        }
        List<Integer> indices = batches.next();
        for (int k = 0; k < active.length; k++) {
            int worker = nextWorker;
            nextWorker = (nextWorker + 1) % active.length;
            if (active[worker]) {
                pool.send(worker, new WorkerPool.Task(sendIdx, indices));
                sent.put(sendIdx++, new Sent(worker));
                return;
            }
        }
    }

    /** The next batch in order; any failure (a worker's, a timeout, the sampler's) stops the workers first. */
    @Override
    Object nextData() {
        try {
            return nextInOrder();
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /** PyTorch's {@code _next_data}: skips batches of workers whose stream ended, keeps early results aside. */
    private Object nextInOrder() {
        while (true) {
            while (rcvdIdx < sendIdx) {
                Sent s = sent.get(rcvdIdx);
                if (s.result != null || active[s.workerId]) {
                    break;
                }
                sent.remove(rcvdIdx++);
            }
            if (rcvdIdx == sendIdx) {
                return Fetcher.END;
            }
            Sent expected = sent.get(rcvdIdx);
            if (expected.result != null) {
                sent.remove(rcvdIdx);
                return process(expected.result);
            }
            WorkerPool.Result r = awaitResult();
            if (r.isEnd()) {
                active[r.workerId] = false;
                pool.retire(r.workerId);
                tryPutIndex();
            } else if (r.idx != rcvdIdx) {
                sent.get(r.idx).result = r;
            } else {
                sent.remove(r.idx);
                return process(r);
            }
        }
    }

    private Object process(WorkerPool.Result r) {
        rcvdIdx++;
        if (r.error != null) {
            throw r.error;
        }
        tryPutIndex();
        return r.data;
    }

    private WorkerPool.Result awaitResult() {
        Object message;
        try {
            message = pool.take(timeout.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a DataLoader worker", e);
        }
        if (message == null) {
            String seconds = BigDecimal.valueOf(timeout.toNanos(), 9).stripTrailingZeros().toPlainString();
            throw new IllegalStateException("DataLoader timed out after " + seconds + " seconds",
                    new TimeoutException());
        }
        if (message == WorkerPool.STOP) {
            throw new IllegalStateException("the DataLoader was closed while waiting for a batch");
        }
        return (WorkerPool.Result) message;
    }

    @Override
    void release() {
        cleanable.clean();
    }
}
