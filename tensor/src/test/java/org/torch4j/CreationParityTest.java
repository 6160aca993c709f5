package org.torch4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.torch4j.Fixtures.assertClose;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Creation, conversion and type promotion against PyTorch (tools/fixtures/gen_creation.py). */
class CreationParityTest {
    private static final Map<String, JsonObject> CASES = Fixtures.load("creation");

    private static void check(String name, Tensor actual) {
        assertClose(CASES.get(name), actual, 0, 0, name);
    }

    @Test
    void factoriesMatchPyTorch() {
        check("zeros", Torch.zeros(2, 3));
        check("ones_int", Torch.ones(new int[] {2, 2}, TensorOptions.ofDType(DType.INT32)));
        check("full_float", Torch.full(new int[] {2, 2}, 1.5));
        check("full_int", Torch.full(new int[] {3}, 7L));
        check("full_bool", Torch.full(new int[] {2}, true));
        check("arange_int", Torch.arange(5L));
        check("arange_float", Torch.arange(0.0, 1.0, 0.1));
        check("arange_neg_step", Torch.arange(5L, 0L, -2L));
        check("arange_float_end", Torch.arange(2.5));
        check("linspace_10", Torch.linspace(0, 1, 10));
        check("linspace_7_neg", Torch.linspace(-3.3, 2.1, 7));
        check("linspace_1", Torch.linspace(2, 5, 1));
        check("linspace_f64", Torch.linspace(0, 1, 11, TensorOptions.ofDType(DType.FLOAT64)));
        check("linspace_100", Torch.linspace(-1, 1, 100));
        check("eye_3", Torch.eye(3));
        check("eye_2x4", Torch.eye(2, 4));
        check("zeros_like_int", Torch.zerosLike(Torch.tensor(new long[] {1, 2})));
        check("ones_like_f64", Torch.onesLike(Torch.tensor(new double[] {1, 2})));
        check("full_like", Torch.fullLike(Torch.tensor(new long[] {1, 2}), 2.7));
        check("scalar_tensor", Torch.scalarTensor(2.5));
    }

    /** Bit for bit: arange and linspace round as PyTorch's vector body and scalar tail do. */
    @Test
    void rangesMatchPyTorchBitForBit() {
        int checked = 0;
        for (Map.Entry<String, JsonObject> e : CASES.entrySet()) {
            if (!e.getKey().startsWith("range/")) {
                continue;
            }
            JsonObject c = e.getValue();
            double start = c.get("start").getAsDouble();
            double end = c.get("end").getAsDouble();
            TensorOptions options = TensorOptions.ofDType(DType.valueOf(c.get("dtype").getAsString().toUpperCase()));
            Tensor actual = c.get("op").getAsString().equals("arange")
                    ? Torch.arange(start, end, c.get("step").getAsDouble(), options)
                    : Torch.linspace(start, end, c.get("step").getAsInt(), options);
            assertClose(c.get("out"), actual, 0, 0, e.getKey());
            checked++;
        }
        assertEquals(20, checked);
        assertEquals("[2, 3, 4]", java.util.Arrays.toString(Torch.arange(2L, 5L).toLongArray()));
        assertEquals("[0.5, 1.5]", java.util.Arrays.toString(Torch.arange(0.5, 2.0).toFloatArray()));
    }

    @Test
    void nestedArraysKeepTheirShapeAndType() {
        Tensor t = Torch.tensor(new int[][][] {{{1, 2}}, {{3, 4}}});
        assertEquals(DType.INT32, t.dtype());
        assertEquals("[2, 1, 2]", java.util.Arrays.toString(t.shape()));
        assertEquals("[1, 2, 3, 4]", java.util.Arrays.toString(t.toIntArray()));
        assertEquals(DType.BOOL, Torch.tensor(new boolean[] {true}).dtype());
        assertEquals(DType.FLOAT64, Torch.tensor(new double[][] {{1}}).dtype());
        assertThrows(IllegalArgumentException.class, () -> Torch.tensor(new float[][] {{1, 2}, {3}}));
        Tensor opts = Torch.tensor(new float[] {1, 2}, TensorOptions.ofDType(DType.FLOAT64).requiresGrad(true));
        assertEquals(DType.FLOAT64, opts.dtype());
        assertEquals(true, opts.requiresGrad());
    }

