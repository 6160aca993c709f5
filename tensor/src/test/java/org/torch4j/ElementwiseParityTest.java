package org.torch4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.torch4j.Fixtures.assertClose;
import static org.torch4j.Fixtures.tensor;

import com.google.gson.JsonObject;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Elementwise operators against fixtures from real PyTorch (tools/fixtures/gen_elementwise.py). */
class ElementwiseParityTest {
    private static final Map<String, JsonObject> CASES = Fixtures.load("elementwise");

    private static BinaryOperator<Tensor> binary(String op) {
        switch (op) {
            case "add": return Tensor::add;
            case "sub": return Tensor::sub;
            case "mul": return Tensor::mul;
            case "div": return Tensor::div;
            case "pow": return Tensor::pow;
            case "remainder": return Tensor::remainder;
            case "maximum": return Tensor::maximum;
            case "minimum": return Tensor::minimum;
            case "atan2": return Tensor::atan2;
            case "eq": return Tensor::eq;
            case "ne": return Tensor::ne;
            case "lt": return Tensor::lt;
            case "le": return Tensor::le;
            case "gt": return Tensor::gt;
            case "ge": return Tensor::ge;
            case "logical_and": return Tensor::logicalAnd;
            case "logical_or": return Tensor::logicalOr;
            case "logical_xor": return Tensor::logicalXor;
            default: throw new IllegalArgumentException(op);
        }
    }

    private static UnaryOperator<Tensor> unary(String op) {
        switch (op) {
            case "neg": return Tensor::neg;
            case "abs": return Tensor::abs;
            case "sign": return Tensor::sign;
            case "exp": return Tensor::exp;
            case "log": return Tensor::log;
            case "log2": return Tensor::log2;
            case "log10": return Tensor::log10;
            case "log1p": return Tensor::log1p;
            case "expm1": return Tensor::expm1;
            case "sqrt": return Tensor::sqrt;
            case "rsqrt": return Tensor::rsqrt;
            case "reciprocal": return Tensor::reciprocal;
            case "sin": return Tensor::sin;
            case "cos": return Tensor::cos;
            case "tan": return Tensor::tan;
            case "asin": return Tensor::asin;
            case "acos": return Tensor::acos;
            case "atan": return Tensor::atan;
            case "sinh": return Tensor::sinh;
            case "cosh": return Tensor::cosh;
            case "tanh": return Tensor::tanh;
            case "sigmoid": return Tensor::sigmoid;
            case "relu": return Tensor::relu;
            case "erf": return Tensor::erf;
            case "floor": return Tensor::floor;
            case "ceil": return Tensor::ceil;
            case "round": return Tensor::round;
            case "trunc": return Tensor::trunc;
            case "logical_not": return Tensor::logicalNot;
            default: throw new IllegalArgumentException(op);
        }
    }

    @Test
    void binaryOperatorsMatchPyTorch() {
        int checked = 0;
        for (Map.Entry<String, JsonObject> e : CASES.entrySet()) {
            String[] parts = e.getKey().split("/");
            if (!parts[0].equals("binary")) {
                continue;
            }
            JsonObject c = e.getValue();
            Tensor a = tensor(c.get("a"));
            Tensor b = tensor(c.get("b"));
            if (parts[2].equals("strided")) {
                b = b.t().contiguous().t();
            }
            assertClose(c.get("out"), binary(parts[1]).apply(a, b), e.getKey());
            checked++;
        }
        assertEquals(18 * 3 + 10 * 3, checked);
    }

    @Test
    void unaryOperatorsMatchPyTorch() {
        int checked = 0;
        for (Map.Entry<String, JsonObject> e : CASES.entrySet()) {
            String[] parts = e.getKey().split("/");
            if (!parts[0].equals("unary")) {
                continue;
            }
            JsonObject c = e.getValue();
            assertClose(c.get("out"), unary(parts[1]).apply(tensor(c.get("x"))), e.getKey());
            checked++;
        }
        assertEquals(29 * 4 - 1, checked);
    }

