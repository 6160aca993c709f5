package org.torch4j.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.TensorOptions;
import org.torch4j.Torch;

/**
 * gradcheck (float64 central differences against backward) for every differentiable op of the table, with
 * the grad_fn name PyTorch 1.13 gives the result; gradgradcheck for a representative set (second derivatives
 * through the differentiable backward formulas).
 */
class GradcheckOpsTest {
    private static final TensorOptions F64 = TensorOptions.ofDType(DType.FLOAT64);

    /** One op under test: its grad_fn name, the function and how to make its inputs. */
    private static final class Case {
        final String label;
        final String gradFn;
        final TensorFunction fn;
        final Supplier<Tensor[]> inputs;
        final boolean secondOrder;

        Case(String label, String gradFn, TensorFunction fn, Supplier<Tensor[]> inputs, boolean secondOrder) {
            this.label = label;
            this.gradFn = gradFn;
            this.fn = fn;
            this.inputs = inputs;
            this.secondOrder = secondOrder;
        }
    }

    private static final List<Case> CASES = new ArrayList<>();

    private static void op(String label, String gradFn, TensorFunction fn, Supplier<Tensor[]> inputs) {
        CASES.add(new Case(label, gradFn, fn, inputs, false));
    }

    /** An op also checked by gradgradcheck. */
    private static void op2(String label, String gradFn, TensorFunction fn, Supplier<Tensor[]> inputs) {
        CASES.add(new Case(label, gradFn, fn, inputs, true));
    }

    private static Tensor[] of(Tensor... t) {
        return t;
    }

