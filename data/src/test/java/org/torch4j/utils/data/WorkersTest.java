package org.torch4j.utils.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DataLoader with worker threads. Nothing here measures time: overlap and prefetching are shown by what the dataset
 * observes (concurrent calls, indices requested while the loop body waits), and every wait has a generous bound so
 * that a broken loader fails instead of hanging.
 */
class WorkersTest {
    private static final Function<List<Integer>, List<Integer>> AS_LIST = ArrayList::new;
    private static final long WAIT_S = 20;

    /** Items are their indices; getItem runs a hook first (sleep, block, throw, count). */
    static final class Hooked implements Dataset<Integer> {
        final int n;
        final IntConsumer hook;
        final AtomicInteger calls = new AtomicInteger();

        Hooked(int n, IntConsumer hook) {
            this.n = n;
            this.hook = hook;
        }

        @Override
        public Integer getItem(int index) {
            calls.incrementAndGet();
            hook.accept(index);
            return index;
        }

        @Override
        public int len() {
            return n;
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static List<Thread> workerThreads() {
        List<Thread> out = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("torch4j DataLoader worker")) {
                out.add(t);
            }
        }
        return out;
    }

    /** Every worker thread ends (they are told to stop and interrupted; none should linger). */
    static void assertWorkersStop() throws InterruptedException {
        for (Thread t : workerThreads()) {
            t.join(TimeUnit.SECONDS.toMillis(WAIT_S));
            assertFalse(t.isAlive(), t.getName() + " still running");
        }
    }

    @AfterEach
    void noWorkerOutlivesItsTest() throws InterruptedException {
        assertWorkersStop();
    }

    @Test
    void batchesComeInSamplerOrderWhateverOrderWorkersFinishIn() {
        // later indices are faster, so workers finish out of order
        Hooked ds = new Hooked(40, i -> sleep((40 - i) % 7));
        try (var loader = new DataLoader<>(ds, new DataLoaderOptions().batchSize(3).numWorkers(3), AS_LIST)) {
            var serial = new DataLoader<>(new Indices(40), new DataLoaderOptions().batchSize(3), AS_LIST);
            assertEquals(DataLoaderTest.epoch(serial), DataLoaderTest.epoch(loader));
            assertEquals(DataLoaderTest.epoch(serial), DataLoaderTest.epoch(loader), "second epoch");
        }
    }

