package org.torch4j.nn;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.torch4j.Fixtures;
import org.torch4j.Tensor;

/** The nn parity fixtures (tools/fixtures/gen_nn.py) and the helpers the nn tests share to read them. */
final class NnCases {
    /** Every case of nn.json by name. */
    static final Map<String, JsonObject> ALL = Fixtures.load("nn");

    /** float32 results of composed ops may round differently from ATen's fused kernels: 1e-4 relative, 1e-5 absolute. */
    static final double RTOL = 1e-4;
    static final double ATOL = 1e-5;

    private NnCases() {
    }

    /** The cases whose names start with prefix, sorted by name. */
    static Map<String, JsonObject> withPrefix(String prefix) {
        Map<String, JsonObject> out = new TreeMap<>();
        ALL.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** A fixture state dict, in the order of its "keys" list. */
    static Map<String, Tensor> stateDict(JsonObject c) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        JsonObject state = c.getAsJsonObject("state");
        for (String key : strings(c.getAsJsonArray("keys"))) {
            out.put(key, Fixtures.tensor(state.get(key)));
        }
        return out;
    }

    static List<String> strings(JsonArray array) {
        List<String> out = new ArrayList<>();
        for (JsonElement e : array) {
            out.add(e.getAsString());
        }
        return out;
    }

    static void assertClose(JsonElement expected, Tensor actual, String what) {
        Fixtures.assertClose(expected, actual, RTOL, ATOL, what);
    }
}
