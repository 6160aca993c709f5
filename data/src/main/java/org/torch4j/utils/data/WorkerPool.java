package org.torch4j.utils.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The worker threads of one epoch and their queues (PyTorch's index queues and data queue). Each worker takes
 * tasks from its own queue, loads the batch with its own {@link Fetcher} and puts the result on the shared result
 * queue. Holds no reference to the iterator, so that an unreachable iterator can be cleaned up.
 */
final class WorkerPool {
    /** A batch to load: its position in the epoch and its indices. */
    static final class Task {
        final int idx;
        final List<Integer> indices;

        Task(int idx, List<Integer> indices) {
            this.idx = idx;
            this.indices = indices;
        }
    }

    /** What a worker sends back: a batch, the end of its stream, or a failure. */
    static final class Result {
        final int idx;
        final int workerId;
        final Object data;
        final WorkerException error;

        Result(int idx, int workerId, Object data, WorkerException error) {
            this.idx = idx;
            this.workerId = workerId;
            this.data = data;
            this.error = error;
        }

        boolean isEnd() {
            return data == Fetcher.END;
        }
    }

    /** Put on a task queue to make its worker exit, and on the result queue to wake a waiting iterator on close. */
    static final Object STOP = new Object();

    private final List<BlockingQueue<Object>> tasks = new ArrayList<>();
    private final BlockingQueue<Object> results = new LinkedBlockingQueue<>();
    private final Thread[] threads;
    private final Set<WorkerPool> registry;
    private volatile boolean done;

    WorkerPool(int numWorkers, long baseSeed, Supplier<Fetcher> fetchers, Set<WorkerPool> registry) {
        this.registry = registry;
        threads = new Thread[numWorkers];
        registry.add(this);
        for (int id = 0; id < numWorkers; id++) {
            tasks.add(new LinkedBlockingQueue<>());
            WorkerInfo info = new WorkerInfo(id, numWorkers, baseSeed + id);
            Thread t = new Thread(() -> work(info, fetchers), "torch4j DataLoader worker " + id);
            t.setDaemon(true);
            threads[id] = t;
        }
        for (Thread t : threads) {
            t.start();
        }
    }

    private void work(WorkerInfo info, Supplier<Fetcher> fetchers) {
        WorkerInfo.setCurrent(info);
        BlockingQueue<Object> queue = tasks.get(info.id());
        Fetcher fetcher = fetchers.get();
        boolean ended = false;
        while (!done) {
            Object message;
            try {
                message = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (message == STOP) {
                return;
            }
            if (ended) {
                continue;
            }
            Task task = (Task) message;
            Result result;
            try {
                Object data = fetcher.fetch(task.indices);
                ended = data == Fetcher.END;
                result = new Result(task.idx, info.id(), data, null);
            } catch (FetchFailure f) {
                result = new Result(task.idx, info.id(), null, new WorkerException(info.id(), f));
            } catch (Throwable t) {
                // what Fetcher does not wrap (an undeclared checked exception, a bad index list) must still come
                // back: a worker that died silently would leave the loop waiting for its batch forever
                result = new Result(task.idx, info.id(), null,
                        new WorkerException(info.id(), new FetchFailure(-1, "while loading a batch", t)));
            }
            if (!done) {
                results.add(result);
            }
        }
    }

    /** Hands a task to a worker. */
    void send(int workerId, Task task) {
        tasks.get(workerId).add(task);
    }

    /** Tells one worker to exit once its queued tasks are skipped (its stream has ended). */
    void retire(int workerId) {
        tasks.get(workerId).add(STOP);
    }

    /** The next result, or {@link #STOP} once the pool is shut down, or null after the timeout (0: no timeout). */
    Object take(long timeoutNanos) throws InterruptedException {
        if (done) {
            return STOP;
        }
        return timeoutNanos > 0 ? results.poll(timeoutNanos, TimeUnit.NANOSECONDS) : results.take();
    }

    /** Stops every worker at once: pending tasks are dropped, running ones interrupted. Never blocks; idempotent. */
    void shutdown() {
        if (done) {
            return;
        }
        done = true;
        registry.remove(this);
        for (int id = 0; id < threads.length; id++) {
            tasks.get(id).clear();
            tasks.get(id).add(STOP);
            threads[id].interrupt();
        }
        results.clear();
        results.add(STOP);
    }
}
