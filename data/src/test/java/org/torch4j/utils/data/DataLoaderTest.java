package org.torch4j.utils.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.torch4j.DType;
import org.torch4j.Generator;
import org.torch4j.Tensor;
import org.torch4j.Torch;

/** DataLoader on the calling thread: batching, samplers, collate, options, IterableDataset, closing. */
class DataLoaderTest {
    private static final Function<List<Integer>, List<Integer>> AS_LIST = ArrayList::new;

    static <B> List<B> epoch(Iterable<B> loader) {
        List<B> out = new ArrayList<>();
        loader.forEach(out::add);
        return out;
    }

    @Test
    void batchesOfATensorDataset() {
        Tensor x = Torch.arange(20L).reshape(10, 2).toFloat();
        Tensor y = Torch.arange(10L);
        DataLoader<Tensor[], Tensor[]> loader = new DataLoader<>(new TensorDataset(x, y),
                new DataLoaderOptions().batchSize(4));
        assertEquals(3, loader.len());
        List<Tensor[]> batches = epoch(loader);
        assertEquals(3, batches.size());
        assertArrayEquals(new int[] {4, 2}, batches.get(0)[0].shape());
        assertArrayEquals(new int[] {2, 2}, batches.get(2)[0].shape());
        assertArrayEquals(new float[] {8, 9, 10, 11, 12, 13, 14, 15}, batches.get(1)[0].toFloatArray());
        assertEquals(DType.FLOAT32, batches.get(1)[0].dtype());
        assertArrayEquals(new long[] {8, 9}, batches.get(2)[1].toLongArray());
        assertEquals(DType.INT64, batches.get(2)[1].dtype());

        DataLoader<Tensor[], Tensor[]> dropping = new DataLoader<>(new TensorDataset(x, y),
                new DataLoaderOptions().batchSize(4).dropLast(true));
        assertEquals(2, dropping.len());
        List<Tensor[]> kept = epoch(dropping);
        assertEquals(2, kept.size());
        assertArrayEquals(new long[] {4, 5, 6, 7}, kept.get(1)[1].toLongArray());
    }

    @Test
    void defaultOptionsGiveBatchesOfOne() {
        DataLoader<Integer, Tensor> loader = new DataLoader<>(new Indices(3));
        List<Tensor> batches = epoch(loader);
        assertEquals(3, batches.size());
        assertArrayEquals(new long[] {2}, batches.get(2).toLongArray());
    }

    @Test
    void customCollateSamplerAndBatchSampler() {
        var plain = new DataLoader<>(new Indices(7), new DataLoaderOptions().batchSize(3), AS_LIST);
        assertEquals(List.of(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6)), epoch(plain));

        Sampler<Integer> reversed = new Sampler<>() {
            @Override
            public Iterator<Integer> iterator() {
                return IntStream.iterate(4, i -> i >= 0, i -> i - 1).iterator();
            }

            @Override
            public int len() {
                return 5;
            }
        };
        var sampled = new DataLoader<>(new Indices(5), new DataLoaderOptions().batchSize(2).sampler(reversed), AS_LIST);
        assertSame(reversed, sampled.sampler());
        assertEquals(List.of(List.of(4, 3), List.of(2, 1), List.of(0)), epoch(sampled));
        assertEquals(3, sampled.len());

