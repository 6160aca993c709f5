package org.torch4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.torch4j.Fixtures.tensor;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Random streams against fixtures from real PyTorch (tools/fixtures/gen_random.py). Integer streams and float32
 * streams must match bit for bit. float64 normal samples may differ by up to two ulps: PyTorch's double
 * Box-Muller calls glibc's log/sin/cos, whose last bit itself differs between glibc's FMA and non-FMA code paths
 * (so between CPUs); torch4j uses Java's Math functions there, which agree with glibc on about 99.8% of samples.
 */
class RandomParityTest {
    private static final Map<String, JsonObject> CASES = Fixtures.load("random");
    private static final int[] SEEDS = {0, 42};

    // ------------------------------------------------------------------ helpers

    private static void assertExact(JsonElement expected, Tensor actual, String what) {
        Fixtures.assertClose(expected, actual, 0, 0, what);
    }

    /** float32 exactly; float64 within two ulps (see the class comment). */
    private static void assertNormal(JsonElement expectedJson, Tensor actual, String what) {
        Tensor expected = tensor(expectedJson);
        if (expected.dtype() == DType.FLOAT32) {
            assertExact(expectedJson, actual, what);
            return;
        }
        assertEquals(expected.dtype(), actual.dtype(), what + ": dtype");
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        double[] e = expected.toDoubleArray();
        double[] a = actual.toDoubleArray();
        for (int i = 0; i < e.length; i++) {
            assertTrue(Math.abs(Double.doubleToLongBits(e[i]) - Double.doubleToLongBits(a[i])) <= 2,
                    what + ": element " + i + " expected " + e[i] + " but was " + a[i]);
        }
    }

    private static JsonObject at(String name) {
        JsonObject c = CASES.get(name);
        if (c == null) {
            throw new IllegalStateException("no fixture case " + name);
        }
        return c;
    }

    private static TensorOptions dtype(String name) {
        return TensorOptions.ofDType(DType.valueOf(name.toUpperCase()));
    }

    private static int[] shapeOf(JsonObject c) {
        return tensor(c.get("out")).shape();
    }

    private static Tensor empty(int[] shape, String dtype) {
        return Torch.empty(shape, dtype(dtype));
    }

    /** Runs {@code body} after {@code torch.manual_seed(seed)} for every seed and case name with the prefix. */
    private static int forEachSeeded(String prefix, CaseCheck body) {
        int checked = 0;
        for (int seed : SEEDS) {
            String p = "seed" + seed + "/" + prefix;
            for (Map.Entry<String, JsonObject> e : CASES.entrySet()) {
                if (e.getKey().startsWith(p)) {
                    Torch.manualSeed(seed);
                    body.check(e.getKey().substring(p.length()), e.getValue(), e.getKey());
                    checked++;
                }
            }
        }
        return checked;
    }

    @FunctionalInterface
    private interface CaseCheck {
        void check(String rest, JsonObject c, String name);
    }

    // ------------------------------------------------------------------ streams

    @Test
    void randMatchesPyTorch() {
        int n = forEachSeeded("rand/", (rest, c, name) -> {
            String dt = rest.substring(0, rest.indexOf('/'));
            Tensor out = Torch.rand(shapeOf(c), dtype(dt), Generator.defaultGenerator());
            assertExact(c.get("out"), out, name);
        });
        assertEquals(14, n);
    }

    @Test
    void randnMatchesPyTorchOnBothPaths() {
        int n = forEachSeeded("randn/", (rest, c, name) -> {
            String dt = rest.substring(0, rest.indexOf('/'));
            assertNormal(c.get("out"), Torch.randn(shapeOf(c), dtype(dt), Generator.defaultGenerator()), name);
        });
        assertEquals(28, n);
    }

