package org.torch4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code Tensor.toString()} against {@code repr(tensor)} from real PyTorch (tools/fixtures/gen_printing.py). */
class PrintingParityTest {
    private static final Map<String, JsonObject> CASES = Fixtures.load("printing");

    @Test
    void reprMatchesPyTorchCharacterForCharacter() {
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, JsonObject> e : CASES.entrySet()) {
            String expected = e.getValue().get("repr").getAsString();
            String actual = rebuild(e.getValue()).toString();
            if (!expected.equals(actual)) {
                mismatches.add(e.getKey() + "\nexpected:\n" + expected + "\nactual:\n" + actual);
            }
        }
        assertEquals(List.of(), mismatches, mismatches.size() + " of " + CASES.size() + " cases differ");
        assertTrue(CASES.size() >= 140, "cases: " + CASES.size());
    }

    /** The printed tensor of a case: the stored tensor, then its view and autograd state. */
    private static Tensor rebuild(JsonObject c) {
        JsonObject x = c.getAsJsonObject("x");
        Tensor t = x.has("start") ? ramp(x) : Fixtures.tensor(x);
        if (c.has("view")) {
            assertEquals("t", c.get("view").getAsString());
            t = t.t();
        }
        if (c.has("requires_grad")) {
            t.requiresGrad_();
        }
        if (c.has("grad_fn")) {
            String name = c.get("grad_fn").getAsString();
            t.autogradMeta().gradFn = () -> name;
        }
        return t;
    }

    /** gen_printing.ramp: start + i * step in float64, patched, cast to the dtype, reshaped. */
    private static Tensor ramp(JsonObject x) {
        JsonArray shapeJson = x.getAsJsonArray("shape");
        int[] shape = new int[shapeJson.size()];
        int n = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeJson.get(i).getAsInt();
            n *= shape[i];
        }
        double start = x.get("start").getAsDouble();
        double step = x.get("step").getAsDouble();
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = i * step + start;
        }
        for (JsonElement p : x.getAsJsonArray("patch")) {
            values[p.getAsJsonArray().get(0).getAsInt()] = p.getAsJsonArray().get(1).getAsDouble();
        }
        DType dtype = DType.valueOf(x.get("dtype").getAsString().toUpperCase());
        return Torch.tensor(values).to(dtype).reshape(shape);
    }
}