    @Test
    void conversionsMatchPyTorch() {
        Tensor src = Torch.tensor(new float[] {-2.7f, -0.5f, 0.0f, 0.4f, 1.0f, 2.9f, 300.6f});
        Tensor ints = Torch.tensor(new long[] {-3, 0, 1, 2, 1L << 40});
        for (DType d : DType.values()) {
            check("to/float32_to_" + d.pythonName(), src.to(d));
            check("to/int64_to_" + d.pythonName(), ints.to(d));
        }
    }

    private static Tensor operand(DType d, String kind) {
        switch (kind) {
            case "dim": return Torch.ones(new int[] {2}, TensorOptions.ofDType(d));
            default: return Torch.ones(new int[0], TensorOptions.ofDType(d));
        }
    }

    @Test
    void typePromotionTableMatchesPyTorch() {
        JsonObject table = CASES.get("promotion");
        int checked = 0;
        for (Map.Entry<String, JsonElement> e : table.entrySet()) {
            String[] k = e.getKey().split("\\|");
            DType a = DType.valueOf(k[0].substring(6).toUpperCase());
            Tensor left = Torch.ones(new int[] {2}, TensorOptions.ofDType(a));
            Tensor result;
            if (k[2].equals("scalar")) {
                result = k[1].equals("int") ? left.add(2L) : k[1].equals("float") ? left.add(2.5)
                        : left.logicalOr(Tensor.wrappedNumber(true)).to(DType.promote(a, DType.BOOL)).add(left.mul(0L));
            } else {
                result = left.add(operand(DType.valueOf(k[1].substring(6).toUpperCase()), k[2]));
            }
            if (!(k[2].equals("scalar") && k[1].equals("bool"))) {
                assertEquals(e.getValue().getAsString(), result.dtype().toString(), e.getKey());
                checked++;
            }
        }
        assertEquals(60, checked);
    }

    private static void assertMessage(String name, Executable call) {
        assertEquals(CASES.get(name).get("msg").getAsString(),
                assertThrows(RuntimeException.class, call).getMessage(), name);
    }

    @Test
    void badArgumentsThrowPyTorchMessages() {
        assertMessage("error/negative_dim", () -> Torch.zeros(2, -1));
        assertMessage("error/linspace_bool", () -> Torch.linspace(0, 1, 5, TensorOptions.ofDType(DType.BOOL)));
        assertMessage("error/arange_bool", () -> Torch.arange(0, 3, 1, TensorOptions.ofDType(DType.BOOL)));
        assertMessage("error/arange_inf", () -> Torch.arange(0, Double.POSITIVE_INFINITY));
        assertMessage("error/arange_nan", () -> Torch.arange(0.5, Double.NaN));
        assertMessage("error/arange_step_truncated", () -> Torch.arange(0, 1, 0.3, TensorOptions.ofDType(DType.INT64)));
        assertMessage("error/arange_overflow", () -> Torch.arange(0, 1e10, 1e-10));
        TensorOptions intGrad = TensorOptions.ofDType(DType.INT64).requiresGrad(true);
        assertMessage("error/factory_requires_grad_int", () -> Torch.zeros(new int[] {2}, intGrad));
        assertMessage("error/factory_requires_grad_int", () -> Torch.empty(new int[] {2}, intGrad));
        assertMessage("error/factory_requires_grad_int", () -> Torch.tensor(new long[] {1, 2}, intGrad));
        assertMessage("error/factory_requires_grad_int", () -> Torch.arange(0, 3, 1, intGrad));
        byte[] state = Torch.getRngState();
        assertMessage("error/factory_requires_grad_int",
                () -> Torch.randint(0, 3, new int[] {2}, intGrad, Generator.defaultGenerator()));
        assertEquals(java.util.Arrays.toString(state), java.util.Arrays.toString(Torch.getRngState()));
        assertMessage("error/eye_m", () -> Torch.eye(2, -3));
        assertMessage("error/eye_n_m", () -> Torch.eye(-2, -3));
        assertMessage("error/arange_step", () -> Torch.arange(0L, 5L, 0L));
        assertMessage("error/arange_sign", () -> Torch.arange(5L, 0L, 1L));
        assertMessage("error/rand_int", () -> Torch.rand(new int[] {2}, TensorOptions.ofDType(DType.INT64),
                Generator.defaultGenerator()));
        assertMessage("error/requires_grad_int", () -> Torch.ones(new int[] {2}, TensorOptions.ofDType(DType.INT64))
                .requiresGrad_());
    }
}