    @Test
    void workersLoadConcurrently() {
        int workers = 4;
        CyclicBarrier allBusy = new CyclicBarrier(workers);
        AtomicInteger active = new AtomicInteger();
        AtomicInteger maxActive = new AtomicInteger();
        // each getItem waits until all four workers are inside getItem at once: only concurrent loading gets through
        Hooked ds = new Hooked(8, i -> {
            maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
            try {
                allBusy.await(WAIT_S, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("workers did not overlap", e);
            } finally {
                active.decrementAndGet();
            }
        });
        try (var loader = new DataLoader<>(ds, new DataLoaderOptions().numWorkers(workers), AS_LIST)) {
            List<List<Integer>> batches = DataLoaderTest.epoch(loader);
            assertEquals(IntStream.range(0, 8).mapToObj(List::of).toList(), batches);
        }
        assertEquals(workers, maxActive.get());
    }

    @Test
    void workersPrefetchWhileTheTrainingLoopRuns() throws InterruptedException {
        CountDownLatch thirdRequested = new CountDownLatch(1);
        Hooked ds = new Hooked(10, i -> {
            if (i == 3) {
                thirdRequested.countDown();
            }
        });
        try (var loader = new DataLoader<>(ds, new DataLoaderOptions().numWorkers(2), AS_LIST)) {
            Iterator<List<Integer>> it = loader.iterator();
            assertEquals(List.of(0), it.next());
            // the "training step" on batch 0 waits: batch 3 can only be requested by prefetching workers
            assertTrue(thirdRequested.await(WAIT_S, TimeUnit.SECONDS), "index 3 loaded during the training step");
            assertEquals(List.of(1), it.next());
        }
    }

    @Test
    void prefetchIsBoundedByPrefetchFactorTimesWorkers() throws InterruptedException {
        Hooked ds = new Hooked(100, i -> { });
        try (var loader = new DataLoader<>(ds, new DataLoaderOptions().numWorkers(2).prefetchFactor(3), AS_LIST)) {
            Iterator<List<Integer>> it = loader.iterator();
            awaitCalls(ds, 6);
            Thread.sleep(200);
            assertEquals(6, ds.calls.get(), "no more than prefetch_factor * num_workers batches ahead");
            assertEquals(List.of(0), it.next());
            awaitCalls(ds, 7);
            Thread.sleep(200);
            assertEquals(7, ds.calls.get());
        }
    }

    private static void awaitCalls(Hooked ds, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
        while (ds.calls.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(count, ds.calls.get());
    }

    @Test
    void aWorkerFailureReachesTheLoopWithItsIndexAndStopsTheOthers() throws InterruptedException {
        Hooked ds = new Hooked(1000, i -> {
            if (i == 13) {
                throw new IllegalStateException("bad sample");
            }
            sleep(1);
        });
        List<List<Integer>> seen = new ArrayList<>();
        WorkerException e;
        try (var loader = new DataLoader<>(ds, new DataLoaderOptions().batchSize(4).numWorkers(3), AS_LIST)) {
            Iterator<List<Integer>> it = loader.iterator();
            e = assertThrows(WorkerException.class, () -> {
                while (it.hasNext()) {
                    seen.add(it.next());
                }
            });
            assertWorkersStop();
            int calls = ds.calls.get();
            assertTrue(calls < 1000, "the other workers stopped early (" + calls + " calls)");
            IllegalStateException after = assertThrows(IllegalStateException.class, it::hasNext);
            assertEquals("this DataLoader iterator is closed", after.getMessage());
        }
        assertEquals(List.of(List.of(0, 1, 2, 3), List.of(4, 5, 6, 7), List.of(8, 9, 10, 11)), seen);
        assertEquals(13, e.index());
        assertTrue(e.workerId() >= 0 && e.workerId() < 3);
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertEquals("bad sample", e.getCause().getMessage());
        assertEquals("Caught IllegalStateException in DataLoader worker " + e.workerId()
                + " while fetching index 13: bad sample", e.getMessage());
    }

    /** Throws a checked exception without declaring it, as code built with sneaky throws (Lombok and the like) does. */
    @SuppressWarnings("unchecked")
    static <E extends Throwable> void sneakyThrow(Throwable t) throws E {
        throw (E) t;
    }

    @Test
    void anUndeclaredCheckedExceptionInAWorkerStillReachesTheLoop() {
        Hooked ds = new Hooked(8, i -> {
            if (i == 5) {
                WorkersTest.<RuntimeException>sneakyThrow(new java.io.IOException("disk gone"));
            }
        });
        // the timeout only bounds the test: the failure itself must arrive, not a timeout
        var options = new DataLoaderOptions().batchSize(2).numWorkers(2).timeout(Duration.ofSeconds(WAIT_S));
        try (var loader = new DataLoader<>(ds, options, AS_LIST)) {
            Iterator<List<Integer>> it = loader.iterator();
            it.next();
            it.next();
            WorkerException e = assertThrows(WorkerException.class, it::next);
            assertInstanceOf(java.io.IOException.class, e.getCause());
            assertEquals(-1, e.index());
            assertEquals("Caught IOException in DataLoader worker " + e.workerId() + " while loading a batch: disk gone",
                    e.getMessage());
        }
    }

    @Test
    void aCollateFailureNamesTheBatch() {
        Function<List<Integer>, List<Integer>> picky = batch -> {
            if (batch.contains(5)) {
                throw new IllegalArgumentException("cannot collate");
            }
            return batch;
        };
        try (var loader = new DataLoader<>(new Indices(8), new DataLoaderOptions().batchSize(2).numWorkers(2), picky)) {
            Iterator<List<Integer>> it = loader.iterator();
            it.next();
            it.next();
            WorkerException e = assertThrows(WorkerException.class, it::next);
            assertEquals(-1, e.index());
            assertTrue(e.getMessage().endsWith("while collating the batch of indices [4, 5]: cannot collate"),
                    e.getMessage());
        }
    }

    @Test
    void aTimeoutThrowsAndStopsTheWorkers() {
        CountDownLatch release = new CountDownLatch(1);
        Hooked ds = new Hooked(4, i -> {
            if (i == 1) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException("interrupted", e);
                }
            }
        });
        try (var loader = new DataLoader<>(ds, new DataLoaderOptions().numWorkers(2).timeout(Duration.ofMillis(100)),
                AS_LIST)) {
            Iterator<List<Integer>> it = loader.iterator();
            assertEquals(List.of(0), it.next());
            IllegalStateException e = assertThrows(IllegalStateException.class, it::next);
            assertEquals("DataLoader timed out after 0.1 seconds", e.getMessage());
        }
    }

    @Test
    void breakingOutOfTryWithResourcesStopsTheWorkers() throws InterruptedException {
        Hooked ds = new Hooked(10_000, i -> sleep(1));
        int batches = 0;
        try (var loader = new DataLoader<>(ds, new DataLoaderOptions().batchSize(8).numWorkers(3), AS_LIST)) {
            for (List<Integer> batch : loader) {
                assertEquals(8 * batches, batch.get(0));
                if (++batches == 2) {
                    break;
                }
            }
        }
        assertWorkersStop();
        int calls = ds.calls.get();
        Thread.sleep(50);
        assertEquals(calls, ds.calls.get(), "nothing is loaded after close");
    }