    @Test
    void uniformAndNormalWithParametersMatchPyTorch() {
        int n = forEachSeeded("uniform/", (rest, c, name) -> {
            String dt = rest.substring(0, rest.indexOf('/'));
            if (rest.endsWith("/contiguous")) {
                Tensor t = empty(shapeOf(c), dt).uniform_(c.get("from").getAsDouble(), c.get("to").getAsDouble());
                assertExact(c.get("out"), t, name);
            } else {
                Tensor base = Torch.zeros(new int[] {6, 8}, dtype(dt));
                base.slice(1, 0, 8, 2).uniform_(-2.0, 5.0);
                assertExact(c.get("out"), base, name);
            }
        });
        n += forEachSeeded("normal/", (rest, c, name) -> {
            String dt = rest.substring(0, rest.indexOf('/'));
            Tensor result;
            if (rest.endsWith("/contiguous")) {
                result = empty(shapeOf(c), dt).normal_(c.get("mean").getAsDouble(), c.get("std").getAsDouble());
            } else if (rest.endsWith("/transposed")) {
                result = Torch.zeros(new int[] {6, 8}, dtype(dt));
                result.t().normal_(-1.0, 3.0);
            } else {
                result = Torch.zeros(new int[] {2, 3, 4}, dtype(dt));
                result.permute(2, 0, 1).normal_(0.5, 2.0);
            }
            assertNormal(c.get("out"), result, name);
        });
        assertEquals(20, n);
    }

    @Test
    void randintAndRandomMatchPyTorch() {
        int n = forEachSeeded("randint/", (rest, c, name) -> {
            Tensor out = Torch.randint(c.get("low").getAsLong(), c.get("high").getAsLong(), shapeOf(c));
            assertExact(c.get("out"), out, name);
        });
        n += forEachSeeded("random_from_to/", (rest, c, name) -> {
            String dt = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
            Tensor t = empty(shapeOf(c), dt).random_(c.get("low").getAsLong(), c.get("high").getAsLong());
            assertExact(c.get("out"), t, name);
        });
        n += forEachSeeded("random_full/", (rest, c, name) -> assertExact(c.get("out"), empty(shapeOf(c), rest).random_(), name));
        assertEquals(32, n);
    }

    @Test
    void randpermMatchesPyTorch() {
        int n = forEachSeeded("randperm/", (rest, c, name) -> {
            if (!rest.equals("100000")) {
                assertExact(c.get("out"), Torch.randperm(Integer.parseInt(rest)), name);
                return;
            }
            Tensor perm = Torch.randperm(100000);
            assertExact(c.get("head"), perm.slice(0, 0, 20), name + " head");
            assertExact(c.get("tail"), perm.slice(0, 99980, 100000), name + " tail");
            long[] p = perm.toLongArray();
            long weighted = 0;
            for (int i = 0; i < p.length; i++) {
                weighted += i * p[i];
            }
            assertEquals(c.get("weighted_sum").getAsLong(), weighted, name);
        });
        assertEquals(14, n);
    }

    @Test
    void bernoulliMatchesPyTorch() {
        int n = forEachSeeded("bernoulli_/", (rest, c, name) -> {
            Tensor t = empty(shapeOf(c), rest).bernoulli_(c.get("p").getAsDouble());
            assertExact(c.get("out"), t, name);
        });
        n += forEachSeeded("bernoulli/", (rest, c, name) -> {
            Tensor p = tensor(c.get("p"));
            assertExact(c.get("out"), Torch.bernoulli(rest.endsWith("/transposed") ? p.t() : p), name);
        });
        assertEquals(18, n);
    }

    @Test
    void multinomialMatchesPyTorch() {
        int n = forEachSeeded("multinomial/", (rest, c, name) -> {
            Tensor probs = rest.contains("/300cats/")
                    ? Torch.arange(300).mul(37L).remainder(101L).add(1L).toFloat() : tensor(c.get("probs"));
            if (rest.contains("/transposed/")) {
                probs = probs.t().contiguous().t();
            }
            Tensor out = Torch.multinomial(probs, c.get("n").getAsInt(), c.get("replacement").getAsBoolean());
            assertExact(c.get("out"), out, name);
        });
        assertEquals(40, n);
    }

