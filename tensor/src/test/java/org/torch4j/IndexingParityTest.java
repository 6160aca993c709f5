package org.torch4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.torch4j.Fixtures.assertClose;
import static org.torch4j.Fixtures.ints;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Joining and indexing against fixtures from real PyTorch (tools/fixtures/gen_indexing.py): cat, stack,
 * index_select, gather, scatter, scatter_add, boolean masks, and split/chunk/unbind/narrow/masked_select.
 * Each fixture case names an op, its arguments and either the expected result or PyTorch's error.
 */
class IndexingParityTest {
    private static final Map<String, JsonObject> CASES = Fixtures.load("indexing");

    /** An input as the fixture describes it: a contiguous base and the views that give the actual argument. */
    private static final class Input {
        final Tensor base;
        final Tensor value;

        Input(JsonElement json) {
            base = Fixtures.tensor(json);
            Tensor t = base;
            JsonObject o = json.getAsJsonObject();
            if (o.has("view")) {
                for (JsonElement step : o.getAsJsonArray("view")) {
                    t = view(t, step.getAsJsonArray());
                }
            }
            value = t;
        }

        private static Tensor view(Tensor t, JsonArray step) {
            switch (step.get(0).getAsString()) {
                case "transpose": return t.transpose(step.get(1).getAsInt(), step.get(2).getAsInt());
                case "slice": return t.slice(step.get(1).getAsInt(), step.get(2).getAsInt(), step.get(3).getAsInt(),
                        step.get(4).getAsInt());
                case "expand": return t.expand(ints(step.get(1).getAsJsonArray()));
                default: throw new IllegalArgumentException("unknown view " + step);
            }
        }
    }

    private static Tensor in(JsonObject c, String name) {
        return new Input(c.get(name)).value;
    }

    private static Tensor[] list(JsonObject c, String name) {
        JsonArray a = c.getAsJsonArray(name);
        Tensor[] out = new Tensor[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new Input(a.get(i)).value;
        }
        return out;
    }

    private static int integer(JsonObject c, String name) {
        return c.get(name).getAsInt();
    }

    /** Runs a functional case: its result as a list of tensors. */
    private static Tensor[] run(JsonObject c) {
        int dim = c.has("dim") ? integer(c, "dim") : 0;
        switch (c.get("op").getAsString()) {
            case "cat": return one(Torch.cat(list(c, "tensors"), dim));
            case "stack": return one(Torch.stack(list(c, "tensors"), dim));
            case "index_select": return one(in(c, "x").indexSelect(dim, in(c, "index")));
            case "gather": return one(in(c, "x").gather(dim, in(c, "index")));
            case "scatter": return one(in(c, "x").scatter(dim, in(c, "index"), in(c, "src")));
            case "scatter_value": return one(in(c, "x").scatter(dim, in(c, "index"), c.get("value").getAsDouble()));
            case "scatter_add": return one(in(c, "x").scatterAdd(dim, in(c, "index"), in(c, "src")));
            case "index": return one(in(c, "x").index(in(c, "mask")));
            case "split": return in(c, "x").split(integer(c, "size"), dim);
            case "split_sizes": return in(c, "x").split(ints(c.getAsJsonArray("sizes")), dim);
            case "chunk": return in(c, "x").chunk(integer(c, "chunks"), dim);
            case "unbind": return in(c, "x").unbind(dim);
            case "narrow": return one(in(c, "x").narrow(dim, integer(c, "start"), integer(c, "length")));
            case "masked_select": return one(in(c, "x").maskedSelect(in(c, "mask")));
            default: throw new IllegalArgumentException("unknown op " + c.get("op"));
        }
    }

    /** Runs an in-place case on x (a view of its base): the op must return x and bump the storage version. */
    private static Tensor[] runInPlace(JsonObject c) {
        Input x = new Input(c.get("x"));
        int dim = c.has("dim") ? integer(c, "dim") : 0;
        int version = x.value.version();
        Tensor r;
        switch (c.get("op").getAsString()) {
            case "scatter_": r = x.value.scatter_(dim, in(c, "index"), in(c, "src")); break;
            case "scatter_value_": r = x.value.scatter_(dim, in(c, "index"), c.get("value").getAsDouble()); break;
            case "scatter_add_": r = x.value.scatterAdd_(dim, in(c, "index"), in(c, "src")); break;
            case "index_put_": r = x.value.indexPut_(in(c, "mask"), in(c, "values")); break;
            case "index_put_value_": r = x.value.indexPut_(in(c, "mask"), c.get("value").getAsDouble()); break;
            default: throw new IllegalArgumentException("unknown op " + c.get("op"));
        }
        assertSame(x.value, r, "in-place ops return their input");
        assertTrue(x.value.version() > version, "in-place ops bump the version");
        return new Tensor[] {r, x.base};
    }

