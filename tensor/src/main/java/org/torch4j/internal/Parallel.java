package org.torch4j.internal;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The one intra-op thread pool ({@code torch.set_num_threads}) and {@link #forRange}, ATen's
 * {@code parallel_for}: work below the grain size stays on the calling thread, larger work is cut into
 * one home range per thread whose chunks the caller and the pool threads claim.
 */
public final class Parallel {
    /** ATen's GRAIN_SIZE: ranges smaller than this many elements are not split. */
    public static final int GRAIN_SIZE = 32768;
    /** Chunks per thread that {@link #forRange} cuts a large range into, so that threads balance dynamically. */
    private static final int CHUNKS_PER_THREAD = 4;
    /** Spins of a waiting caller before it parks (chunks in flight usually finish within microseconds). */
    private static final int SPINS = 1 << 12;
    /**
     * How long a pool thread that has finished its part of a job keeps watching for the next one before it
     * returns to the pool (where it parks): OpenMP's threads spin the same way, so that the short parallel
     * ops of a training step do not each pay a thread's wake-up.
     */
    private static final long LINGER_NANOS = 200_000;

    /** The job the caller is running now, for lingering pool threads to join; null when none. */
    private static final AtomicReference<Job> CURRENT = new AtomicReference<>();
    /** Pool threads lingering now. */
    private static final AtomicInteger LINGERING = new AtomicInteger();

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
                    // the caller is the first of the threads: the pool holds the others
                    p = new ForkJoinPool(Math.max(1, numThreads - 1), factory -> {
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
     * <p>The range is cut into one contiguous home range per thread (the caller's first, as OpenMP's static
     * schedule does, so that repeated calls over the same data find it in the same core's caches), each cut
     * into up to {@value #CHUNKS_PER_THREAD} chunks. A thread runs its home chunks, then takes the chunks not
     * yet started from the other homes; the caller then waits only for chunks already running, so a pool
     * thread that wakes late, or whose core another process holds, costs no more than running serially.
     * Pool threads that finished a job linger briefly and join the next one without being woken.
     * Tasks must not depend on which thread runs which chunk, nor on how the range is cut.
     */
    public static void forRange(int n, int grain, RangeTask task) {
        int threads = numThreads;
        long g = Math.max(grain, 1);
        int maxChunks = (int) Math.min((long) threads * CHUNKS_PER_THREAD, (n + g - 1) / g);
        if (threads <= 1 || maxChunks <= 1 || INSIDE.get()) {
            task.run(0, n);
            return;
        }
        Job job = new Job(task, n, maxChunks, Math.min(threads, maxChunks));
        ForkJoinPool p = pool();
        CURRENT.set(job);
        // lingering threads join by themselves; wake pool threads only for the homes they leave
        for (int h = 1 + LINGERING.get(); h < job.homes; h++) {
            int home = h;
            p.execute(() -> helper(job, home));
        }
        job.drain(0);
        CURRENT.compareAndSet(job, null);
        job.await();
    }

    /**
     * A pool thread's part of {@code job}: its home, then the jobs that callers start while it lingers for up to
     * {@link #LINGER_NANOS} after each (any thread may drain any home: this only adds helpers).
     */
    private static void helper(Job job, int home) {
        job.drain(home);
        LINGERING.incrementAndGet();
        try {
            Job last = job;
            long since = System.nanoTime();
            while (System.nanoTime() - since < LINGER_NANOS) {
                Job next = CURRENT.get();
                if (next != null && next != last) {
                    next.drain(1 + home % (next.homes - 1));
                    last = next;
                    since = System.nanoTime();
                } else {
                    Thread.onSpinWait();
                }
            }
        } finally {
            LINGERING.decrementAndGet();
        }
    }

    /**
     * The shared state of one {@link #forRange} call: per home range the next chunk to claim, and the count of
     * chunks not yet finished.
     */
    private static final class Job {
        private final RangeTask task;
        private final int n;
        private final int per;
        private final int homes;
        /** Home h owns chunks [first[h], first[h + 1]). */
        private final int[] first;
        private final AtomicIntegerArray next;
        private final AtomicInteger pending;
        private final Thread caller = Thread.currentThread();
        private volatile Throwable failure;

        Job(RangeTask task, int n, int maxChunks, int homes) {
            this.task = task;
            this.n = n;
            this.homes = homes;
            per = (n + maxChunks - 1) / maxChunks;
            int chunks = (n + per - 1) / per;
            first = new int[homes + 1];
            next = new AtomicIntegerArray(homes);
            for (int h = 0; h <= homes; h++) {
                first[h] = (int) ((long) chunks * h / homes);
                if (h < homes) {
                    next.set(h, first[h]);
                }
            }
            pending = new AtomicInteger(chunks);
        }

        /** Runs the chunks of home {@code own}, then those of the other homes that nobody has started. */
        void drain(int own) {
            for (int k = 0; k < homes; k++) {
                int h = (own + k) % homes;
                for (int c = next.getAndIncrement(h); c < first[h + 1]; c = next.getAndIncrement(h)) {
                    runChunk(c);
                }
            }
        }

        private void runChunk(int c) {
            int begin = c * per;
            try {
                runInside(task, begin, begin + Math.min(per, n - begin));
            } catch (Throwable t) {
                if (failure == null) {
                    failure = t;
                }
            } finally {
                if (pending.decrementAndGet() == 0 && Thread.currentThread() != caller) {
                    LockSupport.unpark(caller);
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