    @Test
    void interleavedCallsShareOneStreamAndTheNormalCache() {
        for (int seed : SEEDS) {
            Torch.manualSeed(seed);
            Generator d = Generator.defaultGenerator();
            List<Function<Generator, Tensor>> calls = List.of(
                g -> Torch.rand(new int[] {5}, TensorOptions.defaults(), g),
                g -> Torch.randn(new int[] {3}, TensorOptions.defaults(), g),
                g -> Torch.rand(new int[] {5}, TensorOptions.defaults(), g),
                g -> Torch.randn(new int[] {3}, TensorOptions.defaults(), g),
                g -> Torch.randn(new int[] {20}, TensorOptions.defaults(), g),
                g -> Torch.randn(new int[] {1}, TensorOptions.defaults(), g),
                g -> Torch.randn(new int[] {2}, dtype("float64"), g),
                g -> Torch.randint(0, 1000, new int[] {4}, TensorOptions.ofDType(DType.INT64), g),
                g -> Torch.randn(new int[] {5}, dtype("float64"), g),
                g -> Torch.randperm(7, g),
                g -> Torch.rand(new int[] {3}, dtype("float64"), g));
            JsonArray outs = at("seed" + seed + "/interleaved").getAsJsonArray("outs");
            for (int i = 0; i < calls.size(); i++) {
                assertNormal(outs.get(i), calls.get(i).apply(d), "interleaved seed " + seed + " call " + i);
            }
            Generator g = new Generator().manualSeed(seed);
            List<Tensor> gouts = List.of(
                Torch.rand(new int[] {5}, TensorOptions.defaults(), g),
                Torch.randn(new int[] {3}, TensorOptions.defaults(), g),
                Torch.randn(new int[] {17}, TensorOptions.defaults(), g),
                Torch.randint(3, 9, new int[] {6}, TensorOptions.ofDType(DType.INT64), g),
                Torch.randperm(9, g),
                Torch.empty(4).normal_(1.0, 2.0, g),
                Torch.multinomial(Torch.ones(6), 3, false, g));
            JsonArray expected = at("seed" + seed + "/generator").getAsJsonArray("outs");
            for (int i = 0; i < gouts.size(); i++) {
                assertExact(expected.get(i), gouts.get(i), "generator seed " + seed + " call " + i);
            }
        }
    }

    @Test
    void randomSamplerSeedDrawMatchesPyTorch() {
        for (int seed : SEEDS) {
            JsonObject c = at("seed" + seed + "/random_sampler");
            Torch.manualSeed(seed);
            long samplerSeed = Torch.empty(new int[0], TensorOptions.ofDType(DType.INT64)).random_().itemLong();
            assertEquals(c.get("seed").getAsLong(), samplerSeed, "sampler seed " + seed);
            Generator g = new Generator();
            g.manualSeed(samplerSeed);
            Tensor perm = Torch.randperm(25, g);
            assertExact(c.get("perm"), perm, "sampler perm " + seed);
            long[] sampled = new long[25];
            JsonArray s = c.getAsJsonArray("sampled");
            for (int i = 0; i < sampled.length; i++) {
                sampled[i] = s.get(i).getAsLong();
            }
            assertArrayEquals(sampled, perm.toLongArray());
        }
    }

    // ------------------------------------------------------------------ generator

    @Test
    void generatorSeedsLikePyTorch() {
        JsonObject fresh = at("generator/default_seed");
        Generator g = new Generator();
        assertEquals(fresh.get("initial_seed").getAsLong(), g.initialSeed());
        assertExact(fresh.get("out"), Torch.rand(new int[] {4}, TensorOptions.defaults(), g), "default seed");

        JsonObject big = at("generator/seed_above_32_bits");
        Generator b = new Generator().manualSeed(big.get("seed").getAsLong());
        assertEquals(big.get("initial_seed").getAsLong(), b.initialSeed());
        assertExact(big.get("out"), Torch.randint(0, 100, new int[] {8}, TensorOptions.ofDType(DType.INT64), b),
                "seed above 32 bits");

        assertEquals(42L, Torch.manualSeed(42).initialSeed());
        assertEquals(42L, Torch.initialSeed());
        long s = Torch.seed();
        assertEquals(s, Torch.initialSeed());
    }