    private static Tensor[] one(Tensor t) {
        return new Tensor[] {t};
    }

    private static void check(String name, JsonObject c) {
        boolean inPlace = c.get("op").getAsString().endsWith("_");
        Supplier<Tensor[]> op = () -> inPlace ? runInPlace(c) : run(c);
        if (c.has("error")) {
            JsonArray error = c.getAsJsonArray("error");
            Class<? extends RuntimeException> type = error.get(0).getAsString().equals("IndexError")
                    ? IndexOutOfBoundsException.class : IllegalArgumentException.class;
            RuntimeException e = assertThrows(type, op::get, name);
            assertEquals(error.get(1).getAsString(), e.getMessage(), name);
            return;
        }
        Tensor[] actual = op.get();
        JsonElement expect = c.get("expect");
        List<JsonElement> expected = new ArrayList<>();
        if (expect.isJsonArray()) {
            expect.getAsJsonArray().forEach(expected::add);
        } else {
            expected.add(expect);
        }
        assertEquals(expected.size(), actual.length, name + ": number of results");
        for (int i = 0; i < actual.length; i++) {
            assertClose(expected.get(i), actual[i], 0, 0, name + " result " + i);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCaseMatchesPyTorch() {
        return CASES.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> check(e.getKey(), e.getValue())));
    }

    @Test
    void fixturesCoverEveryOpAndItsErrors() {
        Map<String, int[]> perOp = new TreeMap<>();
        for (JsonObject c : CASES.values()) {
            int[] counts = perOp.computeIfAbsent(c.get("op").getAsString(), k -> new int[2]);
            counts[c.has("error") ? 1 : 0]++;
        }
        for (String op : new String[] {"cat", "stack", "index_select", "gather", "scatter", "scatter_add", "index",
            "index_put_", "index_put_value_", "split", "split_sizes", "chunk", "unbind", "narrow", "masked_select"}) {
            assertTrue(perOp.containsKey(op) && perOp.get(op)[0] > 0 && perOp.get(op)[1] > 0, op + " has values and errors");
        }
        for (String op : new String[] {"scatter_", "scatter_value", "scatter_value_", "scatter_add_"}) {
            assertTrue(perOp.containsKey(op) && perOp.get(op)[0] > 0, op + " has values");
        }
        assertEquals(267, CASES.size());
    }

    @Test
    void inPlaceFormsWriteThroughToSharedStorage() {
        Tensor x = Torch.zeros(2, 3);
        Tensor row = x.select(0, 1);
        row.scatter_(0, Torch.tensor(new long[] {2, 0}), Torch.tensor(new float[] {5, 6}));
        assertArrayEquals(new float[] {0, 0, 0, 6, 0, 5}, x.toFloatArray());
        row.scatterAdd_(0, Torch.tensor(new long[] {1, 1}), Torch.tensor(new float[] {1, 2}));
        assertArrayEquals(new float[] {0, 0, 0, 6, 3, 5}, x.toFloatArray());
        x.t().indexPut_(Torch.tensor(new boolean[] {true, false, true}), Torch.tensor(new float[] {-1, -2}));
        assertArrayEquals(new float[] {-1, 0, -1, -2, 3, -2}, x.toFloatArray());
    }

    @Test
    void reluBackwardMaskAssignment() {
        // grad_h[h < 0] = 0 from the "Learning PyTorch with Examples" tutorial
        Tensor h = Torch.tensor(new float[][] {{-1, 2}, {3, -4}});
        Tensor gradH = Torch.tensor(new float[][] {{10, 20}, {30, 40}});
        gradH.indexPut_(h.lt(0.0), 0.0);
        assertArrayEquals(new float[] {0, 20, 30, 0}, gradH.toFloatArray());
    }

    @Test
    void integerMasksAreRejectedClearly() {
        Tensor x = Torch.ones(3);
        Tensor intMask = Torch.tensor(new long[] {1, 0, 1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> x.index(intMask));
        assertTrue(e.getMessage().contains("bool mask"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> x.indexPut_(intMask, 1.0));
    }

    @Test
    void catAndStackDoNotAliasTheirInputs() {
        Tensor a = Torch.ones(2);
        Tensor c = Torch.cat(new Tensor[] {a}, 0);
        c.fill_(3.0);
        assertArrayEquals(new float[] {1, 1}, a.toFloatArray());
        assertFalse(c.storage() == a.storage());
        Tensor s = Torch.stack(new Tensor[] {a, a}, -1);
        assertArrayEquals(new int[] {2, 2}, s.shape());
    }
}