        BatchSampler pairs = new BatchSampler(new SequentialSampler(new Indices(5)), 2, true);
        var batched = new DataLoader<>(new Indices(5), new DataLoaderOptions().batchSampler(pairs), AS_LIST);
        assertSame(pairs, batched.batchSampler());
        assertEquals(List.of(List.of(0, 1), List.of(2, 3)), epoch(batched));
        assertEquals(2, batched.len());
    }

    @Test
    void shuffleIsDeterministicForASeedAndChangesEveryEpoch() {
        DataLoader<Integer, List<Integer>> loader = new DataLoader<>(new Indices(50),
                new DataLoaderOptions().batchSize(50).shuffle(true), AS_LIST);
        Torch.manualSeed(7);
        List<Integer> first = epoch(loader).get(0);
        List<Integer> second = epoch(loader).get(0);
        Torch.manualSeed(7);
        assertEquals(first, epoch(loader).get(0));
        assertEquals(second, epoch(loader).get(0));
        assertNotEquals(first, second);
        List<Integer> sorted = new ArrayList<>(first);
        sorted.sort(null);
        assertEquals(IntStream.range(0, 50).boxed().toList(), sorted);

        Function<Long, List<Integer>> withGenerator = seed -> epoch(new DataLoader<>(new Indices(50),
                new DataLoaderOptions().batchSize(50).shuffle(true).generator(new Generator(seed)), AS_LIST)).get(0);
        assertEquals(withGenerator.apply(3L), withGenerator.apply(3L));
        assertNotEquals(withGenerator.apply(3L), withGenerator.apply(4L));
    }

    @Test
    void iteratorProtocol() {
        DataLoader<Integer, List<Integer>> loader = new DataLoader<>(new Indices(3),
                new DataLoaderOptions().batchSize(2), AS_LIST);
        DataLoaderIterator<List<Integer>> it = loader.iterator();
        assertEquals(2, it.len());
        assertTrue(it.hasNext());
        assertTrue(it.hasNext());
        assertEquals(List.of(0, 1), it.next());
        assertEquals(List.of(2), it.next());
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
        it.close();
        IllegalStateException closed = assertThrows(IllegalStateException.class, it::hasNext);
        assertEquals("this DataLoader iterator is closed", closed.getMessage());
    }

    @Test
    void aClosedLoaderCannotBeIterated() {
        DataLoader<Integer, List<Integer>> loader = new DataLoader<>(new Indices(6),
                new DataLoaderOptions().batchSize(2), AS_LIST);
        Iterator<List<Integer>> running = loader.iterator();
        running.next();
        loader.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, loader::iterator);
        assertEquals("the DataLoader is closed", e.getMessage());
        assertThrows(IllegalStateException.class, running::hasNext);
    }

    @Test
    void aFailingSampleThrowsUnchangedOnTheCallingThread() {
        Dataset<Integer> flaky = new Dataset<>() {
            @Override
            public Integer getItem(int index) {
                if (index == 3) {
                    throw new IllegalStateException("bad sample 3");
                }
                return index;
            }

            @Override
            public int len() {
                return 6;
            }
        };
        DataLoader<Integer, List<Integer>> loader = new DataLoader<>(flaky, new DataLoaderOptions().batchSize(2),
                AS_LIST);
        Iterator<List<Integer>> it = loader.iterator();
        assertEquals(List.of(0, 1), it.next());
        IllegalStateException e = assertThrows(IllegalStateException.class, it::next);
        assertEquals("bad sample 3", e.getMessage());
        assertEquals(List.of(4, 5), it.next(), "as in PyTorch, the epoch goes on after a failed batch");
        assertThrows(IndexOutOfBoundsException.class, () -> epoch(new DataLoader<>(new Subset<>(new Indices(3),
                new int[] {0, 5}), new DataLoaderOptions(), AS_LIST)));
    }

    @Test
    void optionErrorsUsePyTorchsMessages() {
        Indices ds = new Indices(4);
        assertEquals("num_workers option should be non-negative; use num_workers=0 to disable multiprocessing.",
                error(() -> new DataLoader<>(ds, new DataLoaderOptions().numWorkers(-1))));
        assertEquals("timeout option should be non-negative",
                error(() -> new DataLoader<>(ds, new DataLoaderOptions().numWorkers(1).timeout(Duration.ofSeconds(-1)))));
        assertEquals("prefetch_factor option could only be specified in multiprocessing.let num_workers > 0 to "
                + "enable multiprocessing.", error(() -> new DataLoader<>(ds, new DataLoaderOptions().prefetchFactor(3))));
        assertEquals("prefetch_factor option should be positive, but got prefetch_factor=0",
                error(() -> new DataLoader<>(ds, new DataLoaderOptions().numWorkers(1).prefetchFactor(0))));
        assertEquals("timeout option only applies with num_workers > 0",
                error(() -> new DataLoader<>(ds, new DataLoaderOptions().timeout(Duration.ofSeconds(1)))));
        assertEquals("sampler option is mutually exclusive with shuffle",
                error(() -> new DataLoader<>(ds, new DataLoaderOptions().shuffle(true)
                        .sampler(new SequentialSampler(ds)))));
        BatchSampler bs = new BatchSampler(new SequentialSampler(ds), 2, false);
        String exclusive = "batch_sampler option is mutually exclusive with batch_size, shuffle, sampler, and drop_last";
        assertEquals(exclusive, error(() -> new DataLoader<>(ds, new DataLoaderOptions().batchSampler(bs).batchSize(2))));
        assertEquals(exclusive, error(() -> new DataLoader<>(ds, new DataLoaderOptions().batchSampler(bs).shuffle(true))));
        assertEquals(exclusive, error(() -> new DataLoader<>(ds, new DataLoaderOptions().batchSampler(bs).dropLast(true))));
        assertEquals("batch_size should be a positive integer value, but got batch_size=0",
                error(() -> new DataLoader<>(ds, new DataLoaderOptions().batchSize(0))));
        Stream stream = new Stream(3, -1);
        assertEquals("DataLoader with IterableDataset: expected unspecified shuffle option, but got shuffle=True",
                error(() -> new DataLoader<>(stream, new DataLoaderOptions().shuffle(true))));
        assertTrue(error(() -> new DataLoader<>(stream, new DataLoaderOptions().sampler(new SequentialSampler(ds))))
                .startsWith("DataLoader with IterableDataset: expected unspecified sampler option, but got sampler="));
        assertTrue(error(() -> new DataLoader<>(stream, new DataLoaderOptions().batchSampler(bs)))
                .startsWith("DataLoader with IterableDataset: expected unspecified batch_sampler option"));
    }

    private static String error(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    /** range(n), with a length when len &gt;= 0. */
    static final class Stream implements IterableDataset<Integer> {
        private final int n;
        private final int len;

        Stream(int n, int len) {
            this.n = n;
            this.len = len;
        }

        @Override
        public Iterator<Integer> iterator() {
            return IntStream.range(0, n).iterator();
        }

        @Override
        public int len() {
            return len >= 0 ? len : IterableDataset.super.len();
        }
    }

    @Test
    void iterableDatasetsAreBatchedInStreamOrder() {
        var keep = new DataLoader<>(new Stream(7, 7), new DataLoaderOptions().batchSize(3), AS_LIST);
        assertEquals(List.of(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6)), epoch(keep));
        assertEquals(3, keep.len());
        var drop = new DataLoader<>(new Stream(7, 7), new DataLoaderOptions().batchSize(3).dropLast(true), AS_LIST);
        assertEquals(List.of(List.of(0, 1, 2), List.of(3, 4, 5)), epoch(drop));
        assertEquals(2, drop.len());
        assertNull(drop.sampler());
        var unsized = new DataLoader<>(new Stream(2, -1), new DataLoaderOptions().batchSize(3), AS_LIST);
        assertEquals(List.of(List.of(0, 1)), epoch(unsized));
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, unsized::len);
        assertEquals("object of type 'Stream' has no len()", e.getMessage());
    }
}