    @Test
    void stateBytesMatchPyTorchAndRestoreItsStream() {
        JsonObject c = at("generator/state");
        byte[] pytorchState = HexFormat.of().parseHex(c.get("state_hex").getAsString());
        Generator g = new Generator().manualSeed(42);
        Torch.randn(new int[] {3}, TensorOptions.defaults(), g);
        Torch.rand(new int[] {2}, TensorOptions.defaults(), g);
        assertArrayEquals(pytorchState, g.getState(), "state bytes after randn(3), rand(2)");

        Generator restored = new Generator().setState(pytorchState);
        JsonArray outs = c.getAsJsonArray("outs");
        assertNormal(outs.get(0), Torch.randn(new int[] {5}, dtype("float64"), restored), "after set_state randn");
        assertExact(outs.get(1), Torch.rand(new int[] {3}, TensorOptions.defaults(), restored), "after set_state rand");
        assertExact(outs.get(2), Torch.randint(0, 1L << 40, new int[] {3}, TensorOptions.ofDType(DType.INT64),
                restored), "after set_state randint");

        // a legacy (pre-1.5) state: 5048 bytes, the cached normal sample in polar form (normal_x, normal_rho)
        JsonObject legacy = at("generator/legacy_state");
        ByteBuffer bytes = ByteBuffer.wrap(Arrays.copyOf(new Generator(legacy.get("seed").getAsLong()).getState(),
                5048)).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putDouble(5016, legacy.get("normal_x").getAsDouble());
        bytes.putDouble(5032, legacy.get("normal_rho").getAsDouble());
        bytes.putInt(5040, 1);
        Generator old = new Generator().setState(bytes.array());
        assertNormal(legacy.get("out"), Torch.randn(new int[] {3}, dtype("float64"), old), "legacy state");
    }