    @Test
    void closingAnIteratorStopsItsWorkersAndTheLoaderGoesOn() throws InterruptedException {
        try (var loader = new DataLoader<>(new Indices(100), new DataLoaderOptions().batchSize(5).numWorkers(2),
                AS_LIST)) {
            DataLoaderIterator<List<Integer>> it = loader.iterator();
            assertEquals(List.of(0, 1, 2, 3, 4), it.next());
            it.close();
            assertWorkersStop();
            assertThrows(IllegalStateException.class, it::next);
            assertEquals(20, DataLoaderTest.epoch(loader).size(), "a new epoch starts fresh workers");
        }
    }

    @Test
    void closeNeverWaitsForABusyWorker() {
        CountDownLatch inside = new CountDownLatch(1);
        AtomicInteger spins = new AtomicInteger();
        Hooked ds = new Hooked(4, i -> {
            inside.countDown();
            // ignores interrupts for a while, as user code may
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            while (System.nanoTime() < end) {
                spins.incrementAndGet();
            }
        });
        assertTimeoutPreemptively(Duration.ofSeconds(WAIT_S), () -> {
            DataLoader<Integer, List<Integer>> loader = new DataLoader<>(ds, new DataLoaderOptions().numWorkers(1),
                    AS_LIST);
            loader.iterator();
            assertTrue(inside.await(WAIT_S, TimeUnit.SECONDS));
            loader.close();
        });
    }

    @Test
    void aCloseThatRacesWithTheStartOfAnEpochStillStopsItsWorkers() throws InterruptedException {
        // the batch sampler closes the loader while iterator() is past its closed check but has no workers yet,
        // as a close() from another thread may
        AtomicReference<DataLoader<Integer, List<Integer>>> self = new AtomicReference<>();
        Sampler<List<Integer>> closing = new Sampler<>() {
            @Override
            public Iterator<List<Integer>> iterator() {
                self.get().close();
                return List.of(List.of(0), List.of(1)).iterator();
            }

            @Override
            public int len() {
                return 2;
            }
        };
        var loader = new DataLoader<>(new Hooked(2, i -> { }), new DataLoaderOptions().batchSampler(closing).numWorkers(2),
                AS_LIST);
        self.set(loader);
        IllegalStateException e = assertThrows(IllegalStateException.class, loader::iterator);
        assertEquals("the DataLoader is closed", e.getMessage());
        assertWorkersStop();
    }

    @Test
    void closingFromAnotherThreadWakesTheLoop() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        Hooked ds = new Hooked(4, i -> {
            inside.countDown();
            sleep(TimeUnit.SECONDS.toMillis(WAIT_S * 3));
        });
        DataLoader<Integer, List<Integer>> loader = new DataLoader<>(ds, new DataLoaderOptions().numWorkers(1),
                AS_LIST);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread loop = new Thread(() -> {
            try {
                for (List<Integer> ignored : loader) {
                    // never reached
                }
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        loop.start();
        assertTrue(inside.await(WAIT_S, TimeUnit.SECONDS));
        loader.close();
        loop.join(TimeUnit.SECONDS.toMillis(WAIT_S));
        assertFalse(loop.isAlive(), "the loop woke up");
        assertInstanceOf(IllegalStateException.class, thrown.get());
    }

    @Test
    void workerInfoNamesEachWorker() {
        Set<String> infos = ConcurrentHashMap.newKeySet();
        Hooked ds = new Hooked(12, i -> {
            WorkerInfo w = WorkerInfo.current();
            infos.add(w.id() + "/" + w.numWorkers() + "/" + (w.seed() - w.id()));
        });
        try (var loader = new DataLoader<>(ds, new DataLoaderOptions().batchSize(2).numWorkers(3), AS_LIST)) {
            DataLoaderTest.epoch(loader);
        }
        assertEquals(3, infos.size(), infos.toString());
        long baseSeeds = infos.stream().map(s -> s.split("/")[2]).distinct().count();
        assertEquals(1, baseSeeds, "seed = base_seed + id, one base seed per epoch: " + infos);
        assertTrue(infos.stream().allMatch(s -> s.contains("/3/")));
        assertNull(WorkerInfo.current(), "no WorkerInfo on the main thread");
    }

    @Test
    void aFailingIterableDatasetStopsTheEpoch() {
        IterableDataset<Integer> broken = () -> new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                if (i == 3) {
                    throw new IllegalStateException("stream broke");
                }
                return i++;
            }
        };
        try (var loader = new DataLoader<>(broken, new DataLoaderOptions().batchSize(2).numWorkers(1), AS_LIST)) {
            Iterator<List<Integer>> it = loader.iterator();
            assertEquals(List.of(0, 1), it.next());
            WorkerException e = assertThrows(WorkerException.class, it::next);
            assertEquals(-1, e.index());
            assertEquals("Caught IllegalStateException in DataLoader worker 0 while reading the IterableDataset: "
                    + "stream broke", e.getMessage());
        }
    }
}
