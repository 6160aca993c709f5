package org.torch4j.utils.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.torch4j.DType;
import org.torch4j.Fixtures;
import org.torch4j.Generator;
import org.torch4j.Tensor;
import org.torch4j.TensorOptions;
import org.torch4j.Torch;

/**
 * The index orders of PyTorch 1.13 (tools/fixtures/gen_data.py), epoch after epoch, and the draws that follow them,
 * which prove that the random stream is consumed exactly as PyTorch consumes it.
 */
class ParityTest {
    private static final Map<String, JsonObject> CASES = Fixtures.load("data");
    private static final double[] WEIGHTS = {0.1, 0.9, 0.4, 0.7, 3.0, 0.6};

    /** A JSON array of arrays ... of integers as nested Java lists of Long. */
    static Object ints(JsonElement json) {
        if (json.isJsonArray()) {
            List<Object> out = new ArrayList<>();
            for (JsonElement e : json.getAsJsonArray()) {
                out.add(ints(e));
            }
            return out;
        }
        return json.getAsLong();
    }

    static List<Long> longs(long[] values) {
        List<Long> out = new ArrayList<>();
        for (long v : values) {
            out.add(v);
        }
        return out;
    }

    static List<List<List<Long>>> epochs(DataLoader<?, Tensor> loader, int count) {
        List<List<List<Long>>> out = new ArrayList<>();
        for (int e = 0; e < count; e++) {
            List<List<Long>> epoch = new ArrayList<>();
            for (Tensor batch : loader) {
                assertEquals(DType.INT64, batch.dtype());
                epoch.add(longs(batch.toLongArray()));
            }
            out.add(epoch);
        }
        return out;
    }

    static List<List<Long>> passes(Sampler<Integer> sampler, int count) {
        List<List<Long>> out = new ArrayList<>();
        for (int e = 0; e < count; e++) {
            List<Long> pass = new ArrayList<>();
            for (int i : sampler) {
                pass.add((long) i);
            }
            out.add(pass);
        }
        return out;
    }

    static List<Long> after(Generator g) {
        return longs(Torch.randint(0, 1000, new int[] {4}, TensorOptions.ofDType(DType.INT64), g).toLongArray());
    }

    static void check(String name, Object epochs, Generator g) {
        JsonObject c = CASES.get(name);
        assertEquals(ints(c.get("epochs")), epochs, name + ": epochs");
        assertEquals(ints(c.get("after")), after(g), name + ": draws after the epochs");
    }