    @Test
    void savedStateReproducesTheStreamIncludingTheCachedNormal() {
        Generator g = new Generator().manualSeed(7);
        Torch.randn(new int[] {3}, dtype("float64"), g);
        byte[] saved = g.getState();
        List<Tensor> first = drawMix(g);
        g.setState(saved);
        List<Tensor> again = drawMix(g);
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(first.get(i).toDoubleArray(), again.get(i).toDoubleArray(), "draw " + i);
        }
        Generator copy = new Generator().setState(saved);
        assertArrayEquals(first.get(0).toDoubleArray(), drawMix(copy).get(0).toDoubleArray());
        assertEquals(7L, copy.initialSeed());
    }

    private static List<Tensor> drawMix(Generator g) {
        return List.of(Torch.randn(new int[] {5}, dtype("float64"), g),
                Torch.rand(new int[] {40}, TensorOptions.defaults(), g),
                Torch.randn(new int[] {33}, TensorOptions.defaults(), g),
                Torch.randperm(50, g),
                Torch.randint(-4, 1L << 35, new int[] {6}, TensorOptions.ofDType(DType.INT64), g));
    }

    @Test
    void rawDrawsCombineTwo32BitDrawsHighFirst() {
        Generator a = new Generator().manualSeed(5);
        Generator b = new Generator().manualSeed(5);
        long hi = a.random();
        long lo = a.random();
        assertEquals((hi << 32) | lo, b.random64());
        assertTrue(hi >= 0 && hi < (1L << 32));
        // mt19937 seeded with 5489 (std::mt19937's default) gives 3499211612 first
        assertEquals(3499211612L, new Generator(5489).random());
    }

    @Test
    void concurrentDrawsSplitOneStream() throws InterruptedException {
        Generator shared = new Generator().manualSeed(11);
        int threads = 4;
        int each = 5000;
        long[][] got = new long[threads][each];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers.add(new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    got[id][i] = shared.random64();
                }
            }));
        }
        workers.forEach(Thread::start);
        for (Thread w : workers) {
            w.join();
        }
        long[] all = Arrays.stream(got).flatMapToLong(Arrays::stream).sorted().toArray();
        Generator serial = new Generator().manualSeed(11);
        long[] expected = new long[threads * each];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = serial.random64();
        }
        Arrays.sort(expected);
        assertArrayEquals(expected, all);
    }

    // ------------------------------------------------------------------ errors

    @Test
    void badArgumentsGivePyTorchMessages() {
        JsonObject e = at("errors");
        expect(e, "random_equal", () -> Torch.empty(new int[] {3}, TensorOptions.ofDType(DType.INT64)).random_(5, 5));
        expect(e, "random_int32_to", () -> Torch.empty(new int[] {3}, dtype("int32")).random_(0, 1L << 40));
        expect(e, "random_int32_from", () -> Torch.empty(new int[] {3}, dtype("int32")).random_(-(1L << 40), 5));
        expect(e, "random_bool_to", () -> Torch.empty(new int[] {3}, dtype("bool")).random_(0, 3));
        expect(e, "randint_equal", () -> Torch.randint(5L, 5L, new int[] {3}));
        expect(e, "uniform_order", () -> Torch.empty(3).uniform_(2, 1));
        expect(e, "uniform_range", () -> Torch.empty(3).uniform_(-3e38, 3e38));
        expect(e, "uniform_int", () -> Torch.empty(new int[] {3}, TensorOptions.ofDType(DType.INT64)).uniform_(0, 1));
        expect(e, "rand_int", () -> Torch.rand(new int[] {3}, TensorOptions.ofDType(DType.INT64),
                Generator.defaultGenerator()));
        expect(e, "normal_std", () -> Torch.empty(3).normal_(0, -1.5));
        expect(e, "normal_int", () -> Torch.empty(new int[] {3}, dtype("int32")).normal_(0, 1));
        expect(e, "randn_bool", () -> Torch.randn(new int[] {3}, dtype("bool"), Generator.defaultGenerator()));
        expect(e, "bernoulli_p", () -> Torch.empty(3).bernoulli_(1.5));
        expect(e, "bernoulli_tensor_p", () -> Torch.bernoulli(Torch.tensor(new float[] {0.5f, 1.5f})));
        expect(e, "randperm_negative", () -> Torch.randperm(-1));
        expect(e, "expanded", () -> Torch.empty(2).expand(3, 2).uniform_(0, 1));
        expect(e, "leaf", () -> Torch.ones(3).requiresGrad_(true).uniform_(0, 1));
        expect(e, "multinomial_fast_negative", () -> Torch.multinomial(Torch.tensor(new float[] {0.5f, -1f}), 1, false));
        expect(e, "multinomial_negative", () -> Torch.multinomial(Torch.tensor(new float[] {0.5f, -1f}), 2, true));
        expect(e, "multinomial_nan", () -> Torch.multinomial(Torch.tensor(new float[] {0.5f, Float.NaN}), 2, true));
        expect(e, "multinomial_inf",
                () -> Torch.multinomial(Torch.tensor(new float[] {0.5f, Float.POSITIVE_INFINITY}), 2, true));
        expect(e, "multinomial_zero_sum", () -> Torch.multinomial(Torch.tensor(new float[] {0f, 0f}), 2, true));
        expect(e, "multinomial_fast_zero_sum",
                () -> Torch.multinomial(Torch.tensor(new float[][] {{0.5f, 0.5f}, {0f, 0f}}), 1, false));
        expect(e, "multinomial_too_many", () -> Torch.multinomial(Torch.tensor(new float[] {0.5f, 0.5f}), 3, false));
        expect(e, "multinomial_zero_samples",
                () -> Torch.multinomial(Torch.tensor(new float[] {0.5f, 0.5f}), 0, true));
        expect(e, "multinomial_3d", () -> Torch.multinomial(Torch.ones(1, 1, 2), 1, true));
        expect(e, "multinomial_int", () -> Torch.multinomial(Torch.tensor(new long[] {1, 2}), 1, true));
        expect(e, "set_state_size", () -> new Generator().setState(new byte[10]));
    }

    private static void expect(JsonObject errors, String key, Executable call) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, call, key);
        assertEquals(errors.get(key).getAsString(), ex.getMessage(), key);
    }
}
