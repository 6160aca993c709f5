package org.torch4j.internal;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The one intra-op thread pool ({@code torch.set_num_threads}) and {@link #forRange}, ATen's
 * {@code parallel_for}: work below the grain size stays on the calling thread, larger work is cut into
 * chunks that the caller and the pool threads claim one by one.
 */
public final class Parallel {
    /** ATen's GRAIN_SIZE: ranges smaller than this many elements are not split. */
    public static final int GRAIN_SIZE = 32768;
    /** Chunks per thread that {@link #forRange} cuts a large range into, so that threads balance dynamically. */
    private static final int CHUNKS_PER_THREAD = 4;
    /** Spins of a waiting caller before it parks (chunks in flight usually finish within microseconds). */
    private static final int SPINS = 1 << 12;

    /** A half-open range [begin, end) of work. */
    public interface RangeTask {
        void run(int begin, int end);
    }

    private static volatile ForkJoinPool pool;
    private static volatile int numThreads = Runtime.getRuntime().availableProcessors();
    private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> false);

    private Parallel() {
    }

    /** {@code torch.get_num_threads()}. */
    public static int numThreads() {
        return numThreads;
    }

    /** {@code torch.set_num_threads(n)}. */
    public static synchronized void setNumThreads(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("Number of threads must be positive, got " + n);
        }
        if (n != numThreads) {
            ForkJoinPool old = pool;
            pool = null;
            numThreads = n;
            if (old != null) {
                old.shutdown();
            }
        }
    }

    private static ForkJoinPool pool() {
        ForkJoinPool p = pool;
        if (p == null) {
            synchronized (Parallel.class) {
                p = pool;
                if (p == null) {
                    p = new ForkJoinPool(numThreads, factory -> {
                        var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(factory);
                        t.setName("torch4j-intraop-" + t.getPoolIndex());
                        t.setDaemon(true);
                        return t;
                    }, null, false);
                    pool = p;
                }
            }
        }
        return p;
    }

    /**
     * Runs {@code task} over [0, n) in chunks of at least {@code grain} elements, on the calling thread and the
     * pool; nested calls, one thread, or work of one chunk run serially on the calling thread.
     *
     * <p>Chunks are claimed dynamically (up to {@value #CHUNKS_PER_THREAD} per thread): the caller works through
     * them too and then waits only for chunks already being run, so a pool thread that wakes late (or whose
     * core is busy with another process) costs nothing beyond the serial time. Tasks must not depend on which
     * thread runs which chunk, nor on how the range is cut.
     */
    public static void forRange(int n, int grain, RangeTask task) {
        int threads = numThreads;
        long g = Math.max(grain, 1);
        int maxChunks = (int) Math.min((long) threads * CHUNKS_PER_THREAD, (n + g - 1) / g);
        if (threads <= 1 || maxChunks <= 1 || INSIDE.get()) {
            task.run(0, n);
            return;
        }
        Job job = new Job(task, n, maxChunks);
        int helpers = Math.min(threads, job.chunks) - 1;
        ForkJoinPool p = pool();
        for (int h = 0; h < helpers; h++) {
            p.execute(job::drain);
        }
        job.drain();
        job.await();
    }

    /** The shared state of one {@link #forRange} call: the next chunk to claim and the chunks not yet finished. */
    private static final class Job {
        private final RangeTask task;
        private final int n;
        private final int per;
        private final int chunks;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger pending;
        private final Thread caller = Thread.currentThread();
        private volatile Throwable failure;

        Job(RangeTask task, int n, int maxChunks) {
            this.task = task;
            this.n = n;
            per = (n + maxChunks - 1) / maxChunks;
            chunks = (n + per - 1) / per;
            pending = new AtomicInteger(chunks);
        }

        /** Claims and runs chunks until none is left. */
        void drain() {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                try {
                    runInside(task, c * per, Math.min(n, c * per + per));
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    if (pending.decrementAndGet() == 0 && Thread.currentThread() != caller) {
                        LockSupport.unpark(caller);
                    }
                }
            }
        }

        /** Waits (on the caller) until every chunk has finished, then rethrows the first failure. */
        void await() {
            for (int spins = 0; pending.get() > 0; spins++) {
                if (spins < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            Throwable t = failure;
            if (t instanceof RuntimeException) {
                throw (RuntimeException) t;
            }
            if (t instanceof Error) {
                throw (Error) t;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
        }
    }

    private static void runInside(RangeTask task, int begin, int end) {
        boolean outer = INSIDE.get();
        INSIDE.set(true);
        try {
            task.run(begin, end);
        } finally {
            INSIDE.set(outer);
        }
    }
}