    @Test
    void scalarOverloadsPromoteAsPyTorch() {
        Tensor i = tensor(CASES.get("scalar/int_plus_2").get("x"));
        Tensor x = tensor(CASES.get("scalar/float_pow_2").get("x"));
        Tensor d = tensor(CASES.get("scalar/double_times_float_scalar").get("x"));
        assertClose(CASES.get("scalar/int_plus_2").get("out"), i.add(2), "int + 2");
        assertClose(CASES.get("scalar/int_plus_2.5").get("out"), i.add(2.5), "int + 2.5");
        assertClose(CASES.get("scalar/int_mul_0.5").get("out"), i.mul(0.5), "int * 0.5");
        assertClose(CASES.get("scalar/float_pow_2").get("out"), x.pow(2), "x ** 2");
        assertClose(CASES.get("scalar/float_pow_0.5").get("out"), x.pow(0.5), "x ** 0.5");
        assertClose(CASES.get("scalar/double_times_float_scalar").get("out"), d.mul(1.1), "double * 1.1");
        assertClose(CASES.get("scalar/float32_plus_float64_0dim").get("out"),
                x.add(Torch.tensor(new double[] {1.5}).reshape()), "float32 + 0-dim float64");
        assertClose(CASES.get("scalar/int_div_int").get("out"), i.div(2), "int / 2");
        assertClose(CASES.get("scalar/rsub").get("out"), x.rsub(1), "1 - x");
        JsonObject alpha = CASES.get("scalar/add_alpha");
        assertClose(alpha.get("out"), tensor(alpha.get("a")).add(tensor(alpha.get("b")), -0.25), "add alpha");
        JsonObject sub = CASES.get("scalar/sub_alpha");
        assertClose(sub.get("out"), tensor(sub.get("a")).sub(tensor(sub.get("b")), 3), "sub alpha");
    }

    @Test
    void clampWhereAndMaskedFillMatchPyTorch() {
        Tensor xl = tensor(CASES.get("clamp/both").get("x"));
        assertClose(CASES.get("clamp/both").get("out"), xl.clamp(-1.0, 0.5), "clamp");
        assertClose(CASES.get("clamp/min").get("out"), xl.clampMin(0), "clamp min");
        Tensor i = tensor(CASES.get("clamp/max_int").get("x"));
        assertClose(CASES.get("clamp/max_int").get("out"), i.clampMax(1), "clamp int");
        JsonObject w = CASES.get("where/broadcast");
        assertClose(w.get("out"), Torch.where(tensor(w.get("c")), tensor(w.get("a")), tensor(w.get("b"))), "where");
        JsonObject ws = CASES.get("where/scalar");
        assertClose(ws.get("out"), Torch.where(tensor(ws.get("c")), tensor(ws.get("a")), 0.0), "where scalar");
        JsonObject m = CASES.get("masked_fill");
        assertClose(m.get("out"), tensor(m.get("x")).maskedFill(tensor(m.get("mask")), -1.5), "masked_fill");
        Tensor inPlace = tensor(m.get("x")).clone();
        inPlace.maskedFill_(tensor(m.get("mask")), -1.5);
        assertClose(m.get("out"), inPlace, "masked_fill_");
    }

    @Test
    void integerScalarsKeepIntegerDtypesAndFloatClampBoundsPromote() {
        Tensor i = tensor(CASES.get("scalar/int_pow__2").get("x"));
        assertClose(CASES.get("scalar/int_pow__2").get("out"), i.clone().pow_(2), "int **= 2");
        assertClose(CASES.get("scalar/int_rsub").get("out"), i.rsub(1), "1 - int");
        JsonObject w = CASES.get("where/scalar_int");
        assertClose(w.get("out"), Torch.where(tensor(w.get("c")), i, 0), "where int scalar");
        assertClose(CASES.get("clamp/int_float_bounds").get("out"), i.clamp(-1.0, 2.5), "int clamp float bounds");
        assertClose(CASES.get("clamp/int_int_bounds").get("out"), i.clamp(-1, 2), "int clamp int bounds");
        assertClose(CASES.get("clamp_/int_int_bounds").get("out"), i.clone().clamp_(-1, 2), "int clamp_ int bounds");
        Tensor j = tensor(CASES.get("clamp/int_min_float").get("x"));
        assertClose(CASES.get("clamp/int_min_float").get("out"), j.clampMin(2.5), "int32 clamp min float");
        Tensor bool = tensor(CASES.get("clamp/bool_int_min").get("x"));
        assertClose(CASES.get("clamp/bool_int_min").get("out"), bool.clampMin(0), "bool clamp min int");
        assertClose(CASES.get("clamp/bool_float_max").get("out"), bool.clampMax(0.5), "bool clamp max float");
        assertEquals(CASES.get("error/clamp__int_float").get("msg").getAsString(),
                assertThrows(IllegalArgumentException.class, () -> i.clone().clamp_(0.5, null)).getMessage());
        assertEquals(CASES.get("error/clamp__int32_float").get("msg").getAsString(),
                assertThrows(IllegalArgumentException.class, () -> j.clone().clamp_(null, 0.5)).getMessage());
        assertEquals(CASES.get("error/clamp__bool_int").get("msg").getAsString(),
                assertThrows(IllegalArgumentException.class, () -> bool.clone().clamp_(0, 1)).getMessage());
    }

