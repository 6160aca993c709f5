package org.torch4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.torch4j.Fixtures.ints;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Map;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;

/** mm, bmm, mv, dot and matmul against fixtures from real PyTorch (tools/fixtures/gen_linalg.py). */
class LinalgParityTest {
    private static final Map<String, JsonObject> CASES = Fixtures.load("linalg");

    private static BinaryOperator<Tensor> op(String name) {
        switch (name) {
            case "mm": return Tensor::mm;
            case "bmm": return Tensor::bmm;
            case "mv": return Tensor::mv;
            case "dot": return Tensor::dot;
            case "matmul": return Tensor::matmul;
            case "outer": return Tensor::outer;
            default: throw new IllegalArgumentException(name);
        }
    }

    static DType dtype(JsonObject spec) {
        return DType.valueOf(spec.get("dtype").getAsString().toUpperCase());
    }

    /** gen_linalg.py's det(): floats in [-1, 1) computed in float64 then rounded, integers in [-9, 9]. */
    private static Tensor det(int[] shape, int seed, DType dtype) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        if (dtype.isFloatingPoint()) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = ((i * 7919L + seed * 104729L) % 1009) / 504.5 - 1.0;
            }
            return Torch.tensor(v).to(dtype).reshape(shape);
        }
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = (i * 7919L + seed * 104729L) % 19 - 9;
        }
        return Torch.tensor(v).to(dtype).reshape(shape);
    }

    /** An input: stored data, or a det() spec with its chain of views. */
    static Tensor input(JsonObject spec) {
        if (spec.has("data")) {
            return Fixtures.tensor(spec);
        }
        Tensor t = det(ints(spec.get("shape")), spec.get("seed").getAsInt(), dtype(spec));
        for (JsonElement v : spec.getAsJsonArray("views")) {
            JsonArray view = v.getAsJsonArray();
            switch (view.get(0).getAsString()) {
                case "t": t = t.t(); break;
                case "mT": t = t.mT(); break;
                case "slice":
                    t = t.slice(view.get(1).getAsInt(), view.get(2).getAsInt(), view.get(3).getAsInt(),
                            view.get(4).getAsInt());
                    break;
                case "expand": t = t.expand(ints(view.get(1))); break;
                case "permute": t = t.permute(ints(view.get(1))); break;
                default: throw new IllegalArgumentException(view.toString());
            }
        }
        return t;
    }

    /** Compares with a whole or sampled expected output; float tolerances grow with the depth k of the sums. */
    static void check(JsonObject expected, Tensor actual, int k, String what) {
        boolean single = dtype(expected) == DType.FLOAT32;
        double rtol = single ? 1e-5 : 1e-12;
        double atol = (single ? 1e-6 : 1e-12) * Math.sqrt(Math.max(k, 1));
        if (expected.has("data")) {
            Fixtures.assertClose(expected, actual, rtol, atol, what);
            return;
        }
        assertEquals(dtype(expected), actual.dtype(), what + ": dtype");
        assertArrayEquals(ints(expected.get("shape")), actual.shape(), what + ": shape");
        double[] values = actual.toDoubleArray();
        int[] index = ints(expected.get("index"));
        JsonArray want = expected.getAsJsonArray("values");
        for (int i = 0; i < index.length; i++) {
            double e = want.get(i).getAsDouble();
            double a = values[index[i]];
            assertTrue(Math.abs(e - a) <= atol + rtol * Math.abs(e),
                    what + ": element " + index[i] + " expected " + e + " but was " + a);
        }
    }

    private static int checkFamily(String family) {
        int checked = 0;
        for (Map.Entry<String, JsonObject> e : CASES.entrySet()) {
            if (!e.getKey().startsWith(family + "/")) {
                continue;
            }
            JsonObject c = e.getValue();
            Tensor a = input(c.getAsJsonObject("a"));
            Tensor b = input(c.getAsJsonObject("b"));
            Tensor aBefore = a.clone();
            Tensor result = op(family).apply(a, b);
            int k = a.dim() == 0 ? 1 : a.size(-1);
            check(c.getAsJsonObject("out"), result, k, e.getKey());
            if (c.has("stride")) {
                assertArrayEquals(ints(c.get("stride")), result.stride(), e.getKey() + ": stride");
            }
            assertArrayEquals(aBefore.toDoubleArray(), a.toDoubleArray(), e.getKey() + ": input unchanged");
            checked++;
        }
        return checked;
    }

    @Test
    void mmMatchesPyTorch() {
        assertEquals(29, checkFamily("mm"));
    }

    @Test
    void bmmMatchesPyTorch() {
        assertEquals(6, checkFamily("bmm"));
    }

    @Test
    void mvMatchesPyTorch() {
        assertEquals(10, checkFamily("mv"));
    }

    @Test
    void dotMatchesPyTorch() {
        assertEquals(12, checkFamily("dot"));
    }

    @Test
    void matmulMatchesPyTorchForEveryRankCombination() {
        assertEquals(23, checkFamily("matmul"));
    }

    @Test
    void errorsCarryPyTorchMessages() {
        int checked = 0;
        for (Map.Entry<String, JsonObject> e : CASES.entrySet()) {
            if (!e.getKey().startsWith("error/")) {
                continue;
            }
            JsonObject c = e.getValue();
            JsonObject as = c.getAsJsonObject("a");
            JsonObject bs = c.getAsJsonObject("b");
            Tensor a = Torch.ones(ints(as.get("shape")), TensorOptions.ofDType(dtype(as)));
            Tensor b = Torch.ones(ints(bs.get("shape")), TensorOptions.ofDType(dtype(bs)));
            Class<? extends RuntimeException> type = c.get("type").getAsString().equals("IndexError")
                    ? IndexOutOfBoundsException.class : IllegalArgumentException.class;
            RuntimeException thrown = assertThrows(type, () -> op(c.get("op").getAsString()).apply(a, b), e.getKey());
            assertEquals(c.get("msg").getAsString(), thrown.getMessage(), e.getKey());
            checked++;
        }
        assertEquals(46, checked);
    }

    /** A float64 reference product of the float32 inputs, element by element. */
    private static double[] reference(Tensor a, Tensor b) {
        double[] x = a.toDoubleArray();
        double[] y = b.toDoubleArray();
        int m = a.size(0);
        int k = a.size(1);
        int n = b.size(1);
        double[] out = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                for (int j = 0; j < n; j++) {
                    out[i * n + j] += x[i * k + p] * y[p * n + j];
                }
            }
        }
        return out;
    }

    @Test
    void packedGemmCrossesEveryCacheBlockBoundary() {
        // beyond one block of columns (1024), of depth (1024, cut into equal blocks) and of rows (48), with ragged
        // edges and transposes; the last shape (few columns, many rows) is computed transposed
        int[][] sizes = {{7, 1030, 1030}, {197, 1100, 40}, {13, 2051, 35}, {300, 1030, 7}};
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (int[] s : sizes) {
                Tensor a = det(new int[] {s[1], s[0]}, s[0], dtype).t();
                Tensor b = det(new int[] {s[1], s[2]}, s[2], dtype);
                double[] expected = reference(a, b);
                double[] actual = a.mm(b).toDoubleArray();
                double tol = (dtype == DType.FLOAT32 ? 1e-5 : 1e-12) * Math.sqrt(s[1]);
                for (int i = 0; i < expected.length; i++) {
                    assertTrue(Math.abs(expected[i] - actual[i]) <= tol * (1 + Math.abs(expected[i])),
                            dtype + " " + java.util.Arrays.toString(s) + " element " + i + ": " + expected[i] + " vs "
                                    + actual[i]);
                }
            }
        }
    }

    @Test
    void packedGemmReadsEveryLayoutOfA() {
        // A copied row by row (row-major, rows a stride apart from a storage offset, one row expanded) or read along
        // its smaller stride (column-major, every other column, one column expanded), over two blocks of rows and of
        // depth with a partial last micro-panel; mm and addmm (alpha != 1)
        int m = 197;
        int k = 1100;
        int n = 70;
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor[] layouts = {det(new int[] {m, k}, 1, dtype), det(new int[] {k, m}, 2, dtype).t(),
                det(new int[] {m, 2 * k}, 3, dtype).slice(1, 0, 2 * k, 2),
                det(new int[] {3 * m + 1, k}, 4, dtype).slice(0, 1, 3 * m + 1, 3),
                det(new int[] {1, k}, 5, dtype).expand(m, k), det(new int[] {m, 1}, 6, dtype).expand(m, k)};
            Tensor b = det(new int[] {k, n}, 7, dtype);
            Tensor bias = det(new int[] {n}, 8, dtype);
            double[] biasValues = bias.toDoubleArray();
            double tol = (dtype == DType.FLOAT32 ? 1e-5 : 1e-12) * Math.sqrt(k);
            for (int layout = 0; layout < layouts.length; layout++) {
                Tensor a = layouts[layout];
                double[] expected = reference(a, b);
                double[] actual = a.mm(b).toDoubleArray();
                double[] fused = bias.addmm(a, b, 0.5, -1.5).toDoubleArray();
                String what = dtype + " layout " + layout + " element ";
                for (int i = 0; i < expected.length; i++) {
                    assertTrue(Math.abs(expected[i] - actual[i]) <= tol * (1 + Math.abs(expected[i])),
                            what + i + ": " + expected[i] + " vs " + actual[i]);
                    double want = 0.5 * biasValues[i % n] - 1.5 * expected[i];
                    assertTrue(Math.abs(want - fused[i]) <= 2 * tol * (1 + Math.abs(want)),
                            "addmm " + what + i + ": " + want + " vs " + fused[i]);
                }
            }
        }
    }

    @Test
    void skinnyAndDotPathProductsMatchAReference() {
        // {m, k, n}: the MLP's x·W1ᵀ, gᵀ·x, xᵀ·g and the second layer's shapes, depths around the vector length,
        // ragged edges of the 6 x 2 dot tiles, a B too large to stream (transposed dot product) and one too large
        // for the dot path at all
        int[][] sizes = {{64, 1000, 100}, {100, 64, 1000}, {1000, 64, 100}, {64, 100, 10}, {10, 64, 100},
            {64, 10, 100}, {7, 33, 5}, {13, 47, 3}, {2, 1003, 2}, {5, 16, 9}, {20, 200, 700}, {40, 700, 200}};
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (int[] s : sizes) {
                for (int layout = 0; layout < 4; layout++) {
                    Tensor a = (layout & 1) == 0 ? det(new int[] {s[0], s[1]}, s[0], dtype)
                            : det(new int[] {s[1], s[0]}, s[0], dtype).t();
                    Tensor b = (layout & 2) == 0 ? det(new int[] {s[1], s[2]}, s[2], dtype)
                            : det(new int[] {s[2], s[1]}, s[2], dtype).t();
                    double[] expected = reference(a, b);
                    double[] bias = det(new int[] {s[2]}, 3, dtype).toDoubleArray();
                    double[] actual = a.mm(b).toDoubleArray();
                    double[] fused = det(new int[] {s[2]}, 3, dtype).addmm(a, b, 0.5, 2).toDoubleArray();
                    double tol = (dtype == DType.FLOAT32 ? 1e-5 : 1e-12) * Math.sqrt(s[1]);
                    String what = dtype + " " + java.util.Arrays.toString(s) + " layout " + layout + " element ";
                    for (int i = 0; i < expected.length; i++) {
                        assertTrue(Math.abs(expected[i] - actual[i]) <= tol * (1 + Math.abs(expected[i])),
                                what + i + ": " + expected[i] + " vs " + actual[i]);
                        double want = 0.5 * bias[i % s[2]] + 2 * expected[i];
                        assertTrue(Math.abs(want - fused[i]) <= 2 * tol * (1 + Math.abs(want)),
                                "addmm " + what + i + ": " + want + " vs " + fused[i]);
                    }
                }
            }
        }
        Tensor a = det(new int[] {3, 50, 40}, 1, DType.FLOAT32);
        Tensor b = det(new int[] {3, 30, 40}, 2, DType.FLOAT32).mT();
        Tensor batched = a.bmm(b);
        for (int t = 0; t < 3; t++) {
            assertArrayEquals(a.select(0, t).mm(b.select(0, t)).toDoubleArray(), batched.select(0, t).toDoubleArray(),
                    1e-4, "batch " + t + " of the dot path");
        }
    }
}
