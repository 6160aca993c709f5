package org.torch4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.torch4j.Fixtures.assertClose;
import static org.torch4j.Fixtures.tensor;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.torch4j.internal.Dispatcher;
import org.torch4j.internal.Shapes;

/** Reductions against fixtures from real PyTorch (tools/fixtures/gen_reductions.py), one dynamic test per case. */
class ReductionParityTest {
    private static final Map<String, JsonObject> CASES = Fixtures.load("reductions");

    private static Tensor input(JsonObject c) {
        Tensor x = tensor(CASES.get("input/" + c.get("in").getAsString()).get("x"));
        if (!c.has("view")) {
            return x;
        }
        return c.get("view").getAsString().equals("t") ? x.t() : x.transpose(0, 2);
    }

    private static int[] dims(JsonObject c) {
        JsonArray a = c.getAsJsonArray("dims");
        int[] dims = new int[a.size()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = a.get(i).getAsInt();
        }
        return dims;
    }

    private static Integer dim(JsonObject c) {
        return c.get("dim").isJsonNull() ? null : c.get("dim").getAsInt();
    }

    private static boolean keepdim(JsonObject c) {
        return c.has("keepdim") && c.get("keepdim").getAsBoolean();
    }

    /** Runs the case's operator through the public API: a Tensor, or ValuesIndices for max/min over a dim. */
    private static Object run(JsonObject c, Tensor x) {
        String op = c.get("op").getAsString();
        switch (op) {
            case "sum":
                if (c.has("dtype")) {
                    DType dtype = DType.valueOf(c.get("dtype").getAsString().toUpperCase());
                    return dims(c).length == 0 && !keepdim(c) ? x.sum(dtype)
                            : Dispatcher.of(x).sum(x, Shapes.wrapDims(dims(c), x.dim()), keepdim(c), dtype);
                }
                return x.sum(dims(c), keepdim(c));
            case "mean": return x.mean(dims(c), keepdim(c));
            case "amax": return x.amax(dims(c), keepdim(c));
            case "amin": return x.amin(dims(c), keepdim(c));
            case "var": return x.var(dims(c), c.get("correction").getAsDouble(), keepdim(c));
            case "std": return x.std(dims(c), c.get("correction").getAsDouble(), keepdim(c));
            case "norm": return x.norm(c.get("p").getAsDouble(), dims(c), keepdim(c));
            case "logsumexp": return x.logsumexp(dims(c), keepdim(c));
            case "prod": return dim(c) == null ? x.prod() : x.prod(dim(c), keepdim(c));
            case "max": return x.max(dim(c), keepdim(c));
            case "min": return x.min(dim(c), keepdim(c));
            case "argmax":
                if (dim(c) == null) {
                    return keepdim(c) ? Dispatcher.of(x).argmax(x, null, true) : x.argmax();
                }
                return x.argmax(dim(c), keepdim(c));
            case "argmin":
                if (dim(c) == null) {
                    return keepdim(c) ? Dispatcher.of(x).argmin(x, null, true) : x.argmin();
                }
                return x.argmin(dim(c), keepdim(c));
            case "max_all": return x.max();
            case "min_all": return x.min();
            case "softmax": return x.softmax(dim(c));
            case "log_softmax": return x.logSoftmax(dim(c));
            case "cumsum": return x.cumsum(dim(c));
            default: throw new IllegalArgumentException("unknown op " + op);
        }
    }

    private static void check(String name, JsonObject c) {
        Tensor x = input(c);
        if (c.has("error")) {
            Class<? extends RuntimeException> type = c.get("etype").getAsString().equals("IndexError")
                    ? IndexOutOfBoundsException.class : IllegalArgumentException.class;
            RuntimeException e = assertThrows(type, () -> run(c, x), name);
            assertEquals(c.get("error").getAsString(), e.getMessage(), name);
            return;
        }
        Object result = run(c, x);
        if (result instanceof ValuesIndices) {
            ValuesIndices vi = (ValuesIndices) result;
            assertClose(c.get("values"), vi.values(), name + " values");
            assertClose(c.get("indices"), vi.indices(), name + " indices");
        } else {
            assertClose(c.get("out"), (Tensor) result, name);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCaseMatchesPyTorch() {
        return CASES.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("input/"))
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> check(e.getKey(), e.getValue())));
    }

    @Test
    void fixturesCoverEveryOperator() {
        Map<String, Long> perOp = CASES.values().stream().filter(c -> c.has("op"))
                .collect(Collectors.groupingBy(c -> c.get("op").getAsString(), TreeMap::new, Collectors.counting()));
        for (String op : List.of("sum", "mean", "prod", "amax", "amin", "max", "min", "argmax", "argmin", "var", "std",
                "norm", "logsumexp", "softmax", "log_softmax", "cumsum", "max_all", "min_all")) {
            assertTrue(perOp.getOrDefault(op, 0L) >= 5, op + " has only " + perOp.get(op) + " cases");
        }
        assertTrue(CASES.size() > 600, "cases: " + CASES.size());
    }
}
