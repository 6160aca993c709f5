package org.torch4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.torch4j.Fixtures.assertClose;
import static org.torch4j.Fixtures.tensor;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Arrays;
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
                            : x.sum(dims(c), keepdim(c), dtype);
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

    // ------------------------------------------------------------------ beyond the fixtures: long runs, views

    /** n float32 values with a float64 sum far from what a serial float32 sum gives. */
    private static float[] ramp(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = 0.1f + (i % 10) * 1e-4f;
        }
        return a;
    }

    private static void assertRelative(double expected, double actual, double rtol, String what) {
        assertTrue(Math.abs(expected - actual) <= rtol * Math.abs(expected),
                what + ": expected " + expected + " but was " + actual);
    }

    @Test
    void longFloatSumsAreAsAccurateAsCascadeSummation() {
        float[] a = ramp(1_000_000);
        double exact = 0;
        float serial = 0;
        for (float v : a) {
            exact += v;
            serial += v;
        }
        assertTrue(Math.abs(serial - exact) > 1e-5 * exact, "the data defeats a serial float32 sum: " + (serial - exact) / exact);
        Tensor x = Torch.tensor(a);
        assertRelative(exact, x.sum().item(), 1e-7, "sum of 1e6 float32");
        assertRelative(exact / a.length, x.mean().item(), 1e-7, "mean of 1e6 float32");
        assertEquals(1_000_000.0, Torch.ones(1_000_000).sum().item());
        assertEquals(1.0, Torch.ones(1_000_000).mean().item());
    }

    @Test
    void outerAndMiddleFloatSumsAreAccurate() {
        for (int[] shape : new int[][] {{250_000, 4}, {20_000, 50}, {3, 10_000, 20}}) {
            int rows = shape[shape.length - 2];
            int cols = shape[shape.length - 1];
            int outer = shape.length == 3 ? shape[0] : 1;
            float[] a = ramp(outer * rows * cols);
            Tensor sums = Torch.tensor(a).reshape(shape).sum(shape.length - 2);
            double[] got = sums.toDoubleArray();
            for (int o = 0; o < outer; o++) {
                for (int j = 0; j < cols; j++) {
                    double exact = 0;
                    for (int r = 0; r < rows; r++) {
                        exact += a[(o * rows + r) * cols + j];
                    }
                    assertRelative(exact, got[o * cols + j], 1e-6, Shapes.format(shape) + " column " + j);
                }
            }
        }
    }

    @Test
    void longFloat64SumIsAccurate() {
        double[] a = new double[300_001];
        double exact = 0;
        double compensation = 0;
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.sin(i) * 1e3 + 1e-3 * i;
            double y = a[i] - compensation;
            double t = exact + y;
            compensation = (t - exact) - y;
            exact = t;
        }
        assertRelative(exact, Torch.tensor(a).sum().item(), 1e-13, "sum of 3e5 float64");
        assertRelative(exact, Torch.tensor(a).reshape(300_001, 1).sum(0).item(), 1e-12, "column sum of 3e5 float64");
    }

    @Test
    void longSoftmaxRowsSumToOne() {
        float[] a = new float[30_000];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (20 * Math.sin(i * 0.37) + (i % 13));
        }
        Tensor x = Torch.tensor(a).reshape(3, 10_000);
        double[] rowSums = x.softmax(1).sum(1).toDoubleArray();
        for (double s : rowSums) {
            assertEquals(1.0, s, 1e-5);
        }
        double[] p = x.softmax(1).toDoubleArray();
        double[] q = x.logSoftmax(1).exp().toDoubleArray();
        for (int i = 0; i < p.length; i++) {
            assertEquals(p[i], q[i], 1e-4 * p[i] + 1e-12, "exp(log_softmax) " + i);
        }
        double[] colSums = x.t().contiguous().softmax(0).sum(0).toDoubleArray();
        for (double s : colSums) {
            assertEquals(1.0, s, 1e-5);
        }
    }

    @Test
    void softmaxOverAnOuterDimMatchesTheLastDimLoops() {
        float[] a = new float[300 * 100];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (10 * Math.cos(i * 0.11) + (i % 17));
        }
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor x = Torch.tensor(a).reshape(300, 100).to(dtype);
            Tensor lastDim = x.t().contiguous();
            double tol = dtype == DType.FLOAT32 ? 1e-6 : 1e-14;
            assertArrayClose(lastDim.softmax(1).t().contiguous(), x.softmax(0), tol, dtype + " softmax");
            assertArrayClose(lastDim.logSoftmax(1).t().contiguous(), x.logSoftmax(0), tol, dtype + " log_softmax");
        }
    }

    private static void assertArrayClose(Tensor expected, Tensor actual, double rtol, String what) {
        double[] e = expected.toDoubleArray();
        double[] a = actual.toDoubleArray();
        assertEquals(e.length, a.length, what);
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], rtol * Math.abs(e[i]) + 1e-30, what + " element " + i);
        }
    }

    @Test
    void viewsWithOffsetsAndExpandedInputsReduceTheirOwnElements() {
        Tensor base = Torch.arange(0L, 60L, 1L).reshape(3, 4, 5);
        Tensor window = base.slice(1, 1, 4).narrow(2, 2, 3);
        // window[i][j][k] = 20 i + 5 (j + 1) + (k + 2)
        assertEquals(List.of(24L, 39L, 54L, 84L, 99L, 114L, 144L, 159L, 174L), boxed(window.sum(new int[] {2}, false)));
        assertEquals(List.of(288L, 297L, 306L), boxed(window.sum(new int[] {0, 1}, false)));
        assertEquals(59L, window.amax(new int[0], false).itemLong());
        Tensor f = window.to(DType.FLOAT32);
        assertEquals(List.of(8.0, 13.0, 18.0, 28.0, 33.0, 38.0, 48.0, 53.0, 58.0),
                boxedDoubles(f.mean(new int[] {2}, false)));
        assertEquals(List.of(2L, 2L, 2L), boxed(f.max(2, false).indices().select(0, 1)));
        Tensor expanded = Torch.tensor(new float[] {1, 2, 3}).expand(4, 3);
        assertEquals(List.of(4.0, 8.0, 12.0), boxedDoubles(expanded.sum(0)));
        assertEquals(List.of(6.0, 6.0, 6.0, 6.0), boxedDoubles(expanded.sum(1)));
        assertEquals(List.of(0L, 0L, 0L), boxed(expanded.argmax(0, false)));
        assertEquals(List.of(3.0, 6.0, 9.0, 12.0), boxedDoubles(expanded.cumsum(0).select(1, 2)));
    }

    private static List<Long> boxed(Tensor t) {
        return Arrays.stream(t.toLongArray()).boxed().collect(Collectors.toList());
    }

    private static List<Double> boxedDoubles(Tensor t) {
        return Arrays.stream(t.toDoubleArray()).boxed().collect(Collectors.toList());
    }
}
