package org.torch4j.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * The one intra-op thread pool ({@code torch.set_num_threads}) and {@link #forRange}, ATen's
 * {@code parallel_for}: work below the grain size stays on the calling thread, larger work is cut into
 * at most one chunk per thread.
 */
public final class Parallel {
    /** ATen's GRAIN_SIZE: ranges smaller than this many elements are not split. */
    public static final int GRAIN_SIZE = 32768;

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
     * Runs {@code task} over [0, n), split into chunks of at least {@code grain} elements, one per thread at
     * most; nested calls run serially.
     */
    public static void forRange(int n, int grain, RangeTask task) {
        int threads = numThreads;
        int chunks = (int) Math.min(threads, (n + (long) grain - 1) / Math.max(grain, 1));
        if (chunks <= 1 || INSIDE.get()) {
            task.run(0, n);
            return;
        }
        int per = (n + chunks - 1) / chunks;
        List<ForkJoinTask<?>> tasks = new ArrayList<>(chunks - 1);
        for (int c = 1; c < chunks; c++) {
            int begin = c * per;
            int end = Math.min(n, begin + per);
            if (begin < end) {
                tasks.add(pool().submit(() -> runInside(task, begin, end)));
            }
        }
        runInside(task, 0, Math.min(n, per));
        for (ForkJoinTask<?> t : tasks) {
            t.join();
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
