package org.torch4j.utils.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.torch4j.DType;
import org.torch4j.Fixtures;
import org.torch4j.Tensor;
import org.torch4j.Torch;

/** default_collate against PyTorch 1.13's results (fixtures) and its documented type mapping. */
class CollateTest {
    private static final Map<String, JsonObject> CASES = Fixtures.load("data");

    private static Object collate(Object... samples) {
        return Collate.defaultCollate(List.of(samples));
    }

    private static void assertCollated(String name, Object actual) {
        Fixtures.assertClose(CASES.get(name).get("out"), (Tensor) actual, name);
    }

    @Test
    void numbersBecomeTensorsAsPythonNumbersDo() {
        assertCollated("collate/ints", collate(0, 1, 2));
        assertCollated("collate/ints", collate(0L, (short) 1, (byte) 2));
        assertCollated("collate/floats", collate(0.5, 1.5));
        assertCollated("collate/floats", collate(0.5f, 1.5f));
        assertCollated("collate/bools", collate(true, false));
        assertCollated("collate/int_then_float", collate(1, 2.5));
        assertCollated("collate/bool_then_int", collate(true, 2));
        assertCollated("collate/float_then_int", collate(2.5, 1));
    }

    @Test
    void tensorsAreStackedOnANewFirstDimension() {
        JsonObject c = CASES.get("collate/tensors");
        Tensor a = Fixtures.tensor(c.get("a"));
        Tensor b = Fixtures.tensor(c.get("b"));
        assertCollated("collate/tensors", collate(a, b));
    }

    @Test
    void arraysAreCollatedPositionByPosition() {
        JsonObject c = CASES.get("collate/tensors");
        Tensor a = Fixtures.tensor(c.get("a"));
        Tensor b = Fixtures.tensor(c.get("b"));
        Object pair = collate(new Object[] {a, 3}, new Object[] {b, 4});
        assertInstanceOf(Object[].class, pair);
        Object[] out = (Object[]) pair;
        var expected = CASES.get("collate/tuple").getAsJsonArray("out");
        Fixtures.assertClose(expected.get(0), (Tensor) out[0], "tuple[0]");
        Fixtures.assertClose(expected.get(1), (Tensor) out[1], "tuple[1]");
        // Tensor[] samples (TensorDataset items) give a Tensor[] batch
        Object tensors = collate(new Tensor[] {a, Torch.tensor(new long[] {3}).select(0, 0)},
                new Tensor[] {b, Torch.tensor(new long[] {4}).select(0, 0)});
        assertInstanceOf(Tensor[].class, tensors);
        Fixtures.assertClose(expected.get(1), ((Tensor[]) tensors)[1], "Tensor[] labels");
    }

    @Test
    void mapsAndListsNest() {
        Map<String, Object> s1 = new LinkedHashMap<>();
        s1.put("x", List.of(1, 2));
        s1.put("y", 0.5);
        Map<String, Object> s2 = Map.of("y", 1.5, "x", List.of(3, 4));
        Object out = collate(s1, s2);
        assertInstanceOf(LinkedHashMap.class, out);
        Map<?, ?> m = (Map<?, ?>) out;
        assertEquals(List.of("x", "y"), List.copyOf(m.keySet()));
        JsonObject c = CASES.get("collate/dict_of_lists");
        List<?> x = (List<?>) m.get("x");
        Fixtures.assertClose(c.getAsJsonArray("x").get(0), (Tensor) x.get(0), "x[0]");
        Fixtures.assertClose(c.getAsJsonArray("x").get(1), (Tensor) x.get(1), "x[1]");
        Fixtures.assertClose(c.get("y"), (Tensor) m.get("y"), "y");
    }

    @Test
    void primitiveArraysActLikeNumpyArrays() {
        Tensor t = (Tensor) collate(new float[] {1, 2}, new float[] {3, 4});
        assertEquals(DType.FLOAT32, t.dtype());
        assertArrayEquals(new int[] {2, 2}, t.shape());
        assertArrayEquals(new float[] {1, 2, 3, 4}, t.toFloatArray());
        Tensor images = (Tensor) collate(new double[][] {{1}, {2}}, new double[][] {{3}, {4}});
        assertEquals(DType.FLOAT64, images.dtype());
        assertArrayEquals(new int[] {2, 2, 1}, images.shape());
    }

    @Test
    void stringsStayAsTheyAre() {
        assertEquals(List.of("a", "b"), collate("a", "b"));
    }

    record Pair(Tensor x, Tensor y) {
    }

    record Labelled(Tensor image, int label) {
    }

    @Test
    void recordsAreRebuiltWhenTheirComponentsCanHoldTheBatch() {
        Object out = collate(new Pair(Torch.ones(2), Torch.zeros(1)), new Pair(Torch.zeros(2), Torch.ones(1)));
        assertInstanceOf(Pair.class, out);
        Pair p = (Pair) out;
        assertArrayEquals(new float[] {1, 1, 0, 0}, p.x().toFloatArray());
        assertArrayEquals(new int[] {2, 2}, p.x().shape());
        assertArrayEquals(new float[] {0, 1}, p.y().toFloatArray());
    }

    @Test
    void recordsWithPrimitiveComponentsFallBackToAMap() {
        Object out = collate(new Labelled(Torch.ones(3), 7), new Labelled(Torch.zeros(3), 9));
        assertInstanceOf(LinkedHashMap.class, out);
        Map<?, ?> m = (Map<?, ?>) out;
        assertEquals(List.of("image", "label"), List.copyOf(m.keySet()));
        Tensor label = (Tensor) m.get("label");
        assertEquals(DType.INT64, label.dtype());
        assertArrayEquals(new long[] {7, 9}, label.toLongArray());
    }

    @Test
    void errorsAreClear() {
        IllegalArgumentException stack = assertThrows(IllegalArgumentException.class,
                () -> collate(Torch.zeros(2), Torch.zeros(3)));
        assertEquals(CASES.get("collate/error_stack").get("error").getAsString(), stack.getMessage());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> collate(List.of(1, 2), List.of(3)));
        assertEquals(CASES.get("collate/error_list_size").get("error").getAsString(), size.getMessage());
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class, () -> collate(new Object()));
        assertEquals("default_collate: batch must contain tensors, primitive arrays, numbers, strings, maps, lists, "
                + "arrays or records; found java.lang.Object", type.getMessage());
        IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class,
                () -> collate(Torch.zeros(2), 1));
        assertEquals("expected Tensor as element 1 in argument 0, but got java.lang.Integer", mixed.getMessage());
        IllegalArgumentException key = assertThrows(IllegalArgumentException.class,
                () -> collate(Map.of("a", 1), Map.of("b", 2)));
        assertEquals("default_collate: key 'a' is missing in element 1 of the batch", key.getMessage());
        IllegalArgumentException number = assertThrows(IllegalArgumentException.class, () -> collate(1, "x"));
        assertEquals("default_collate: expected a number as element 1 of the batch, but got java.lang.String",
                number.getMessage());
    }

    @Test
    void theTypedFunctionIsTheSameCollate() {
        java.util.function.Function<List<Integer>, Tensor> f = Collate.defaultCollateFn();
        assertArrayEquals(new long[] {4, 5}, f.apply(List.of(4, 5)).toLongArray());
        Tensor t = Torch.ones(1);
        assertSame(DType.FLOAT32, ((Tensor) collate(t)).dtype());
    }
}