    @Test
    void resultsAreLaidOutLikeTheirInputs() {
        Tensor x = Torch.arange(12.0).reshape(3, 4).toFloat();
        Tensor t = x.t();
        Tensor p = Torch.arange(24.0).reshape(2, 3, 4).toFloat().permute(2, 0, 1);
        Tensor row = Torch.arange(3.0).toFloat();
        Map<String, Tensor> results = new java.util.LinkedHashMap<>();
        results.put("exp_t", t.exp());
        results.put("add_t_t", t.add(t));
        results.put("add_t_contig", t.add(x.t().contiguous()));
        results.put("add_contig_t", x.t().contiguous().add(t));
        results.put("add_row_t", row.add(t));
        results.put("add_t_scalar", t.add(1L));
        results.put("gt_t", t.gt(3L));
        results.put("where_t", Torch.where(t.gt(3L), t, Torch.scalarTensor(0)));
        results.put("masked_fill_t", t.maskedFill(t.gt(3L), 0.0));
        results.put("clamp_t", t.clamp(1.0, 5.0));
        results.put("permuted_sigmoid", p.sigmoid());
        results.put("permuted_mul_contig", p.mul(p.contiguous()));
        results.put("expand_add", Torch.ones(3, 1).expand(3, 4).add(Torch.ones(4)));
        for (Map.Entry<String, Tensor> e : results.entrySet()) {
            JsonObject c = CASES.get("layout/" + e.getKey());
            assertEquals(c.get("stride").toString(), java.util.Arrays.toString(e.getValue().stride()).replace(" ", ""),
                    e.getKey());
        }
    }

    @Test
    void inPlaceFormsWriteIntoSelf() {
        Tensor x = Torch.tensor(new float[] {1, 2, 3});
        Tensor view = x.view(3);
        x.add_(1L).mul_(2.0).sub_(Torch.tensor(new float[] {1, 1, 1}));
        assertEquals("[3.0, 5.0, 7.0]", java.util.Arrays.toString(view.toFloatArray()));
        assertEquals(3, x.version());
        x.clamp_(4.0, 6.0);
        assertEquals("[4.0, 5.0, 6.0]", java.util.Arrays.toString(x.toFloatArray()));
        Tensor longs = Torch.tensor(new long[] {1, 2});
        longs.add_(Torch.tensor(new int[] {5, 6}));
        assertEquals(DType.INT64, longs.dtype());
        assertEquals("[6, 8]", java.util.Arrays.toString(longs.toLongArray()));
    }

    @Test
    void errorsCarryPyTorchMessages() {
        assertEquals(CASES.get("error/broadcast").get("msg").getAsString(),
                assertThrows(IllegalArgumentException.class, () -> Torch.ones(2, 3).add(Torch.ones(4))).getMessage());
        assertEquals(CASES.get("error/inplace_cast").get("msg").getAsString(),
                assertThrows(IllegalArgumentException.class,
                        () -> Torch.ones(new int[] {3}, TensorOptions.ofDType(DType.INT64)).add_(1.5)).getMessage());
        assertEquals(CASES.get("error/inplace_shape").get("msg").getAsString(),
                assertThrows(IllegalArgumentException.class, () -> Torch.ones(3).add_(Torch.ones(2, 3))).getMessage());
        Tensor t = Torch.tensor(new boolean[] {true});
        assertEquals(CASES.get("error/bool_sub").get("msg").getAsString(),
                assertThrows(IllegalArgumentException.class, () -> t.sub(t)).getMessage());
        assertEquals(CASES.get("error/bool_neg").get("msg").getAsString(),
                assertThrows(IllegalArgumentException.class, t::neg).getMessage());
        assertEquals(CASES.get("error/int_neg_pow").get("msg").getAsString(),
                assertThrows(IllegalArgumentException.class, () -> Torch.tensor(new long[] {2}).pow(-1L)).getMessage());
    }
}