    private static DataLoader<Integer, Tensor> loader(int n, DataLoaderOptions options) {
        return new DataLoader<>(new Indices(n), options);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 42})
    void shuffledEpochsFromTheDefaultGenerator(int seed) {
        Torch.manualSeed(seed);
        var l = loader(10, new DataLoaderOptions().batchSize(3).shuffle(true));
        check("loader/shuffle/seed" + seed, epochs(l, 3), Generator.defaultGenerator());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 42})
    void shuffledEpochsFromTheLoadersGenerator(int seed) {
        Generator g = new Generator(seed);
        var l = loader(10, new DataLoaderOptions().batchSize(3).shuffle(true).generator(g));
        check("loader/shuffle_generator/seed" + seed, epochs(l, 3), g);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 42})
    void dropLast(int seed) {
        Torch.manualSeed(seed);
        var l = loader(10, new DataLoaderOptions().batchSize(4).shuffle(true).dropLast(true));
        check("loader/drop_last/seed" + seed, epochs(l, 2), Generator.defaultGenerator());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 42})
    void workersGiveTheSameOrderAndDrawTheSameNumbers(int seed) {
        Torch.manualSeed(seed);
        try (var l = loader(11, new DataLoaderOptions().batchSize(2).shuffle(true).numWorkers(2))) {
            check("loader/workers/seed" + seed, epochs(l, 2), Generator.defaultGenerator());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 42})
    void batchSamplerSharingTheLoadersGenerator(int seed) {
        Generator g = new Generator(seed);
        BatchSampler batches = new BatchSampler(new RandomSampler(new Indices(10), g), 3, true);
        var l = loader(10, new DataLoaderOptions().batchSampler(batches).generator(g));
        check("loader/batch_sampler/seed" + seed, epochs(l, 2), g);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 42})
    void sequentialLoaderStillDrawsABaseSeedPerEpoch(int seed) {
        Torch.manualSeed(seed);
        var l = loader(10, new DataLoaderOptions().batchSize(4));
        check("loader/sequential/seed" + seed, epochs(l, 2), Generator.defaultGenerator());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 42})
    void randomSampler(int seed) {
        Torch.manualSeed(seed);
        check("sampler/random/seed" + seed, passes(new RandomSampler(new Indices(7)), 2),
                Generator.defaultGenerator());
        Generator g = new Generator(seed);
        check("sampler/random_num_samples/seed" + seed,
                passes(new RandomSampler(new Indices(7), false, 17, g), 2), g);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 42})
    void randomSamplerWithReplacement(int seed) {
        Torch.manualSeed(seed);
        check("sampler/replacement/seed" + seed, passes(new RandomSampler(new Indices(10), true, 70, null), 2),
                Generator.defaultGenerator());
        Generator g = new Generator(seed);
        check("sampler/replacement_generator/seed" + seed,
                passes(new RandomSampler(new Indices(10), true, 40, g), 2), g);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 42})
    void subsetAndWeightedSamplers(int seed) {
        Torch.manualSeed(seed);
        check("sampler/subset_random/seed" + seed, passes(new SubsetRandomSampler(new int[] {10, 20, 30, 40, 50}), 2),
                Generator.defaultGenerator());
        Generator g = new Generator(seed);
        check("sampler/weighted_replacement/seed" + seed,
                passes(new WeightedRandomSampler(WEIGHTS, 10, true, g), 2), g);
        Torch.manualSeed(seed);
        check("sampler/weighted/seed" + seed, passes(new WeightedRandomSampler(WEIGHTS, 5, false, null), 2),
                Generator.defaultGenerator());
    }

    static List<List<Long>> indices(List<Subset<Integer>> subsets) {
        List<List<Long>> out = new ArrayList<>();
        for (Subset<Integer> s : subsets) {
            List<Long> items = new ArrayList<>();
            for (int i = 0; i < s.len(); i++) {
                items.add((long) s.getItem(i));
            }
            out.add(items);
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 42})
    void randomSplit(int seed) {
        JsonObject lengths = CASES.get("split/lengths/seed" + seed);
        Generator g = new Generator(seed);
        assertEquals(ints(lengths.get("subsets")), indices(RandomSplit.randomSplit(new Indices(10), new int[] {3, 7}, g)));
        assertEquals(ints(lengths.get("after")), after(g));

        JsonObject fractions = CASES.get("split/fractions/seed" + seed);
        g = new Generator(seed);
        assertEquals(ints(fractions.get("subsets")),
                indices(RandomSplit.randomSplit(new Indices(31), new double[] {0.3, 0.3, 0.4}, g)));
        assertEquals(ints(fractions.get("after")), after(g));

        JsonObject byDefault = CASES.get("split/default_generator/seed" + seed);
        Torch.manualSeed(seed);
        assertEquals(ints(byDefault.get("subsets")),
                indices(RandomSplit.randomSplit(new Indices(9), new double[] {0.5, 0.25, 0.25})));
        assertEquals(ints(byDefault.get("after")), after(Generator.defaultGenerator()));
    }

    @Test
    void randomSplitErrorsMatchPyTorch() {
        IllegalArgumentException sum = assertThrows(IllegalArgumentException.class,
                () -> RandomSplit.randomSplit(new Indices(10), new int[] {3, 6}));
        assertEquals(CASES.get("split/error").get("error").getAsString(), sum.getMessage());
        IllegalArgumentException fraction = assertThrows(
                IllegalArgumentException.class,
                () -> RandomSplit.randomSplit(new Indices(10), new double[] {0.5, -0.5, 1.0}));
        assertEquals(CASES.get("split/fraction_error").get("error").getAsString(), fraction.getMessage());
    }

    @Test
    void batchSampler() {
        SequentialSampler s = new SequentialSampler(new Indices(10));
        assertEquals(ints(CASES.get("batch_sampler/keep_last").get("batches")), toLongs(new BatchSampler(s, 3, false)));
        assertEquals(ints(CASES.get("batch_sampler/drop_last").get("batches")), toLongs(new BatchSampler(s, 3, true)));
    }

    private static List<List<Long>> toLongs(Sampler<List<Integer>> batches) {
        List<List<Long>> out = new ArrayList<>();
        for (List<Integer> b : batches) {
            List<Long> l = new ArrayList<>();
            b.forEach(i -> l.add((long) i));
            out.add(l);
        }
        return out;
    }

    /** range(n); with split, each worker yields its own stride (get_worker_info). */
    static final class Stream implements IterableDataset<Integer> {
        private final int n;
        private final boolean split;

        Stream(int n, boolean split) {
            this.n = n;
            this.split = split;
        }

        @Override
        public Iterator<Integer> iterator() {
            WorkerInfo info = WorkerInfo.current();
            if (split && info != null) {
                return IntStream.iterate(info.id(), i -> i < n, i -> i + info.numWorkers()).iterator();
            }
            return IntStream.range(0, n).iterator();
        }
    }

    @Test
    void iterableDatasetWorkersAlternateAsInPyTorch() {
        try (DataLoader<Integer, Tensor> replicas = new DataLoader<>(new Stream(5, false),
                new DataLoaderOptions().batchSize(2).numWorkers(2))) {
            assertEquals(ints(CASES.get("iterable/replicas").get("epochs")), epochs(replicas, 1));
        }
        try (DataLoader<Integer, Tensor> split = new DataLoader<>(new Stream(7, true),
                new DataLoaderOptions().batchSize(2).numWorkers(3))) {
            assertEquals(ints(CASES.get("iterable/split").get("epochs")), epochs(split, 1));
        }
        try (DataLoader<Integer, Tensor> split = new DataLoader<>(new Stream(7, true),
                new DataLoaderOptions().batchSize(2).numWorkers(3).dropLast(true))) {
            assertEquals(ints(CASES.get("iterable/split_drop_last").get("epochs")), epochs(split, 1));
        }
    }
}
