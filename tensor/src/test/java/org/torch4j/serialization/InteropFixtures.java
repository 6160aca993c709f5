package org.torch4j.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.torch4j.Fixtures.ints;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.torch4j.DType;
import org.torch4j.Fixtures;
import org.torch4j.Tensor;
import org.torch4j.internal.Storage;

/**
 * The files tools/fixtures/gen_interop.py wrote with PyTorch 1.13 (resources /interop/), and the values it
 * recorded (fixtures/interop.json, encoded as gen_interop.encv describes). Other modules use it through the
 * tensor module's test jar.
 */
public final class InteropFixtures {
    private static Map<String, JsonObject> cases;
    private static Path copies;

    private InteropFixtures() {
    }

    /** A fixture file on disk (copied out of the class path, which may be a jar). */
    public static synchronized Path file(String name) {
        try (InputStream in = InteropFixtures.class.getResourceAsStream("/interop/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing /interop/" + name + ": run tools/fixtures/generate.py interop");
            }
            if (copies == null) {
                copies = Files.createTempDirectory("torch4j-interop");
                copies.toFile().deleteOnExit();
            }
            Path file = copies.resolve(name);
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where tests write files for {@code gen_interop.py --check DIR}: the system property
     * {@code torch4j.interop.out}, by default target/interop-out of the module under test.
     */
    public static Path outputFolder() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("torch4j.interop.out", "target/interop-out")));
    }

    /** A case of fixtures/interop.json. */
    public static synchronized JsonObject of(String name) {
        if (cases == null) {
            cases = Fixtures.load("interop");
        }
        return cases.get(name);
    }

    /** Asserts that a loaded value is what PyTorch had, down to tensor bits, strides and storage sharing. */
    public static void assertValue(JsonElement expected, Object actual, String where) {
        assertValue(expected, actual, where, new StorageMatch());
    }

    /** Matches the storage numbers of the fixture with loaded storages, one to one. */
    static final class StorageMatch {
        private final Map<Integer, Storage> byNumber = new java.util.HashMap<>();
        private final Map<Storage, Integer> byStorage = new IdentityHashMap<>();

        void check(int number, Storage storage, String where) {
            Storage known = byNumber.putIfAbsent(number, storage);
            assertSame(known == null ? storage : known, storage, where + ": should share storage " + number);
            Integer other = byStorage.putIfAbsent(storage, number);
            assertEquals(other == null ? number : other, number, where + ": shares a storage it should not");
        }
    }

    static void assertValue(JsonElement expected, Object actual, String where, StorageMatch storages) {
        if (expected.isJsonNull()) {
            assertNull(actual, where);
            return;
        }
        if (expected.isJsonPrimitive()) {
            JsonPrimitive p = expected.getAsJsonPrimitive();
            assertEquals(p.isBoolean() ? (Object) p.getAsBoolean() : p.getAsString(), actual, where);
            return;
        }
        JsonObject o = expected.getAsJsonObject();
        String tag = o.keySet().iterator().next();
        JsonElement body = o.get(tag);
        switch (tag) {
            case "int":
                assertEquals(body.getAsLong(), actual, where);
                break;
            case "float":
                assertInstanceOf(Double.class, actual, where);
                assertEquals(Double.doubleToLongBits(body.getAsDouble()), Double.doubleToLongBits((Double) actual), where);
                break;
            case "dtype":
                assertEquals(DType.valueOf(body.getAsString().toUpperCase()), actual, where);
                break;
            case "tuple":
            case "list": {
                assertInstanceOf(List.class, actual, where);
                assertEquals(tag.equals("tuple"), actual instanceof Tuple, where + ": tuple or list");
                List<?> list = (List<?>) actual;
                JsonArray items = body.getAsJsonArray();
                assertEquals(items.size(), list.size(), where + ": length");
                for (int i = 0; i < list.size(); i++) {
                    assertValue(items.get(i), list.get(i), where + "[" + i + "]", storages);
                }
                break;
            }
            case "dict": {
                assertInstanceOf(Map.class, actual, where);
                Map<?, ?> map = (Map<?, ?>) actual;
                JsonArray pairs = body.getAsJsonArray();
                assertEquals(pairs.size(), map.size(), where + ": size");
                Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
                for (JsonElement pair : pairs) {
                    Map.Entry<?, ?> e = it.next();
                    assertValue(pair.getAsJsonArray().get(0), e.getKey(), where + " key", storages);
                    assertValue(pair.getAsJsonArray().get(1), e.getValue(), where + "[" + e.getKey() + "]", storages);
                }
                break;
            }
            case "tensor":
                assertTensor(body.getAsJsonObject(), actual, where, storages);
                break;
            default:
                throw new AssertionError("unknown tag " + tag);
        }
    }

    private static void assertTensor(JsonObject expected, Object actual, String where, StorageMatch storages) {
        assertInstanceOf(Tensor.class, actual, where);
        Tensor t = (Tensor) actual;
        assertBits(expected, t, where);
        assertArrayEquals(ints(expected.getAsJsonArray("stride")), t.stride(), where + ": stride");
        assertEquals(expected.get("offset").getAsInt(), t.storageOffset(), where + ": storage offset");
        assertEquals(expected.get("requires_grad").getAsBoolean(), t.requiresGrad(), where + ": requires_grad");
        storages.check(expected.get("storage").getAsInt(), t.storage(), where);
    }

    /** Same dtype, shape and elements as a fixture tensor, bit for bit. */
    public static void assertBits(JsonElement expectedJson, Tensor actual, String where) {
        assertBits(Fixtures.tensor(expectedJson), actual, where);
    }

    /** Same dtype, shape and elements, bit for bit (NaN payloads and -0.0 included). */
    static void assertBits(Tensor expected, Tensor actual, String where) {
        assertEquals(expected.dtype(), actual.dtype(), where + ": dtype");
        assertArrayEquals(expected.shape(), actual.shape(), where + ": shape");
        switch (expected.dtype()) {
            case FLOAT32: {
                float[] e = expected.toFloatArray();
                float[] a = actual.toFloatArray();
                for (int i = 0; i < e.length; i++) {
                    assertEquals(Float.floatToRawIntBits(e[i]), Float.floatToRawIntBits(a[i]), where + ": element " + i);
                }
                break;
            }
            case FLOAT64: {
                double[] e = expected.toDoubleArray();
                double[] a = actual.toDoubleArray();
                for (int i = 0; i < e.length; i++) {
                    assertEquals(Double.doubleToRawLongBits(e[i]), Double.doubleToRawLongBits(a[i]),
                            where + ": element " + i);
                }
                break;
            }
            case BOOL:
                assertArrayEquals(expected.toBoolArray(), actual.toBoolArray(), where);
                break;
            default:
                assertArrayEquals(expected.toLongArray(), actual.toLongArray(), where);
        }
    }

    /** The tensors of a "dict" case by key (a state dict whose values are all tensors). */
    static Map<String, JsonObject> tensors(JsonObject dictCase) {
        Map<String, JsonObject> out = new java.util.LinkedHashMap<>();
        for (JsonElement pair : dictCase.getAsJsonArray("dict")) {
            JsonArray kv = pair.getAsJsonArray();
            JsonObject value = kv.get(1).getAsJsonObject();
            assertFalse(value.has("dict"));
            out.put(kv.get(0).getAsString(), value.getAsJsonObject("tensor"));
        }
        return out;
    }
}