    /** Uniform in [lo, hi), float64, requiring grad; seeded by shape and bounds so runs repeat. */
    private static Tensor uniform(double lo, double hi, int... shape) {
        Random r = new Random(31L * java.util.Arrays.hashCode(shape) + Double.hashCode(lo) * 7L + Double.hashCode(hi));
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * r.nextDouble();
        }
        return Torch.tensor(v).reshape(shape).requiresGrad_();
    }

    /** Magnitudes in [0.2, 1.2) with random signs: away from the kinks of abs, relu, sign at zero. */
    private static Tensor signed(int... shape) {
        Tensor m = uniform(0.2, 1.2, shape).detach();
        Random r = new Random(java.util.Arrays.hashCode(shape));
        double[] v = m.toDoubleArray();
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextBoolean() ? v[i] : -v[i];
        }
        return Torch.tensor(v).reshape(shape).requiresGrad_();
    }

    private static Tensor positive(int... shape) {
        return uniform(0.3, 2.0, shape);
    }

    private static Tensor longs(long[][] values) {
        return Torch.tensor(values);
    }

    static {
        // memory, conversion and copies
        op2("clone", "CloneBackward0", in -> of(in[0].clone()), () -> of(signed(3, 4)));
        op("contiguous", "CloneBackward0", in -> of(in[0].t().contiguous()), () -> of(signed(3, 4)));
        op2("copy_ broadcast", "CopyBackwards", in -> of(in[0].mul(1L).copy_(in[1])), () -> of(signed(3, 4), signed(4)));
        op("copy_ into fresh", "CopyBackwards", in -> of(Torch.zeros(new int[] {2, 3}, F64).copy_(in[0])),
                () -> of(signed(2, 3)));
        op("fill_ scalar", "FillBackward2", in -> of(in[0].mul(1L).fill_(2.5)), () -> of(signed(3)));
        op("fill_ tensor", "FillBackward3", in -> of(in[0].mul(1L).fill_(in[1])), () -> of(signed(3), signed()));
        op("zero_", "ZeroBackward0", in -> of(in[0].mul(1L).zero_()), () -> of(signed(3)));
        // views
        op2("view", "ViewBackward0", in -> of(in[0].view(6, 2)), () -> of(signed(3, 4)));
        op("view_as", "ViewBackward0", in -> of(in[0].viewAs(in[1])), () -> of(signed(3, 4), signed(2, 6)));
        op2("reshape view", "ReshapeAliasBackward0", in -> of(in[0].reshape(6, -1)), () -> of(signed(3, 4)));
        op("reshape_as", "ReshapeAliasBackward0", in -> of(in[0].reshapeAs(in[1])), () -> of(signed(3, 4), signed(2, 6)));
        op2("reshape copy", "UnsafeViewBackward0", in -> of(in[0].t().reshape(12)), () -> of(signed(3, 4)));
        op("reshape copy -1", "UnsafeViewBackward0", in -> of(in[0].t().reshape(-1)), () -> of(signed(3, 4)));
        op("flatten", "ReshapeAliasBackward0", in -> of(in[0].flatten()), () -> of(signed(2, 3, 2)));
        op("flatten 0-dim", "ReshapeAliasBackward0", in -> of(in[0].flatten()), () -> of(signed()));
        op("flatten from 1 non-contiguous", "UnsafeViewBackward0", in -> of(in[0].transpose(0, 2).flatten(1, -1)),
                () -> of(signed(2, 3, 2)));
        op("unflatten", "ViewBackward0", in -> of(in[0].unflatten(1, 2, 2)), () -> of(signed(3, 4)));
        op2("as_strided", "AsStridedBackward0", in -> of(in[0].asStrided(new int[] {2, 3}, new int[] {1, 3}, 2)),
                () -> of(signed(12)));
        op2("as_strided overlapping", "AsStridedBackward0",
                in -> of(in[0].asStrided(new int[] {3, 3}, new int[] {1, 1}, 0)), () -> of(signed(6)));
        op2("expand", "ExpandBackward0", in -> of(in[0].expand(2, 3, 4)), () -> of(signed(3, 1)));
        op("expand_as", "ExpandBackward0", in -> of(in[0].expandAs(in[1])), () -> of(signed(4), signed(2, 4)));
        op2("permute", "PermuteBackward0", in -> of(in[0].permute(2, 0, 1)), () -> of(signed(2, 3, 4)));
        op("transpose", "TransposeBackward0", in -> of(in[0].transpose(0, 2)), () -> of(signed(2, 3, 4)));
        op("mT", "TransposeBackward0", in -> of(in[0].mT()), () -> of(signed(2, 3, 4)));
        op("t", "TBackward0", in -> of(in[0].t()), () -> of(signed(3, 4)));
        op("squeeze", "SqueezeBackward0", in -> of(in[0].squeeze()), () -> of(signed(3, 1, 2, 1)));
        op("squeeze dim", "SqueezeBackward1", in -> of(in[0].squeeze(1)), () -> of(signed(3, 1, 2)));
        op("squeeze dim of size 2", "SqueezeBackward1", in -> of(in[0].squeeze(0)), () -> of(signed(2, 3)));
        op("unsqueeze", "UnsqueezeBackward0", in -> of(in[0].unsqueeze(1)), () -> of(signed(3, 2)));
        op2("slice step", "SliceBackward0", in -> of(in[0].slice(1, 1, 6, 2)), () -> of(signed(3, 6)));
        op("narrow", "SliceBackward0", in -> of(in[0].narrow(0, 1, 2)), () -> of(signed(4, 2)));
        op2("split", "SplitBackward0", in -> in[0].split(2, 1), () -> of(signed(2, 5)));
        op2("split one output used", "SplitBackward0", in -> of(in[0].split(2, 1)[1]), () -> of(signed(2, 5)));
        op("split larger than the dim", "SplitBackward0", in -> in[0].split(7, 1), () -> of(signed(2, 5)));
        op2("split sizes", "SplitWithSizesBackward0", in -> in[0].split(new int[] {1, 0, 3}, -1), () -> of(signed(2, 4)));
        op("split sizes one output used", "SplitWithSizesBackward0", in -> of(in[0].split(new int[] {2, 1}, 0)[1]),
                () -> of(signed(3, 2)));
        op("chunk", "SplitBackward0", in -> in[0].chunk(2, 0), () -> of(signed(4, 2)));
        op("chunk uneven", "SplitBackward0", in -> in[0].chunk(3, 0), () -> of(signed(5, 2)));
        op("chunk of an empty dim", "SplitWithSizesBackward0", in -> in[0].chunk(3, 0), () -> of(signed(0, 2)));
        op2("select", "SelectBackward0", in -> of(in[0].select(1, 2)), () -> of(signed(3, 4)));
        op2("unbind", "UnbindBackward0", in -> in[0].unbind(0), () -> of(signed(3, 2)));
        op2("unbind one output used", "UnbindBackward0", in -> of(in[0].unbind(1)[2]), () -> of(signed(2, 4)));
        // elementwise binary
        op2("add broadcast alpha", "AddBackward0", in -> of(in[0].add(in[1], 2.5)), () -> of(signed(3, 4), signed(4)));
        op("add scalar", "AddBackward0", in -> of(in[0].add(2L)), () -> of(signed(3)));
        op("sub", "SubBackward0", in -> of(in[0].sub(in[1], -1.5)), () -> of(signed(2, 3), signed(2, 1)));
        op("rsub", "RsubBackward1", in -> of(in[0].rsub(3.0)), () -> of(signed(3)));
        op2("mul broadcast", "MulBackward0", in -> of(in[0].mul(in[1])), () -> of(signed(3, 1), signed(4)));
        op("mul scalar", "MulBackward0", in -> of(in[0].mul(-1.5)), () -> of(signed(3)));
        op2("div", "DivBackward0", in -> of(in[0].div(in[1])), () -> of(signed(2, 3), signed(3)));
        op("div scalar", "DivBackward0", in -> of(in[0].div(4L)), () -> of(signed(3)));
        op2("pow scalar", "PowBackward0", in -> of(in[0].pow(3L)), () -> of(signed(4)));
        op("pow fractional", "PowBackward0", in -> of(in[0].pow(2.5)), () -> of(positive(4)));
        op("pow zero", "PowBackward0", in -> of(in[0].pow(0L)), () -> of(signed(4)));
        op2("pow tensor", "PowBackward1", in -> of(in[0].pow(in[1])), () -> of(positive(2, 3), signed(3)));
        op("remainder scalar", "RemainderBackward0", in -> of(in[0].remainder(1.5)), () -> of(signed(4)));
        op("remainder tensor", "RemainderBackward1", in -> of(in[0].remainder(in[1])),
                () -> of(uniform(2.1, 2.9, 4), uniform(1.1, 1.9, 4)));
        op2("maximum", "MaximumBackward0", in -> of(in[0].maximum(in[1])), () -> of(signed(3, 4), signed(4)));
        op("minimum", "MinimumBackward0", in -> of(in[0].minimum(in[1])), () -> of(signed(3, 4), signed(3, 1)));
        op2("atan2", "Atan2Backward0", in -> of(in[0].atan2(in[1])), () -> of(signed(3), signed(3)));
        op("outer", "MulBackward0", in -> of(in[0].outer(in[1])), () -> of(signed(3), signed(2)));
        // elementwise unary
        op("neg", "NegBackward0", in -> of(in[0].neg()), () -> of(signed(4)));
        op2("abs", "AbsBackward0", in -> of(in[0].abs()), () -> of(signed(5)));
        op("sign", "SignBackward0", in -> of(in[0].sign()), () -> of(signed(4)));
        op2("exp", "ExpBackward0", in -> of(in[0].exp()), () -> of(signed(4)));
        op2("log", "LogBackward0", in -> of(in[0].log()), () -> of(positive(4)));
        op("log2", "Log2Backward0", in -> of(in[0].log2()), () -> of(positive(4)));
        op("log10", "Log10Backward0", in -> of(in[0].log10()), () -> of(positive(4)));
        op("log1p", "Log1PBackward0", in -> of(in[0].log1p()), () -> of(positive(4)));
        op("expm1", "Expm1Backward0", in -> of(in[0].expm1()), () -> of(signed(4)));
        op2("sqrt", "SqrtBackward0", in -> of(in[0].sqrt()), () -> of(positive(4)));
        op2("rsqrt", "RsqrtBackward0", in -> of(in[0].rsqrt()), () -> of(positive(4)));
        op("reciprocal", "ReciprocalBackward0", in -> of(in[0].reciprocal()), () -> of(signed(4)));
        op2("sin", "SinBackward0", in -> of(in[0].sin()), () -> of(signed(4)));
        op("cos", "CosBackward0", in -> of(in[0].cos()), () -> of(signed(4)));
        op("tan", "TanBackward0", in -> of(in[0].tan()), () -> of(signed(4)));
        op("asin", "AsinBackward0", in -> of(in[0].asin()), () -> of(uniform(-0.9, 0.9, 4)));
        op("acos", "AcosBackward0", in -> of(in[0].acos()), () -> of(uniform(-0.9, 0.9, 4)));
        op("atan", "AtanBackward0", in -> of(in[0].atan()), () -> of(signed(4)));
        op("sinh", "SinhBackward0", in -> of(in[0].sinh()), () -> of(signed(4)));
        op("cosh", "CoshBackward0", in -> of(in[0].cosh()), () -> of(signed(4)));
        op2("tanh", "TanhBackward0", in -> of(in[0].tanh()), () -> of(signed(4)));
        op2("sigmoid", "SigmoidBackward0", in -> of(in[0].sigmoid()), () -> of(signed(4)));
        op("relu", "ReluBackward0", in -> of(in[0].relu()), () -> of(signed(6)));
        op2("erf", "ErfBackward0", in -> of(in[0].erf()), () -> of(signed(4)));
        op("floor", "FloorBackward0", in -> of(in[0].floor()), () -> of(signed(4)));
        op("ceil", "CeilBackward0", in -> of(in[0].ceil()), () -> of(signed(4)));
        op("round", "RoundBackward0", in -> of(in[0].round()), () -> of(signed(4)));
        op("trunc", "TruncBackward0", in -> of(in[0].trunc()), () -> of(signed(4)));
        op2("clamp", "ClampBackward1", in -> of(in[0].clamp(-0.7, 0.6)), () -> of(signed(8)));
        op("clamp min", "ClampBackward1", in -> of(in[0].clampMin(0.5)), () -> of(signed(8)));
        op("clamp max", "ClampBackward1", in -> of(in[0].clampMax(-0.5)), () -> of(signed(8)));
        // in-place forms (on a non-leaf)
        op2("exp_", "ExpBackward0", in -> of(in[0].mul(1L).exp_()), () -> of(signed(4)));
        op("log_", "LogBackward0", in -> of(in[0].mul(1L).log_()), () -> of(positive(4)));
        op("sqrt_", "SqrtBackward0", in -> of(in[0].mul(1L).sqrt_()), () -> of(positive(4)));
        op("tanh_", "TanhBackward0", in -> of(in[0].mul(1L).tanh_()), () -> of(signed(4)));
        op("sigmoid_", "SigmoidBackward0", in -> of(in[0].mul(1L).sigmoid_()), () -> of(signed(4)));
        op("relu_", "ReluBackward0", in -> of(in[0].mul(1L).relu_()), () -> of(signed(4)));
        op("neg_ abs_", "AbsBackward0", in -> of(in[0].mul(1L).neg_().abs_()), () -> of(signed(4)));
        op("clamp_", "ClampBackward1", in -> of(in[0].mul(1L).clamp_(-0.5, 0.5)), () -> of(signed(6)));
        op2("add_ mul_ self", "MulBackward0", in -> of(in[0].mul(1L).add_(in[1]).mul_(in[0])), () -> of(signed(3), signed(3)));
        op("sub_ div_ pow_", "PowBackward0", in -> of(in[0].mul(1L).sub_(in[1], 0.5).div_(in[1]).pow_(2.0)),
                () -> of(signed(3), signed(3)));
        op2("in-place on a view", "AsStridedBackward0", in -> {
            Tensor y = in[0].mul(1L);
            Tensor v = y.slice(1, 1, 3);
            v.mul_(in[1]);
            return of(v, y);
        }, () -> of(signed(3, 4), signed(3, 2)));
        op("in-place on a transposed view", "CopySlices", in -> {
            Tensor y = in[0].mul(1L);
            y.t().select(0, 1).copy_(in[1]);
            return of(y, y.exp());
        }, () -> of(signed(3, 4), signed(3)));
        // selection
        op2("where", "WhereBackward0", in -> of(Torch.where(in[0].gt(0L), in[0], in[1])), () -> of(signed(3, 4), signed(4)));
        op("where scalar", "WhereBackward0", in -> of(Torch.where(in[0].lt(0L), in[0], 2.0)), () -> of(signed(5)));
        op2("masked_fill", "MaskedFillBackward0", in -> of(in[0].maskedFill(in[0].gt(0L), 0.5)), () -> of(signed(3, 4)));
        op("masked_fill broadcast mask", "MaskedFillBackward0", in -> of(in[0].maskedFill(in[1].gt(0L), -1.0)),
                () -> of(signed(4), signed(3, 4)));
        op("masked_fill tensor value", "MaskedFillBackward1", in -> of(in[0].maskedFill(in[0].lt(0L), in[1])),
                () -> of(signed(3, 4), signed()));
        op("masked_fill_", "MaskedFillBackward0", in -> of(in[0].mul(1L).maskedFill_(in[0].lt(0L), 3.0)), () -> of(signed(5)));
        // reductions
        op("sum", "SumBackward0", in -> of(in[0].sum()), () -> of(signed(3, 4)));
        op2("sum dims keepdim", "SumBackward1", in -> of(in[0].sum(new int[] {0, 2}, true)), () -> of(signed(2, 3, 2)));
        op("sum dim", "SumBackward1", in -> of(in[0].sum(-1)), () -> of(signed(2, 3)));
        op2("mean", "MeanBackward0", in -> of(in[0].mean()), () -> of(signed(3, 4)));
        op("mean dim", "MeanBackward1", in -> of(in[0].mean(1)), () -> of(signed(3, 4)));
        op2("prod", "ProdBackward0", in -> of(in[0].prod()), () -> of(signed(2, 3)));
        op("prod dim", "ProdBackward1", in -> of(in[0].prod(1, false)), () -> of(signed(3, 4)));
        op("prod with a zero", "ProdBackward1", in -> of(in[0].mul(Torch.tensor(new double[] {1, 0, 1})).prod(1, true)),
                () -> of(signed(2, 3)));
        op("max", "MaxBackward1", in -> of(in[0].max()), () -> of(signed(3, 4)));
        op("max dim", "MaxBackward0", in -> of(in[0].max(1).values()), () -> of(signed(3, 4)));
        op("max dim keepdim", "MaxBackward0", in -> of(in[0].max(0, true).values()), () -> of(signed(3, 4)));
        op("min", "MinBackward1", in -> of(in[0].min()), () -> of(signed(3, 4)));
        op("min dim", "MinBackward0", in -> of(in[0].min(0).values()), () -> of(signed(3, 4)));
        op("amax all dims", "AmaxBackward0", in -> of(in[0].amax(new int[0], false)), () -> of(signed(3, 4)));
        op("amin all dims keepdim", "AminBackward0", in -> of(in[0].amin(new int[0], true)), () -> of(signed(3, 4)));
        op2("amax", "AmaxBackward0", in -> of(in[0].amax(new int[] {0, 2}, false)), () -> of(signed(2, 3, 2)));
        op("amin", "AminBackward0", in -> of(in[0].amin(new int[] {1}, true)), () -> of(signed(3, 4)));
        op2("var", "VarBackward0", in -> of(in[0].var()), () -> of(signed(3, 4)));
        op("var dim correction", "VarBackward0", in -> of(in[0].var(new int[] {1}, 0, true)), () -> of(signed(3, 4)));
        op2("std", "StdBackward0", in -> of(in[0].std(0)), () -> of(signed(3, 4)));
        op2("norm", "NormBackward1", in -> of(in[0].norm()), () -> of(signed(3, 4)));
        op("norm 1 dim", "NormBackward1", in -> of(in[0].norm(1, new int[] {1}, false)), () -> of(signed(3, 4)));
        op2("norm 3 dim", "NormBackward1", in -> of(in[0].norm(3, new int[] {0}, true)), () -> of(signed(3, 4)));
        op("norm 1.5", "NormBackward1", in -> of(in[0].norm(1.5)), () -> of(signed(3, 4)));
        op("norm 0.5", "NormBackward1", in -> of(in[0].norm(0.5)), () -> of(signed(3, 4)));
        op("norm inf", "NormBackward1", in -> of(in[0].norm(Double.POSITIVE_INFINITY, new int[] {1}, false)),
                () -> of(signed(3, 4)));
        op2("logsumexp", "LogsumexpBackward0", in -> of(in[0].logsumexp(1, false)), () -> of(signed(3, 4)));
        op2("softmax", "SoftmaxBackward0", in -> of(in[0].softmax(1)), () -> of(signed(3, 4)));
        op2("log_softmax", "LogSoftmaxBackward0", in -> of(in[0].logSoftmax(0)), () -> of(signed(3, 4)));
        op2("cumsum", "CumsumBackward0", in -> of(in[0].cumsum(1)), () -> of(signed(3, 4)));
        // linear algebra
        op2("mm", "MmBackward0", in -> of(in[0].mm(in[1])), () -> of(signed(3, 4), signed(4, 2)));
        op2("bmm", "BmmBackward0", in -> of(in[0].bmm(in[1])), () -> of(signed(2, 3, 4), signed(2, 4, 2)));
        op2("mm transposed operands", "MmBackward0", in -> of(in[0].t().mm(in[1].t())),
                () -> of(signed(4, 3), signed(2, 4)));
        op2("relu double backward", "MulBackward0", in -> of(in[0].relu().mul(in[0])), () -> of(signed(3, 4)));
        op2("addmm", "AddmmBackward0", in -> of(in[0].addmm(in[1], in[2])),
                () -> of(signed(2), signed(3, 4), signed(4, 2)));
        op2("addmm beta alpha full bias", "AddmmBackward0", in -> of(in[0].addmm(in[1], in[2], 0.5, -2)),
                () -> of(signed(3, 2), signed(3, 4), signed(4, 2)));
        op2("addmm transposed operands", "AddmmBackward0", in -> of(in[0].addmm(in[1].t(), in[2].t(), 1.5, 0.75)),
                () -> of(signed(3, 1), signed(4, 3), signed(2, 4)));
        op("addmm scalar bias", "AddmmBackward0", in -> of(in[0].addmm(in[1], in[2], 2, 1)),
                () -> of(signed(), signed(3, 4), signed(4, 2)));
        op("mv", "MvBackward0", in -> of(in[0].mv(in[1])), () -> of(signed(3, 4), signed(4)));
        op("dot", "DotBackward0", in -> of(in[0].dot(in[1])), () -> of(signed(4), signed(4)));
        op("matmul 2d", "MmBackward0", in -> of(in[0].matmul(in[1])), () -> of(signed(3, 4), signed(4, 2)));
        op("matmul 1d", "DotBackward0", in -> of(in[0].matmul(in[1])), () -> of(signed(4), signed(4)));
        op("matmul 2d 1d", "MvBackward0", in -> of(in[0].matmul(in[1])), () -> of(signed(3, 4), signed(4)));
        op2("matmul 1d 2d", "SqueezeBackward3", in -> of(in[0].matmul(in[1])), () -> of(signed(4), signed(4, 2)));
        op2("matmul batched broadcast", "UnsafeViewBackward0", in -> of(in[0].matmul(in[1])),
                () -> of(signed(2, 1, 3, 4), signed(3, 4, 2)));
        op("matmul batched", "UnsafeViewBackward0", in -> of(in[0].matmul(in[1])), () -> of(signed(2, 3, 4), signed(2, 4, 2)));
        op("matmul batched transposed", "UnsafeViewBackward0", in -> of(in[0].transpose(1, 2).matmul(in[1])),
                () -> of(signed(2, 4, 3), signed(4, 2)));
        op("matmul folded", "UnsafeViewBackward0", in -> of(in[0].matmul(in[1])), () -> of(signed(2, 3, 4), signed(4)));
        op("matmul folded 3d 2d", "UnsafeViewBackward0", in -> of(in[0].matmul(in[1])), () -> of(signed(2, 3, 4), signed(4, 2)));
        op("matmul folded 2d 3d", "CloneBackward0", in -> of(in[0].matmul(in[1])), () -> of(signed(5, 3), signed(2, 3, 4)));
        op("matmul folded 1d 4d", "UnsafeViewBackward0", in -> of(in[0].matmul(in[1])), () -> of(signed(3), signed(2, 2, 3, 4)));
        // joining
        op2("cat", "CatBackward0", in -> of(Torch.cat(new Tensor[] {in[0], in[1]}, -1)), () -> of(signed(2, 3), signed(2, 2)));
        op2("stack", "StackBackward0", in -> of(Torch.stack(new Tensor[] {in[0], in[1]}, 1)), () -> of(signed(2, 3), signed(2, 3)));
        // indexing
        op2("index_select", "IndexSelectBackward0", in -> of(in[0].indexSelect(0, Torch.tensor(new long[] {2, 0, 2}))),
                () -> of(signed(3, 2)));
        op2("gather", "GatherBackward0", in -> of(in[0].gather(1, longs(new long[][] {{0, 0}, {2, 1}}))), () -> of(signed(2, 3)));
        op2("scatter", "ScatterBackward0", in -> of(in[0].scatter(1, longs(new long[][] {{2, 0}, {1, 2}}), in[1])),
                () -> of(signed(2, 3), signed(2, 2)));
        op("scatter value", "ScatterBackward1", in -> of(in[0].scatter(0, longs(new long[][] {{1, 0}}), 2.0)),
                () -> of(signed(2, 2)));
        op2("scatter_add", "ScatterAddBackward0", in -> of(in[0].scatterAdd(0, longs(new long[][] {{1, 0, 1}, {1, 1, 0}}), in[1])),
                () -> of(signed(2, 3), signed(2, 3)));
        op2("index mask", "IndexBackward0", in -> of(in[0].index(in[0].gt(0L))), () -> of(signed(3, 4)));
        op("index mask leading dims", "IndexBackward0",
                in -> of(in[0].index(Torch.tensor(new boolean[] {true, false, true}))), () -> of(signed(3, 2)));
        op2("masked_select", "MaskedSelectBackward0", in -> of(in[0].maskedSelect(in[0].gt(0L))), () -> of(signed(3, 4)));
        op2("masked_select broadcast", "MaskedSelectBackward0", in -> of(in[0].maskedSelect(in[1].gt(0L))),
                () -> of(signed(4), signed(3, 4)));
        op("masked_select broadcast input", "MaskedSelectBackward0",
                in -> of(in[0].maskedSelect(Torch.tensor(new boolean[] {true, false, true}))), () -> of(signed(2, 1)));
        op2("index_put_", "IndexPutBackward0", in -> of(in[0].mul(1L).indexPut_(in[0].lt(0L), in[1])),
                () -> of(signed(3, 4), signed()));
        op("index_put_ scalar", "IndexPutBackward0", in -> of(in[0].mul(1L).indexPut_(in[0].lt(0L), 0.5)),
                () -> of(signed(3, 4)));
    }

    @TestFactory
    Stream<DynamicTest> gradcheckEveryOp() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.label, () -> {
            Tensor[] inputs = c.inputs.get();
            Tensor[] out = c.fn.apply(inputs);
            if (c.gradFn != null) {
                assertEquals(c.gradFn, out[0].gradFn().name(), c.label + ": grad_fn");
            }
            check(c.label, () -> GradCheck.gradcheck(c.fn, inputs));
        }));
    }

    @TestFactory
    Stream<DynamicTest> gradgradcheckRepresentativeOps() {
        return CASES.stream().filter(c -> c.secondOrder).map(c -> DynamicTest.dynamicTest(c.label,
                () -> check(c.label, () -> GradCheck.gradgradcheck(c.fn, c.inputs.get(), null, GradCheck.EPS,
                        GradCheck.ATOL, GradCheck.RTOL))));
    }

    private static void check(String label, java.util.function.BooleanSupplier gradcheck) {
        try {
            assertTrue(gradcheck.getAsBoolean(), label);
        } catch (GradcheckError e) {
            throw new AssertionError(label + ": " + e.getMessage(), e);
        }
    }
}
