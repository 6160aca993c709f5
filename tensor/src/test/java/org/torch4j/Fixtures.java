package org.torch4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the parity fixtures that tools/fixtures/generate.py wrote from real PyTorch, and compares tensors
 * with them. A fixture tensor is {"dtype", "shape", "data"} (see tools/fixtures/common.py).
 */
public final class Fixtures {
    private Fixtures() {
    }

    /** All cases of a family, by name, from /fixtures/&lt;family&gt;.json on the test class path. */
    public static Map<String, JsonObject> load(String family) {
        String path = "/fixtures/" + family + ".json";
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + path + ": run tools/fixtures/generate.py");
            }
            JsonReader reader = new JsonReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.setStrictness(Strictness.LENIENT);
            JsonObject root = JsonParser.parseReader(reader).getAsJsonObject();
            Map<String, JsonObject> cases = new TreeMap<>();
            for (Map.Entry<String, JsonElement> e : root.entrySet()) {
                cases.put(e.getKey(), e.getValue().getAsJsonObject());
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes a fixture tensor. */
    public static Tensor tensor(JsonElement json) {
        JsonObject o = json.getAsJsonObject();
        DType dtype = DType.valueOf(o.get("dtype").getAsString().toUpperCase());
        int[] shape = ints(o.get("shape"));
        JsonArray data = o.getAsJsonArray("data");
        int n = data.size();
        Object array;
        if (dtype.isFloatingPoint()) {
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = data.get(i).getAsDouble();
            }
            array = a;
        } else if (dtype.isIntegral()) {
            long[] a = new long[n];
            for (int i = 0; i < n; i++) {
                a[i] = data.get(i).getAsLong();
            }
            array = a;
        } else {
            boolean[] a = new boolean[n];
            for (int i = 0; i < n; i++) {
                a[i] = data.get(i).getAsBoolean();
            }
            array = a;
        }
        return Torch.tensor(array, dtype).reshape(shape);
    }

    /** A JSON array of integers (a shape, strides, dims) as an int[]. */
    public static int[] ints(JsonElement json) {
        JsonArray a = json.getAsJsonArray();
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsInt();
        }
        return out;
    }

    /** Asserts same dtype, same shape and elementwise closeness (NaN matches NaN, infinities match exactly). */
    public static void assertClose(JsonElement expectedJson, Tensor actual, double rtol, double atol, String what) {
        Tensor expected = tensor(expectedJson);
        assertEquals(expected.dtype(), actual.dtype(), what + ": dtype");
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        if (!expected.dtype().isFloatingPoint()) {
            assertArrayEquals(expected.toLongArray(), actual.toLongArray(), what + ": values");
            return;
        }
        double[] e = expected.toDoubleArray();
        double[] a = actual.toDoubleArray();
        for (int i = 0; i < e.length; i++) {
            boolean ok = Double.isNaN(e[i]) ? Double.isNaN(a[i])
                    : Double.isInfinite(e[i]) ? e[i] == a[i]
                    : Math.abs(e[i] - a[i]) <= atol + rtol * Math.abs(e[i]);
            assertTrue(ok, what + ": element " + i + " expected " + e[i] + " but was " + a[i]);
        }
    }

    /** Same with tolerances fitting the dtype: 1e-5 relative for float32, 1e-12 for float64. */
    public static void assertClose(JsonElement expectedJson, Tensor actual, String what) {
        boolean single = tensor(expectedJson).dtype() == DType.FLOAT32;
        assertClose(expectedJson, actual, single ? 1e-5 : 1e-12, single ? 1e-6 : 1e-12, what);
    }
}
