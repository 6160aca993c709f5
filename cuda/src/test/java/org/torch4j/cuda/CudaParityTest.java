package org.torch4j.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.torch4j.DType;
import org.torch4j.Device;
import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.internal.ConvChecks;
import org.torch4j.internal.ConvParams;
import org.torch4j.internal.Dispatcher;

/**
 * Every operator of the op table on CUDA against the CPU backend on the same random inputs: same dtype, shape
 * and strides, values within float tolerance (exact for integers, bools and indices). Inputs cover broadcasting,
 * transposed and sliced views, CPU scalars, mixed dtypes and the in-place forms.
 */
class CudaParityTest {
    private static final Device GPU = Device.cuda(0);

    @BeforeEach
    void gpu() {
        CudaAssumptions.requireGpu();
    }

    /** Runs op on the CPU inputs and on their CUDA copies (0-dim CPU inputs stay on the CPU, as scalars may). */
    private static void same(String name, Function<Tensor[], Tensor> op, Tensor... inputs) {
        Tensor[] onCpu = new Tensor[inputs.length];
        Tensor[] onGpu = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            onCpu[i] = inputs[i].clone();
            onGpu[i] = inputs[i].dim() == 0 ? inputs[i].clone() : inputs[i].to(GPU);
        }
        Tensor expected = op.apply(onCpu);
        Tensor actual = op.apply(onGpu);
        assertEquals(GPU, actual.device(), name);
        assertClose(name, expected, actual);
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i].dim() > 0) {
                assertClose(name + " (input " + i + " after the call)", onCpu[i], onGpu[i]);
            }
        }
    }

    static void assertClose(String name, Tensor expected, Tensor actual) {
        assertEquals(expected.dtype(), actual.dtype(), name + ": dtype");
        assertArrayEquals(expected.shape(), actual.shape(), name + ": shape");
        assertArrayEquals(expected.stride(), actual.stride(), name + ": strides");
        Tensor got = actual.cpu();
        switch (expected.dtype()) {
            case FLOAT32:
            case FLOAT64: {
                double[] e = expected.toDoubleArray();
                double[] a = got.toDoubleArray();
                double rtol = expected.dtype() == DType.FLOAT32 ? 2e-5 : 1e-12;
                double atol = expected.dtype() == DType.FLOAT32 ? 1e-5 : 1e-12;
                for (int i = 0; i < e.length; i++) {
                    boolean ok = Double.isNaN(e[i]) ? Double.isNaN(a[i])
                            : e[i] == a[i] || !Double.isInfinite(e[i]) && Math.abs(e[i] - a[i]) <= atol + rtol * Math.abs(e[i]);
                    assertTrue(ok, name + ": element " + i + " expected " + e[i] + " but was " + a[i]);
                }
                break;
            }
            case BOOL:
                assertArrayEquals(expected.toBoolArray(), got.toBoolArray(), name);
                break;
            default:
                assertArrayEquals(expected.toLongArray(), got.toLongArray(), name);
        }
    }

    private static Tensor randn(int... shape) {
        return Torch.randn(shape);
    }

    private static Tensor positive(int... shape) {
        return Torch.rand(shape).add(0.1);
    }

    private static Tensor ints(int... shape) {
        return Torch.randint(-20, 20, shape);
    }

    private static DynamicTest test(String name, Runnable body) {
        return DynamicTest.dynamicTest(name, body::run);
    }

    @TestFactory
    List<DynamicTest> unary() {
        Torch.manualSeed(1);
        List<DynamicTest> tests = new ArrayList<>();
        String[] names = {"neg", "abs", "sign", "exp", "log", "log2", "log10", "log1p", "expm1", "sqrt", "rsqrt",
            "reciprocal", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "sigmoid", "relu", "erf",
            "floor", "ceil", "round", "trunc", "logicalNot"};
        for (String name : names) {
            Function<Tensor, Tensor> f = unaryOp(name);
            boolean domain = name.startsWith("log") && !name.equals("logicalNot") || name.contains("sqrt");
            boolean unit = name.equals("asin") || name.equals("acos");
            for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
                Tensor x = (domain ? positive(7, 33) : unit ? randn(7, 33).tanh() : randn(7, 33).mul(3)).to(dtype);
                tests.add(test(name + " " + dtype, () -> same(name, t -> f.apply(t[0]), x)));
                tests.add(test(name + " transposed " + dtype, () -> same(name, t -> f.apply(t[0].t()), x)));
            }
            tests.add(test(name + " int64", () -> same(name, t -> f.apply(t[0]), ints(5, 9).abs().add(1L))));
            tests.add(test(name + " int32", () -> same(name, t -> f.apply(t[0]), ints(4, 3).abs().add(1L).toInt())));
        }
        tests.add(test("in place exp_/neg_/relu_ on a slice", () -> same("exp_", t -> {
            Tensor s = t[0].slice(1, 1, 30, 3);
            s.exp_();
            s.neg_();
            return s.relu_();
        }, randn(7, 33))));
        tests.add(test("clamp", () -> same("clamp", t -> t[0].clamp(-0.5, 0.75), randn(7, 33))));
        tests.add(test("clampMin int", () -> same("clamp", t -> t[0].clamp(-2.5, null), ints(7, 33))));
        tests.add(test("clamp_ float64", () -> same("clamp_", t -> t[0].clamp_(null, 0.1), randn(7, 33).toDouble())));
        return tests;
    }

    private static Function<Tensor, Tensor> unaryOp(String name) {
        switch (name) {
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
            default: return Tensor::logicalNot;
        }
    }

    @TestFactory
    List<DynamicTest> binary() {
        Torch.manualSeed(2);
        List<DynamicTest> tests = new ArrayList<>();
        String[] names = {"add", "sub", "mul", "div", "pow", "remainder", "maximum", "minimum", "atan2", "eq", "ne", "lt",
            "le", "gt", "ge", "logicalAnd", "logicalOr", "logicalXor"};
        for (String name : names) {
            java.util.function.BinaryOperator<Tensor> f = binaryOp(name);
            Tensor a = name.equals("pow") ? positive(7, 33) : randn(7, 33).round();
            tests.add(test(name + " same shape", () -> same(name, t -> f.apply(t[0], t[1]), a, randn(7, 33).round())));
            tests.add(test(name + " broadcast row", () -> same(name, t -> f.apply(t[0], t[1]), a, randn(33))));
            tests.add(test(name + " broadcast column", () -> same(name, t -> f.apply(t[0], t[1]), a, randn(7, 1))));
            tests.add(test(name + " transposed", () -> same(name, t -> f.apply(t[0].t(), t[1]), a, randn(33, 7))));
            tests.add(test(name + " float64 with float32", () -> same(name, t -> f.apply(t[0], t[1]), a.toDouble(),
                    randn(7, 33))));
            tests.add(test(name + " int64 with float32", () -> same(name, t -> f.apply(t[0], t[1]),
                    ints(7, 33).abs().add(1L), randn(33).abs().add(0.5))));
            tests.add(test(name + " int64", () -> same(name, t -> f.apply(t[0], t[1]), ints(7, 33),
                    ints(7, 33).abs().add(1L).remainder(5L).add(1L))));
            tests.add(test(name + " with a 0-dim CPU tensor", () -> same(name, t -> f.apply(t[0], t[1]), a,
                    Torch.scalarTensor(1.5))));
            tests.add(test(name + " bool", () -> same(name, t -> f.apply(t[0], t[1]), randn(5, 6).gt(0), randn(5, 6).gt(0))));
        }
        tests.removeIf(t -> t.getDisplayName().equals("sub bool") || t.getDisplayName().equals("div bool")
                || t.getDisplayName().equals("pow bool") || t.getDisplayName().equals("remainder bool")
                || t.getDisplayName().equals("atan2 bool"));
        tests.add(test("add alpha", () -> same("add", t -> t[0].add(t[1], 2.5), randn(7, 33), randn(33))));
        tests.add(test("sub alpha int", () -> same("sub", t -> t[0].sub(t[1], 3), ints(7, 33), ints(7, 33))));
        tests.add(test("scalar overloads", () -> same("scalars", t -> t[0].mul(2.5).add(3L).div(7L).pow(2.0).sub(1.25),
                randn(7, 33))));
        tests.add(test("int scalar overloads keep int64", () -> same("scalars", t -> t[0].mul(3L).add(2L).remainder(7L),
                ints(7, 33))));
        tests.add(test("in place add_ int into float", () -> same("add_", t -> t[0].add_(t[1]), randn(7, 33), ints(33))));
        tests.add(test("in place mul_ on a transposed view", () -> same("mul_", t -> t[0].t().mul_(t[1]), randn(33, 7),
                randn(33))));
        tests.add(test("in place comparison into float", () -> same("gt_", t -> {
            t[0].copy_(t[0].gt(t[1]));
            return t[0];
        }, randn(7, 33), randn(7, 33))));
        tests.add(test("pow int by int", () -> same("pow", t -> t[0].pow(t[1]), ints(6, 5).remainder(4L),
                ints(6, 5).abs().remainder(4L))));
        return tests;
    }

    private static java.util.function.BinaryOperator<Tensor> binaryOp(String name) {
        switch (name) {
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
            case "logicalAnd": return Tensor::logicalAnd;
            case "logicalOr": return Tensor::logicalOr;
            default: return Tensor::logicalXor;
        }
    }

    @TestFactory
    List<DynamicTest> memoryAndSelection() {
        Torch.manualSeed(3);
        List<DynamicTest> tests = new ArrayList<>();
        DType[] dtypes = DType.values();
        for (DType from : dtypes) {
            for (DType to : dtypes) {
                if (from != to) {
                    tests.add(test("to " + from + " -> " + to, () -> same("to", t -> t[0].to(to),
                            randn(6, 7).mul(3).to(from))));
                }
            }
        }
        tests.add(test("clone keeps a transposed layout", () -> same("clone", t -> t[0].t().clone(), randn(6, 7))));
        tests.add(test("contiguous of a sliced view", () -> same("contiguous", t -> t[0].slice(1, 1, 7, 2).contiguous(),
                randn(6, 7))));
        tests.add(test("copy_ broadcasting and converting", () -> same("copy_", t -> t[0].copy_(t[1]), randn(6, 7),
                ints(7))));
        tests.add(test("zero_ of a transposed view", () -> same("zero_", t -> t[0].t().zero_(), randn(6, 7))));
        tests.add(test("split, chunk and unbind views", () -> same("split", t -> {
            Tensor[] parts = t[0].split(4, 1);
            Tensor[] rows = t[0].unbind(0);
            return Torch.cat(new Tensor[] {parts[1].reshape(-1), rows[2], t[0].chunk(3, 0)[2].reshape(-1)}, 0);
        }, randn(6, 10))));
        tests.add(test("fill_", () -> same("fill_", t -> t[0].slice(0, 1, 5).fill_(2.75), randn(6, 7))));
        tests.add(test("zeros/ones/full on CUDA", () -> {
            Tensor z = Torch.full(new int[] {3, 4}, 1.5, org.torch4j.TensorOptions.ofDevice(GPU).dtype(DType.FLOAT64));
            assertClose("full", Torch.full(new int[] {3, 4}, 1.5, org.torch4j.TensorOptions.ofDType(DType.FLOAT64)), z);
            assertClose("zeros", Torch.zeros(5), Torch.zeros(new int[] {5}, org.torch4j.TensorOptions.ofDevice(GPU)));
            assertClose("empty", Torch.empty(2, 3), Torch.empty(new int[] {2, 3}, org.torch4j.TensorOptions.ofDevice(GPU)));
        }));
        tests.add(test("where", () -> same("where", t -> Torch.where(t[0], t[1], t[2]), randn(7, 1).gt(0), randn(7, 33),
                ints(33))));
        tests.add(test("where with a scalar", () -> same("where", t -> Torch.where(t[0], t[1], -1.0), randn(7, 33).gt(0),
                randn(7, 33))));
        tests.add(test("maskedFill", () -> same("maskedFill", t -> t[0].maskedFill(t[1], 9.5), randn(7, 33),
                randn(33).gt(0))));
        tests.add(test("maskedFill_ int", () -> same("maskedFill_", t -> t[0].maskedFill_(t[1], 4L), ints(7, 33),
                randn(7, 33).gt(0))));
        tests.add(test("views share storage", () -> same("views", t -> {
            Tensor v = t[0].view(3, 2, 7).permute(2, 0, 1).unsqueeze(1).squeeze(1).select(0, 3).expand(4, 3, 2);
            t[0].add_(1L);
            return v.contiguous();
        }, randn(6, 7))));
        return tests;
    }

    @TestFactory
    List<DynamicTest> reductions() {
        Torch.manualSeed(4);
        List<DynamicTest> tests = new ArrayList<>();
        Tensor x = randn(30, 40, 5);
        Tensor tall = randn(300, 200);
        Tensor ties = randn(40, 50).mul(2).round();
        tests.add(test("sum all", () -> same("sum", t -> t[0].sum(), x)));
        tests.add(test("sum dim 1", () -> same("sum", t -> t[0].sum(1), x)));
        tests.add(test("sum dims keepdim", () -> same("sum", t -> t[0].sum(new int[] {0, 2}, true), x)));
        tests.add(test("sum over an outer dim (thread per output)", () -> same("sum", t -> t[0].sum(0), tall)));
        tests.add(test("sum of a transposed view", () -> same("sum", t -> t[0].t().sum(1), tall)));
        tests.add(test("sum int32 to int64", () -> same("sum", t -> t[0].sum(1), ints(30, 40).toInt())));
        tests.add(test("sum bool", () -> same("sum", t -> t[0].sum(), randn(30, 40).gt(0))));
        tests.add(test("sum with dtype", () -> same("sum", t -> t[0].sum(new int[] {1}, false, DType.FLOAT64), x)));
        tests.add(test("mean", () -> same("mean", t -> t[0].mean(new int[] {0, 1}, false), x)));
        tests.add(test("mean of nothing", () -> same("mean", t -> t[0].mean(0), randn(0, 3))));
        tests.add(test("prod", () -> same("prod", t -> t[0].mul(0.5).add(1).prod(1, true), randn(20, 10))));
        tests.add(test("prod int", () -> same("prod", t -> t[0].prod(), ints(2, 5).remainder(3L).add(1L))));
        tests.add(test("amax", () -> same("amax", t -> t[0].amax(new int[] {1}, false), x)));
        tests.add(test("amin int32", () -> same("amin", t -> t[0].amin(new int[] {0}, true), ints(30, 40).toInt())));
        tests.add(test("min() int32", () -> same("min", t -> t[0].min(), ints(30, 40).toInt())));
        tests.add(test("max() with NaN", () -> same("max", t -> t[0].log().max(), randn(10, 10))));
        tests.add(test("max(dim) values", () -> same("max", t -> t[0].max(1).values(), ties)));
        tests.add(test("max(dim) indices (ties to the first)", () -> same("max", t -> t[0].max(1).indices(), ties)));
        tests.add(test("min(dim) over an outer dim", () -> same("min", t -> t[0].min(0, true).indices(), ties)));
        tests.add(test("argmax flattened", () -> same("argmax", t -> t[0].argmax(), ties)));
        tests.add(test("argmax flattened of a transposed view", () -> same("argmax", t -> t[0].t().argmax(), ties)));
        tests.add(test("argmin dim", () -> same("argmin", t -> t[0].argmin(0, false), ties)));
        tests.add(test("argmax NaN first", () -> same("argmax", t -> t[0].log().argmax(1, false), randn(8, 9))));
        tests.add(test("var", () -> same("var", t -> t[0].var(new int[] {1}, 1, false), x)));
        tests.add(test("var correction 0 keepdim", () -> same("var", t -> t[0].var(new int[] {0, 2}, 0, true), x)));
        tests.add(test("std all", () -> same("std", t -> t[0].std(), tall)));
        tests.add(test("std float64", () -> same("std", t -> t[0].std(1), tall.toDouble())));
        for (double p : new double[] {2, 1, 0, 3, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            tests.add(test("norm p=" + p, () -> same("norm", t -> t[0].norm(p, new int[] {1}, false), x)));
        }
        tests.add(test("norm all", () -> same("norm", t -> t[0].norm(), tall)));
        tests.add(test("logsumexp", () -> same("logsumexp", t -> t[0].mul(30).logsumexp(1, false), x)));
        tests.add(test("logsumexp of -inf rows", () -> same("logsumexp", t -> t[0].log().logsumexp(0, true),
                Torch.zeros(4, 3))));
        tests.add(test("softmax last dim", () -> same("softmax", t -> t[0].mul(10).softmax(2), x)));
        tests.add(test("softmax middle dim", () -> same("softmax", t -> t[0].softmax(1), x)));
        tests.add(test("logSoftmax long rows", () -> same("logSoftmax", t -> t[0].logSoftmax(1), tall)));
        tests.add(test("logSoftmax of a transposed view", () -> same("logSoftmax", t -> t[0].t().logSoftmax(0), tall)));
        tests.add(test("cumsum", () -> same("cumsum", t -> t[0].cumsum(1), x)));
        tests.add(test("cumsum last dim float64", () -> same("cumsum", t -> t[0].cumsum(1), tall.toDouble())));
        tests.add(test("cumsum int32 to int64", () -> same("cumsum", t -> t[0].cumsum(0), ints(30, 40).toInt())));
        return tests;
    }

    /**
     * Reductions with few outputs of many elements, which split each output over several blocks (partial states
     * merged by a second launch; the emulation reports 4 multiprocessors, so these sizes split): over everything,
     * over dim 0 of tall thin matrices (a block per output; a thread per output for 80 or 100 columns) and over
     * the last dim of a wide one; the merges run with a block per output (8 parts) or a thread (2 to 4 parts).
     */
    @TestFactory
    List<DynamicTest> splitReductions() {
        Torch.manualSeed(8);
        List<DynamicTest> tests = new ArrayList<>();
        // a mean of 0.5 keeps float32 sums away from cancellation, where rounding in any order exceeds the tolerance
        Tensor flat = randn(200_000).add(0.5);
        Tensor tall = randn(60_000, 3).add(0.5);
        Tensor columns = randn(8192, 100).add(0.5);
        Tensor wide = randn(2, 100_000).add(0.5);
        Tensor near1 = randn(20_000).mul(1e-3).add(1);
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor[] inputs = {flat.to(dtype), tall.to(dtype), columns.to(dtype), wide.to(dtype)};
            String[] names = {"all of 200000", "dim 0 of 60000 x 3", "dim 0 of 8192 x 100", "dim 1 of 2 x 100000"};
            for (int i = 0; i < inputs.length; i++) {
                Tensor x = inputs[i];
                int[] dims = i == 0 ? new int[0] : i == 3 ? new int[] {1} : new int[] {0};
                String at = " " + names[i] + " " + dtype;
                tests.add(test("sum" + at, () -> same("sum", t -> t[0].sum(dims, false), x)));
                tests.add(test("mean" + at, () -> same("mean", t -> t[0].mean(dims, false), x)));
                tests.add(test("amax" + at, () -> same("amax", t -> t[0].amax(dims, false), x)));
                tests.add(test("amin" + at, () -> same("amin", t -> t[0].amin(dims, true), x)));
                for (double p : new double[] {2, 1, 0, 3, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                    tests.add(test("norm p=" + p + at, () -> same("norm", t -> t[0].norm(p, dims, false), x)));
                }
                for (double c : new double[] {0, 1}) {
                    tests.add(test("var correction " + c + at, () -> same("var", t -> t[0].var(dims, c, false), x)));
                    tests.add(test("std correction " + c + at, () -> same("std", t -> t[0].std(dims, c, false), x)));
                }
                tests.add(test("var of shifted data" + at, () -> same("var", t -> t[0].add(1000).var(dims, 1, false), x)));
                tests.add(test("logsumexp" + at, () -> same("logsumexp", t -> t[0].mul(20).logsumexp(dims, false), x)));
            }
            tests.add(test("prod all " + dtype, () -> same("prod", t -> t[0].prod(), near1.to(dtype))));
            tests.add(test("prod dim 0 " + dtype, () -> same("prod", t -> t[0].view(10_000, 2).prod(0, false),
                    near1.to(dtype))));
        }
        Tensor ints = Torch.randint(-1000, 1000, new int[] {60_000, 3});
        tests.add(test("sum int64 all", () -> same("sum", t -> t[0].sum(), ints)));
        tests.add(test("sum int32 dim 0", () -> same("sum", t -> t[0].sum(0), ints.toInt())));
        tests.add(test("amax int64 all", () -> same("amax", t -> t[0].amax(new int[0], false), ints)));
        tests.add(test("min() int64", () -> same("min", t -> t[0].min(), ints)));
        tests.add(test("prod int64 dim 0 (wrapping)", () -> same("prod", t -> t[0].prod(0, false), ints)));
        tests.add(test("sum bool", () -> same("sum", t -> t[0].sum(), flat.gt(0))));
        tests.add(test("logsumexp with -inf parts", () -> same("logsumexp", t -> t[0].log().logsumexp(0, false),
                Torch.cat(new Tensor[] {Torch.zeros(150_000), Torch.full(new int[] {50_000}, Math.exp(-90))}, 0))));
        tests.add(test("logsumexp with +inf", () -> same("logsumexp", t -> t[0].logsumexp(0, false),
                flat.clone().indexPut_(at(200_000, 123_456), Double.POSITIVE_INFINITY))));
        Tensor ties = randn(200_000).mul(2).round();
        Tensor nans = ties.clone().indexPut_(at(200_000, 150_000, 70_000, 190_000), Double.NaN);
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64, DType.INT64}) {
            Tensor x = ties.to(dtype);
            tests.add(test("max() " + dtype, () -> same("max", t -> t[0].max(), x)));
            tests.add(test("min() " + dtype, () -> same("min", t -> t[0].min(), x)));
            tests.add(test("argmax ties " + dtype, () -> same("argmax", t -> t[0].argmax(), x)));
            tests.add(test("argmin ties " + dtype, () -> same("argmin", t -> t[0].argmin(), x)));
            tests.add(test("max(0) of 50000 x 4 " + dtype, () -> same("max", t -> t[0].view(50_000, 4).max(0).values(), x)));
            tests.add(test("max(0) indices of 50000 x 4 " + dtype, () -> same("max",
                    t -> t[0].view(50_000, 4).max(0).indices(), x)));
            tests.add(test("min(0) indices of 2500 x 80 " + dtype, () -> same("min",
                    t -> t[0].view(2500, 80).min(0, true).indices(), x)));
            tests.add(test("argmax(1) of 2 x 100000 " + dtype, () -> same("argmax",
                    t -> t[0].view(2, 100_000).argmax(1, false), x)));
        }
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor x = nans.to(dtype);
            tests.add(test("max() NaN " + dtype, () -> same("max", t -> t[0].max(), x)));
            tests.add(test("amin NaN " + dtype, () -> same("amin", t -> t[0].amin(new int[0], false), x)));
            tests.add(test("argmax NaN (first NaN) " + dtype, () -> same("argmax", t -> t[0].argmax(), x)));
            tests.add(test("argmin NaN (first NaN) " + dtype, () -> same("argmin", t -> t[0].argmin(), x)));
            tests.add(test("min(0) NaN of 50000 x 4 " + dtype, () -> same("min", t -> t[0].view(50_000, 4).min(0).indices(), x)));
        }
        return tests;
    }

    /** A bool mask of n elements, true at the given positions. */
    private static Tensor at(int n, int... positions) {
        boolean[] mask = new boolean[n];
        for (int i : positions) {
            mask[i] = true;
        }
        return Torch.tensor(mask);
    }

    @Test
    void splitReductionsGiveTheSameBitsEveryRun() {
        Torch.manualSeed(9);
        Tensor x = randn(200_000).to(GPU);
        Tensor tall = randn(60_000, 3).to(GPU);
        for (int run = 0; run < 2; run++) {
            assertArrayEquals(x.sum().cpu().toDoubleArray(), x.sum().cpu().toDoubleArray(), "sum");
            assertArrayEquals(x.var().cpu().toDoubleArray(), x.var().cpu().toDoubleArray(), "var");
            assertArrayEquals(x.logsumexp(0, false).cpu().toDoubleArray(), x.logsumexp(0, false).cpu().toDoubleArray(),
                    "logsumexp");
            assertArrayEquals(tall.std(0).cpu().toDoubleArray(), tall.std(0).cpu().toDoubleArray(), "std(0)");
            assertArrayEquals(tall.norm(3, new int[] {0}, false).cpu().toDoubleArray(),
                    tall.norm(3, new int[] {0}, false).cpu().toDoubleArray(), "norm p=3");
        }
    }

    @TestFactory
    List<DynamicTest> indexing() {
        Torch.manualSeed(5);
        List<DynamicTest> tests = new ArrayList<>();
        Tensor x = randn(12, 9, 4);
        tests.add(test("cat dim 0", () -> same("cat", t -> Torch.cat(new Tensor[] {t[0], t[1]}, 0), x, randn(3, 9, 4))));
        tests.add(test("cat dim 1 mixed dtypes", () -> same("cat", t -> Torch.cat(new Tensor[] {t[0], t[1], t[2]}, 1), x,
                ints(12, 2, 4), randn(0))));
        tests.add(test("stack", () -> same("stack", t -> Torch.stack(new Tensor[] {t[0], t[1]}, 2), randn(5, 6),
                randn(5, 6))));
        tests.add(test("indexSelect dim 0", () -> same("indexSelect", t -> t[0].indexSelect(0, t[1]), x,
                Torch.tensor(new long[] {3, 0, 11, 3}))));
        tests.add(test("indexSelect dim 1 int32 index", () -> same("indexSelect", t -> t[0].indexSelect(1, t[1]), x,
                Torch.tensor(new int[] {8, 1}))));
        tests.add(test("indexSelect of a transposed view", () -> same("indexSelect", t -> t[0].t().indexSelect(0, t[1]),
                randn(5, 6), Torch.tensor(new long[] {2, 2, 4}))));
        tests.add(test("gather", () -> same("gather", t -> t[0].gather(1, t[1]), randn(6, 8),
                Torch.randint(0, 8, new int[] {6, 3}))));
        tests.add(test("gather dim 0", () -> same("gather", t -> t[0].gather(0, t[1]), randn(6, 8),
                Torch.randint(0, 6, new int[] {4, 8}))));
        tests.add(test("scatter unique targets", () -> same("scatter", t -> t[0].scatter(1, t[1], t[2]), randn(4, 8),
                Torch.stack(new Tensor[] {Torch.randperm(8).slice(0, 0, 5), Torch.randperm(8).slice(0, 0, 5),
                    Torch.randperm(8).slice(0, 0, 5), Torch.randperm(8).slice(0, 0, 5)}, 0), randn(4, 5))));
        tests.add(test("scatter value", () -> same("scatter", t -> t[0].scatter(0, t[1], 7.5), randn(4, 8),
                Torch.randperm(4).view(1, 4))));
        tests.add(test("scatterAdd with duplicates", () -> same("scatterAdd", t -> t[0].scatterAdd(1, t[1], t[2]),
                randn(4, 8), Torch.randint(0, 8, new int[] {4, 20}), randn(4, 20))));
        tests.add(test("scatterAdd_ int", () -> same("scatterAdd_", t -> t[0].scatterAdd_(0, t[1], t[2]), ints(4, 8),
                Torch.randint(0, 4, new int[] {6, 8}), ints(6, 8))));
        tests.add(test("x[mask]", () -> same("index", t -> t[0].index(t[1]), x, randn(12, 9).gt(0))));
        tests.add(test("x[mask] of many elements", () -> same("index", t -> t[0].index(t[1]), randn(3000),
                randn(3000).gt(0.3))));
        tests.add(test("maskedSelect", () -> same("maskedSelect", t -> t[0].maskedSelect(t[1]), randn(7, 33),
                randn(33).gt(0))));
        tests.add(test("x[mask] = values", () -> same("indexPut_", t -> t[0].indexPut_(t[1], t[2]), randn(6, 5),
                Torch.tensor(new boolean[] {true, false, true, true, false, false}), randn(3, 5))));
        tests.add(test("x[mask] = broadcast row", () -> same("indexPut_", t -> t[0].indexPut_(t[1], t[2]), randn(6, 5),
                Torch.tensor(new boolean[] {true, false, true, true, false, true}), randn(5))));
        tests.add(test("x[mask] = scalar", () -> same("indexPut_", t -> t[0].indexPut_(t[1], -3.0), randn(6, 5),
                randn(6, 5).gt(0))));
        tests.add(test("gather out of range", () -> {
            Tensor a = randn(3, 4).to(GPU);
            Tensor bad = Torch.tensor(new long[][] {{0, 5}}).to(GPU);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.gather(1, bad));
            assertEquals("index 5 is out of bounds for dimension 1 with size 4", e.getMessage());
            assertThrows(IndexOutOfBoundsException.class, () -> a.indexSelect(0, Torch.tensor(new long[] {3}).to(GPU)));
        }));
        return tests;
    }

    @TestFactory
    List<DynamicTest> linearAlgebra() {
        Torch.manualSeed(6);
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(test("mm", () -> same("mm", t -> t[0].mm(t[1]), randn(37, 19), randn(19, 23))));
        tests.add(test("mm transposed operands", () -> same("mm", t -> t[0].t().mm(t[1].t()), randn(19, 37),
                randn(23, 19))));
        tests.add(test("mm sliced operands (copied first)", () -> same("mm", t -> t[0].slice(1, 0, 38, 2).mm(t[1]),
                randn(37, 38), randn(19, 23))));
        tests.add(test("mm float64", () -> same("mm", t -> t[0].mm(t[1]), randn(37, 19).toDouble(),
                randn(19, 23).toDouble())));
        tests.add(test("mm int64 (tiled kernel)", () -> same("mm", t -> t[0].mm(t[1]), ints(37, 19), ints(19, 23))));
        tests.add(test("mm int32 (tiled kernel)", () -> same("mm", t -> t[0].mm(t[1]), ints(17, 9).toInt(),
                ints(9, 3).toInt())));
        tests.add(test("mm with k = 0", () -> same("mm", t -> t[0].mm(t[1]), randn(3, 0), randn(0, 4))));
        tests.add(test("addmm linear layout", () -> same("addmm", t -> t[0].addmm(t[1], t[2].t()), randn(23),
                randn(37, 19), randn(23, 19))));
        tests.add(test("addmm beta alpha", () -> same("addmm", t -> t[0].addmm(t[1], t[2], 0.5, -2), randn(37, 1),
                randn(37, 19), randn(19, 23))));
        tests.add(test("addmm beta 0 int64", () -> same("addmm", t -> t[0].addmm(t[1], t[2], 0, 3), ints(23),
                ints(37, 19), ints(19, 23))));
        tests.add(test("relu gradient (threshold_backward)", () -> same("threshold_backward", t -> {
            Tensor x = t[0].requiresGrad_();
            x.relu().mul(t[1]).sum().backward();
            return x.grad();
        }, randn(37, 19), randn(37, 19))));
        tests.add(test("bmm", () -> same("bmm", t -> t[0].bmm(t[1]), randn(5, 17, 8), randn(5, 8, 12))));
        tests.add(test("bmm expanded batch", () -> same("bmm", t -> t[0].bmm(t[1].expand(5, 8, 12)), randn(5, 17, 8),
                randn(1, 8, 12))));
        tests.add(test("mv", () -> same("mv", t -> t[0].mv(t[1]), randn(37, 19), randn(19))));
        tests.add(test("mv strided vector", () -> same("mv", t -> t[0].mv(t[1].slice(0, 0, 38, 2)), randn(37, 19),
                randn(38))));
        tests.add(test("dot", () -> same("dot", t -> t[0].dot(t[1]), randn(1000), randn(1000))));
        tests.add(test("dot int64", () -> same("dot", t -> t[0].dot(t[1]), ints(100), ints(100))));
        tests.add(test("matmul broadcast", () -> same("matmul", t -> t[0].matmul(t[1]), randn(2, 3, 7, 5), randn(5, 4))));
        return tests;
    }

    /** torch.convolution on {x, w, b} (b absent when only two inputs) with fixed geometry. */
    private static Function<Tensor[], Tensor> conv(int[] stride, int[] padding, int[] dilation, boolean transposed,
            int[] outputPadding, int groups) {
        return t -> Torch.convolution(t[0], t[1], t.length > 2 ? t[2] : null, stride, padding, dilation, transposed,
                outputPadding, groups);
    }

    /** Gradient {@code which} (input, weight, bias) of the convolution for the output gradient t[2]. */
    private static Function<Tensor[], Tensor> convGrad(int which, int[] stride, int[] padding, int[] dilation,
            boolean transposed, int[] outputPadding, int groups) {
        return t -> {
            ConvParams p = ConvChecks.check(t[0], t[1], null, stride, padding, dilation, transposed, outputPadding,
                    groups);
            boolean[] mask = new boolean[3];
            mask[which] = true;
            return Dispatcher.backend(t[0].device()).convolutionBackward(t[2], t[0], t[1], p, mask)[which];
        };
    }

    @TestFactory
    List<DynamicTest> convolution() {
        Torch.manualSeed(7);
        List<DynamicTest> tests = new ArrayList<>();
        int[] one = {1};
        int[] zero = {0};
        int[] s = {2, 1};
        int[] p = {1, 2};
        int[] d = {1, 2};
        tests.add(test("conv2d stride padding dilation groups", () -> same("convolution", conv(s, p, d, false, zero, 2),
                randn(2, 4, 7, 8), randn(6, 2, 3, 2), randn(6))));
        tests.add(test("conv1d float64", () -> same("convolution", conv(new int[] {2}, one, one, false, zero, 1),
                randn(2, 3, 9).toDouble(), randn(4, 3, 3).toDouble())));
        tests.add(test("conv_transpose2d", () -> same("convolution", conv(s, one, one, true, new int[] {1, 0}, 1),
                randn(2, 3, 4, 5), randn(3, 2, 3, 3), randn(2))));
        for (int which = 0; which < 3; which++) {
            int w = which;
            tests.add(test("convolution_backward " + which, () -> same("convolution_backward",
                    convGrad(w, s, p, d, false, zero, 2), randn(2, 4, 7, 8), randn(6, 2, 3, 2), randn(2, 6, 4, 10))));
            tests.add(test("convolution_backward transposed " + which, () -> same("convolution_backward",
                    convGrad(w, s, one, one, true, new int[] {1, 0}, 1), randn(2, 3, 4, 5), randn(3, 2, 3, 3),
                    randn(2, 2, 8, 5))));
        }
        return tests;
    }

    @Test
    void mixingCudaAndCpuTensorsThrowsPyTorchsMessage() {
        Tensor gpu = Torch.ones(2, 3).cuda();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> gpu.add(Torch.ones(2, 3)));
        assertEquals("Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu!",
                e.getMessage());
        assertClose("0-dim CPU tensors may join", Torch.ones(2, 3).add(Torch.scalarTensor(2)),
                gpu.add(Torch.scalarTensor(2)));
    }

    @Test
    void randomFillsGiveTheCpuNumbers() {
        Torch.manualSeed(11);
        Tensor cpu = Torch.empty(5, 40).normal_(0, 1);
        Torch.manualSeed(11);
        Tensor gpu = Torch.empty(new int[] {5, 40}, org.torch4j.TensorOptions.ofDevice(GPU)).normal_(0, 1);
        assertClose("normal_", cpu, gpu);
        Torch.manualSeed(12);
        Tensor r = Torch.rand(new int[] {3, 7}, org.torch4j.TensorOptions.ofDevice(GPU), org.torch4j.Generator.defaultGenerator());
        Torch.manualSeed(12);
        assertClose("rand", Torch.rand(3, 7), r);
    }

    @Test
    void printingAndItemReadBackFromTheDevice() {
        Tensor t = Torch.tensor(new float[] {1.5f, -2f}).cuda();
        assertEquals("tensor([ 1.5000, -2.0000], device='cuda:0')", t.toString());
        assertEquals(-2.0, t.select(0, 1).item());
        assertEquals(GPU, t.device());
    }
}
