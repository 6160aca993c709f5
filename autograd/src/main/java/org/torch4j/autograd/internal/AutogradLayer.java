package org.torch4j.autograd.internal;

import static org.torch4j.autograd.internal.OpNode.begin;
import static org.torch4j.autograd.internal.OpNode.finish;
import static org.torch4j.autograd.internal.OpNode.finishAll;
import static org.torch4j.autograd.internal.OpNode.finishView;
import static org.torch4j.autograd.internal.OpNode.finishViews;
import static org.torch4j.autograd.internal.OpNode.needs;
import static org.torch4j.autograd.internal.OpNode.save;
import static org.torch4j.autograd.internal.OpNode.saveOutput;

import java.util.Arrays;
import java.util.function.Function;
import org.torch4j.DType;
import org.torch4j.Device;
import org.torch4j.Tensor;
import org.torch4j.TensorOptions;
import org.torch4j.Torch;
import org.torch4j.internal.ConvParams;
import org.torch4j.internal.Dispatcher;
import org.torch4j.internal.OpTable;
import org.torch4j.internal.TensorAccess;

/**
 * The autograd layer of the op table (PyTorch's {@code VariableType} with {@code derivatives.yaml}): each op
 * runs on the device backend with grad mode off and, when an input requires grad, records a node whose
 * backward formula is written with tensor operations, so that it can be differentiated again. Node names
 * are those PyTorch 1.13 prints. Non-differentiable ops (comparisons, logic, argmax) just run below.
 */
public final class AutogradLayer implements OpTable {
    /** The one instance, returned by the autograd hook. */
    public static final AutogradLayer INSTANCE = new AutogradLayer();

    private static final double LN2 = Math.log(2);
    private static final double LN10 = Math.log(10);
    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

    private AutogradLayer() {
    }

    private static Tensor[] grads(Tensor... g) {
        return g;
    }

    // ------------------------------------------------------------------ memory, conversion and copies

    @Override
    public Tensor empty(int[] shape, DType dtype, Device device) {
        return Dispatcher.backend(device).empty(shape, dtype, device);
    }

    @Override
    public Tensor full(int[] shape, Tensor value, DType dtype, Device device) {
        return Dispatcher.backend(device).full(shape, value, dtype, device);
    }

    @Override
    public Tensor toDevice(Tensor x, Device device) {
        OpNode n = begin("ToCopyBackward0", null, x);
        Device from = x.device();
        OpTable table = Dispatcher.backend(device.isCpu() ? from : device);
        Tensor r = Below.run(() -> table.toDevice(x, device));
        return finish(n, r, g -> grads(g[0].to(from)));
    }

    @Override
    public Tensor toDType(Tensor x, DType dtype) {
        OpNode n = begin("ToCopyBackward0", null, x);
        DType from = x.dtype();
        Tensor r = Below.run(() -> Below.table(x).toDType(x, dtype));
        return finish(n, r, g -> grads(g[0].to(from)));
    }

    @Override
    public Tensor clone(Tensor x, boolean contiguousFormat) {
        OpNode n = begin("CloneBackward0", null, x);
        Tensor r = Below.run(() -> Below.table(x).clone(x, contiguousFormat));
        return finish(n, r, g -> grads(g[0]));
    }

    @Override
    public Tensor copy_(Tensor dst, Tensor src) {
        OpNode n = begin("CopyBackwards", dst, dst, src);
        Tensor r = Below.run(() -> Below.table(dst, src).copy_(dst, src));
        return finish(n, r, g -> grads(needs(n, 0) ? Torch.zerosLike(g[0]) : null, needs(n, 1) ? g[0] : null));
    }

    @Override
    public Tensor fill_(Tensor x, Tensor value) {
        boolean scalar = value.isWrappedNumber();
        OpNode n = scalar ? begin("FillBackward2", x, x) : begin("FillBackward3", x, x, value);
        Tensor r = Below.run(() -> Below.table(x, value).fill_(x, value));
        return finish(n, r, g -> scalar ? grads(Torch.zerosLike(g[0]))
                : grads(needs(n, 0) ? Torch.zerosLike(g[0]) : null, needs(n, 1) ? g[0].sum() : null));
    }

    @Override
    public Tensor zero_(Tensor x) {
        OpNode n = begin("ZeroBackward0", x, x);
        Tensor r = Below.run(() -> Below.table(x).zero_(x));
        return finish(n, r, g -> grads(Torch.zerosLike(g[0])));
    }

    // ------------------------------------------------------------------ views

    @Override
    public Tensor view(Tensor x, int[] shape) {
        OpNode n = begin("ViewBackward0", null, x);
        int[] in = x.shape();
        Tensor r = Below.run(() -> Below.table(x).view(x, shape));
        return finishView(n, r, x, g -> grads(g[0].reshape(in)));
    }

    @Override
    public Tensor reshapeAlias(Tensor x, int[] shape) {
        OpNode n = begin("ReshapeAliasBackward0", null, x);
        int[] in = x.shape();
        Tensor r = Below.run(() -> Below.table(x).reshapeAlias(x, shape));
        return finishView(n, r, x, g -> grads(g[0].reshape(in)));
    }

    @Override
    public Tensor unsafeView(Tensor x, int[] shape) {
        OpNode n = begin("UnsafeViewBackward0", null, x);
        int[] in = x.shape();
        Tensor r = Below.run(() -> Below.table(x).unsafeView(x, shape));
        return finish(n, r, g -> grads(g[0].reshape(in)));
    }

    @Override
    public Tensor asStrided(Tensor x, int[] shape, int[] strides, int offset) {
        OpNode n = begin("AsStridedBackward0", null, x);
        Geometry in = Geometry.of(x);
        Geometry out = new Geometry(shape, strides, offset);
        Tensor r = Below.run(() -> Below.table(x).asStrided(x, shape, strides, offset));
        return finishView(n, r, x, g -> grads(Formulas.asStridedBackward(g[0], in, out)));
    }

    @Override
    public Tensor expand(Tensor x, int[] shape) {
        OpNode n = begin("ExpandBackward0", null, x);
        int[] in = x.shape();
        Tensor r = Below.run(() -> Below.table(x).expand(x, shape));
        return finishView(n, r, x, g -> grads(Formulas.sumTo(g[0], in)));
    }

    @Override
    public Tensor permute(Tensor x, int[] dims) {
        OpNode n = begin("PermuteBackward0", null, x);
        int[] inverse = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            inverse[dims[i]] = i;
        }
        Tensor r = Below.run(() -> Below.table(x).permute(x, dims));
        return finishView(n, r, x, g -> grads(g[0].permute(inverse)));
    }

    @Override
    public Tensor transpose(Tensor x, int dim0, int dim1) {
        OpNode n = begin("TransposeBackward0", null, x);
        Tensor r = Below.run(() -> Below.table(x).transpose(x, dim0, dim1));
        return finishView(n, r, x, g -> grads(g[0].transpose(dim0, dim1)));
    }

    @Override
    public Tensor t(Tensor x) {
        OpNode n = begin("TBackward0", null, x);
        Tensor r = Below.run(() -> Below.table(x).t(x));
        return finishView(n, r, x, g -> grads(g[0].t()));
    }

    @Override
    public Tensor squeeze(Tensor x, Integer dim) {
        OpNode n = begin(dim == null ? "SqueezeBackward0" : "SqueezeBackward1", null, x);
        int[] in = x.shape();
        Tensor r = Below.run(() -> Below.table(x).squeeze(x, dim));
        return finishView(n, r, x, g -> grads(g[0].reshape(in)));
    }

    @Override
    public Tensor squeeze_(Tensor x, Integer dim) {
        OpNode n = begin(dim == null ? "SqueezeBackward2" : "SqueezeBackward3", x, x);
        int[] in = x.shape();
        Tensor r = Below.run(() -> Below.table(x).squeeze_(x, dim));
        if (n != null && Graph.viewBase(x) != null) {
            Graph.markView(r, x);
        }
        return finish(n, r, g -> grads(g[0].reshape(in)));
    }

    @Override
    public Tensor unsqueeze(Tensor x, int dim) {
        OpNode n = begin("UnsqueezeBackward0", null, x);
        Tensor r = Below.run(() -> Below.table(x).unsqueeze(x, dim));
        return finishView(n, r, x, g -> grads(g[0].squeeze(dim)));
    }

    @Override
    public Tensor slice(Tensor x, int dim, int start, int end, int step) {
        OpNode n = begin("SliceBackward0", null, x);
        int[] in = x.shape();
        Tensor r = Below.run(() -> Below.table(x).slice(x, dim, start, end, step));
        return finishView(n, r, x, g -> grads(Formulas.sliceBackward(g[0], in, dim, start, end, step)));
    }

    @Override
    public Tensor select(Tensor x, int dim, int index) {
        OpNode n = begin("SelectBackward0", null, x);
        int[] in = x.shape();
        Tensor r = Below.run(() -> Below.table(x).select(x, dim, index));
        return finishView(n, r, x, g -> grads(Formulas.selectBackward(g[0], in, dim, index)));
    }

    @Override
    public Tensor[] split(Tensor x, int splitSize, int dim) {
        Tensor[] r = Below.run(() -> Below.table(x).split(x, splitSize, dim));
        return partViews("SplitBackward0", x, r, all -> Torch.cat(all, dim));
    }

    @Override
    public Tensor[] splitWithSizes(Tensor x, int[] sizes, int dim) {
        Tensor[] r = Below.run(() -> Below.table(x).splitWithSizes(x, sizes, dim));
        return partViews("SplitWithSizesBackward0", x, r, all -> Torch.cat(all, dim));
    }

    @Override
    public Tensor[] unbind(Tensor x, int dim) {
        Tensor[] r = Below.run(() -> Below.table(x).unbind(x, dim));
        return partViews("UnbindBackward0", x, r, all -> Torch.stack(all, dim));
    }

    /**
     * split, split_with_sizes and unbind: views of x whose gradients, zeros for the parts that got none, are joined
     * back ({@code cat} or {@code stack}) into x's gradient.
     */
    private static Tensor[] partViews(String name, Tensor x, Tensor[] parts, Function<Tensor[], Tensor> join) {
        OpNode n = begin(name, parts.length, null, x);
        int[][] shapes = new int[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            shapes[i] = parts[i].shape();
        }
        return finishViews(n, parts, x, g -> {
            TensorOptions options = Formulas.like(Formulas.anyGrad(g));
            Tensor[] all = new Tensor[g.length];
            for (int i = 0; i < g.length; i++) {
                all[i] = g[i] != null ? g[i] : Torch.zeros(shapes[i], options);
            }
            return grads(join.apply(all));
        });
    }

    // ------------------------------------------------------------------ elementwise binary

    private static Tensor scaled(Tensor g, double alpha) {
        return alpha == 1 ? g : g.mul(alpha);
    }

    @Override
    public Tensor add(Tensor a, Tensor b, double alpha, Tensor out) {
        OpNode n = begin("AddBackward0", out, a, b);
        Tensor r = Below.run(() -> Below.table(a, b).add(a, b, alpha, out));
        return finish(n, r, g -> grads(needs(n, 0) ? g[0] : null, needs(n, 1) ? scaled(g[0], alpha) : null));
    }

    @Override
    public Tensor sub(Tensor a, Tensor b, double alpha, Tensor out) {
        boolean rsub = a.isWrappedNumber();
        OpNode n = rsub ? begin("RsubBackward1", out, b) : begin("SubBackward0", out, a, b);
        Tensor r = Below.run(() -> Below.table(a, b).sub(a, b, alpha, out));
        return finish(n, r, g -> rsub ? grads(scaled(g[0], -alpha))
                : grads(needs(n, 0) ? g[0] : null, needs(n, 1) ? scaled(g[0], -alpha) : null));
    }

    @Override
    public Tensor mul(Tensor a, Tensor b, Tensor out) {
        OpNode n = begin("MulBackward0", out, a, b);
        SavedVariable sa = save(n, needs(n, 1), a);
        SavedVariable sb = save(n, needs(n, 0), b);
        Tensor r = Below.run(() -> Below.table(a, b).mul(a, b, out));
        return finish(n, r, g -> grads(sb == null ? null : g[0].mul(sb.get()), sa == null ? null : g[0].mul(sa.get())));
    }

    @Override
    public Tensor div(Tensor a, Tensor b, Tensor out) {
        OpNode n = begin("DivBackward0", out, a, b);
        SavedVariable sa = save(n, needs(n, 1), a);
        SavedVariable sb = save(n, needs(n, 0) || needs(n, 1), b);
        Tensor r = Below.run(() -> Below.table(a, b).div(a, b, out));
        return finish(n, r, g -> grads(needs(n, 0) ? g[0].div(sb.get()) : null,
                needs(n, 1) ? g[0].neg().mul(sa.get()).div(sb.get().mul(sb.get())) : null));
    }

    @Override
    public Tensor pow(Tensor a, Tensor b, Tensor out) {
        if (b.isWrappedNumber()) {
            return powScalar(a, b, out);
        }
        OpNode n = begin("PowBackward1", out, a, b);
        SavedVariable sa = save(n, true, a);
        SavedVariable sb = save(n, true, b);
        Tensor r = Below.run(() -> Below.table(a, b).pow(a, b, out));
        SavedVariable sr = saveOutput(n, needs(n, 1), r, 0);
        return finish(n, r, g -> {
            Tensor base = sa.get();
            Tensor exponent = sb.get();
            Tensor ga = needs(n, 0) ? g[0].mul(exponent.mul(base.pow(exponent.sub(1L)))).maskedFill(exponent.eq(0L), 0.0)
                    : null;
            Tensor gb = needs(n, 1)
                    ? g[0].mul(sr.get().mul(base.log()).maskedFill(base.eq(0L).logicalAnd(exponent.ge(0L)), 0.0)) : null;
            return grads(ga, gb);
        });
    }

    /** {@code x ** scalar} ({@code PowBackward0}). */
    private static Tensor powScalar(Tensor a, Tensor b, Tensor out) {
        OpNode n = begin("PowBackward0", out, a);
        double e = b.item();
        SavedVariable sa = save(n, e != 0, a);
        Tensor r = Below.run(() -> Below.table(a, b).pow(a, b, out));
        return finish(n, r, g -> grads(e == 0 ? Torch.zerosLike(g[0]) : g[0].mul(sa.get().pow(e - 1).mul(e))));
    }

    @Override
    public Tensor remainder(Tensor a, Tensor b, Tensor out) {
        OpNode n = b.isWrappedNumber() ? begin("RemainderBackward0", out, a) : begin("RemainderBackward1", out, a, b);
        SavedVariable sa = save(n, needs(n, 1), a);
        SavedVariable sb = save(n, needs(n, 1), b);
        Tensor r = Below.run(() -> Below.table(a, b).remainder(a, b, out));
        return finish(n, r, g -> n.numInputs() == 1 ? grads(g[0]) : grads(needs(n, 0) ? g[0] : null,
                needs(n, 1) ? g[0].neg().mul(sa.get().div(sb.get()).floor()) : null));
    }

    @Override
    public Tensor maximum(Tensor a, Tensor b, Tensor out) {
        return selectBetween("MaximumBackward0", a, b, out, true);
    }

    @Override
    public Tensor minimum(Tensor a, Tensor b, Tensor out) {
        return selectBetween("MinimumBackward0", a, b, out, false);
    }

    /** maximum/minimum: the gradient goes to the chosen operand, half to each on ties. */
    private static Tensor selectBetween(String name, Tensor a, Tensor b, Tensor out, boolean max) {
        OpNode n = begin(name, out, a, b);
        SavedVariable sa = save(n, true, a);
        SavedVariable sb = save(n, true, b);
        Tensor r = Below.run(() -> max ? Below.table(a, b).maximum(a, b, out) : Below.table(a, b).minimum(a, b, out));
        return finish(n, r, g -> {
            Tensor x = sa.get();
            Tensor y = sb.get();
            Tensor shared = Torch.where(x.eq(y), g[0].div(2L), g[0]);
            return grads(needs(n, 0) ? shared.maskedFill(max ? x.lt(y) : x.gt(y), 0.0) : null,
                    needs(n, 1) ? shared.maskedFill(max ? x.gt(y) : x.lt(y), 0.0) : null);
        });
    }

    @Override
    public Tensor atan2(Tensor a, Tensor b, Tensor out) {
        OpNode n = begin("Atan2Backward0", out, a, b);
        SavedVariable sa = save(n, true, a);
        SavedVariable sb = save(n, true, b);
        Tensor r = Below.run(() -> Below.table(a, b).atan2(a, b, out));
        return finish(n, r, g -> {
            Tensor x = sa.get();
            Tensor y = sb.get();
            Tensor recip = x.mul(x).add(y.mul(y)).reciprocal();
            return grads(needs(n, 0) ? g[0].mul(y).mul(recip) : null, needs(n, 1) ? g[0].mul(x.neg()).mul(recip) : null);
        });
    }

    // comparisons and logic: not differentiable

    /** A binary kernel of the table, as a method reference such as {@code OpTable::eq}. */
    private interface BinaryKernel {
        Tensor run(OpTable table, Tensor a, Tensor b, Tensor out);
    }

    private static Tensor notDifferentiable(BinaryKernel k, Tensor a, Tensor b, Tensor out) {
        return Below.run(() -> k.run(Below.table(a, b), a, b, out));
    }

    @Override
    public Tensor eq(Tensor a, Tensor b, Tensor out) {
        return notDifferentiable(OpTable::eq, a, b, out);
    }

    @Override
    public Tensor ne(Tensor a, Tensor b, Tensor out) {
        return notDifferentiable(OpTable::ne, a, b, out);
    }

    @Override
    public Tensor lt(Tensor a, Tensor b, Tensor out) {
        return notDifferentiable(OpTable::lt, a, b, out);
    }

    @Override
    public Tensor le(Tensor a, Tensor b, Tensor out) {
        return notDifferentiable(OpTable::le, a, b, out);
    }

    @Override
    public Tensor gt(Tensor a, Tensor b, Tensor out) {
        return notDifferentiable(OpTable::gt, a, b, out);
    }

    @Override
    public Tensor ge(Tensor a, Tensor b, Tensor out) {
        return notDifferentiable(OpTable::ge, a, b, out);
    }

    @Override
    public Tensor logicalAnd(Tensor a, Tensor b, Tensor out) {
        return notDifferentiable(OpTable::logicalAnd, a, b, out);
    }

    @Override
    public Tensor logicalOr(Tensor a, Tensor b, Tensor out) {
        return notDifferentiable(OpTable::logicalOr, a, b, out);
    }

    @Override
    public Tensor logicalXor(Tensor a, Tensor b, Tensor out) {
        return notDifferentiable(OpTable::logicalXor, a, b, out);
    }

    // ------------------------------------------------------------------ elementwise unary

    /** A unary kernel of the table, as a method reference such as {@code OpTable::exp}. */
    private interface Kernel {
        Tensor run(OpTable table, Tensor x, Tensor out);
    }

    /** A unary derivative: the input gradient from the output gradient and one saved tensor. */
    private interface Derivative {
        Tensor apply(Tensor g, Tensor saved);
    }

    /** A unary op whose derivative reads its input (saved as a copy when the op is in place). */
    private static Tensor onInput(String name, Kernel k, Tensor x, Tensor out, Derivative d) {
        OpNode n = begin(name, out, x);
        SavedVariable s = save(n, true, x);
        Tensor r = Below.run(() -> k.run(Below.table(x), x, out));
        return finish(n, r, g -> grads(d.apply(g[0], s.get())));
    }

    /** A unary op whose derivative reads its result. */
    private static Tensor onResult(String name, Kernel k, Tensor x, Tensor out, Derivative d) {
        OpNode n = begin(name, out, x);
        Tensor r = Below.run(() -> k.run(Below.table(x), x, out));
        SavedVariable s = saveOutput(n, true, r, 0);
        return finish(n, r, g -> grads(d.apply(g[0], s.get())));
    }

    /** A unary op whose derivative needs nothing saved. */
    private static Tensor unsaved(String name, Kernel k, Tensor x, Tensor out, Derivative d) {
        OpNode n = begin(name, out, x);
        Tensor r = Below.run(() -> k.run(Below.table(x), x, out));
        return finish(n, r, g -> grads(d.apply(g[0], null)));
    }

    private static Tensor zeros(Tensor g, Tensor unused) {
        return Torch.zerosLike(g);
    }

    @Override
    public Tensor neg(Tensor x, Tensor out) {
        return unsaved("NegBackward0", OpTable::neg, x, out, (g, s) -> g.neg());
    }

    @Override
    public Tensor abs(Tensor x, Tensor out) {
        return onInput("AbsBackward0", OpTable::abs, x, out, (g, s) -> g.mul(s.sign()));
    }

    @Override
    public Tensor sign(Tensor x, Tensor out) {
        return unsaved("SignBackward0", OpTable::sign, x, out, AutogradLayer::zeros);
    }

    @Override
    public Tensor exp(Tensor x, Tensor out) {
        return onResult("ExpBackward0", OpTable::exp, x, out, Tensor::mul);
    }

    @Override
    public Tensor log(Tensor x, Tensor out) {
        return onInput("LogBackward0", OpTable::log, x, out, Tensor::div);
    }

    @Override
    public Tensor log2(Tensor x, Tensor out) {
        return onInput("Log2Backward0", OpTable::log2, x, out, (g, s) -> g.div(s.mul(LN2)));
    }

    @Override
    public Tensor log10(Tensor x, Tensor out) {
        return onInput("Log10Backward0", OpTable::log10, x, out, (g, s) -> g.div(s.mul(LN10)));
    }

    @Override
    public Tensor log1p(Tensor x, Tensor out) {
        return onInput("Log1PBackward0", OpTable::log1p, x, out, (g, s) -> g.div(s.add(1L)));
    }

    @Override
    public Tensor expm1(Tensor x, Tensor out) {
        return onResult("Expm1Backward0", OpTable::expm1, x, out, (g, r) -> g.mul(r.add(1L)));
    }

    @Override
    public Tensor sqrt(Tensor x, Tensor out) {
        return onResult("SqrtBackward0", OpTable::sqrt, x, out, (g, r) -> g.div(r.mul(2L)));
    }

    @Override
    public Tensor rsqrt(Tensor x, Tensor out) {
        return onResult("RsqrtBackward0", OpTable::rsqrt, x, out, (g, r) -> g.mul(r.pow(3L)).mul(-0.5));
    }

    @Override
    public Tensor reciprocal(Tensor x, Tensor out) {
        return onResult("ReciprocalBackward0", OpTable::reciprocal, x, out, (g, r) -> g.mul(r.mul(r)).neg());
    }

    @Override
    public Tensor sin(Tensor x, Tensor out) {
        return onInput("SinBackward0", OpTable::sin, x, out, (g, s) -> g.mul(s.cos()));
    }

    @Override
    public Tensor cos(Tensor x, Tensor out) {
        return onInput("CosBackward0", OpTable::cos, x, out, (g, s) -> g.mul(s.sin().neg()));
    }

    @Override
    public Tensor tan(Tensor x, Tensor out) {
        return onResult("TanBackward0", OpTable::tan, x, out, (g, r) -> g.mul(r.mul(r).add(1L)));
    }

    @Override
    public Tensor asin(Tensor x, Tensor out) {
        return onInput("AsinBackward0", OpTable::asin, x, out, (g, s) -> g.mul(s.mul(s).neg().add(1L).rsqrt()));
    }

    @Override
    public Tensor acos(Tensor x, Tensor out) {
        return onInput("AcosBackward0", OpTable::acos, x, out, (g, s) -> g.mul(s.mul(s).neg().add(1L).rsqrt()).neg());
    }

    @Override
    public Tensor atan(Tensor x, Tensor out) {
        return onInput("AtanBackward0", OpTable::atan, x, out, (g, s) -> g.div(s.mul(s).add(1L)));
    }

    @Override
    public Tensor sinh(Tensor x, Tensor out) {
        return onInput("SinhBackward0", OpTable::sinh, x, out, (g, s) -> g.mul(s.cosh()));
    }

    @Override
    public Tensor cosh(Tensor x, Tensor out) {
        return onInput("CoshBackward0", OpTable::cosh, x, out, (g, s) -> g.mul(s.sinh()));
    }

    @Override
    public Tensor tanh(Tensor x, Tensor out) {
        return onResult("TanhBackward0", OpTable::tanh, x, out, (g, r) -> g.mul(r.mul(r).rsub(1L)));
    }

    @Override
    public Tensor sigmoid(Tensor x, Tensor out) {
        return onResult("SigmoidBackward0", OpTable::sigmoid, x, out, AutogradLayer::dispatchSigmoidBackward);
    }

    @Override
    public Tensor relu(Tensor x, Tensor out) {
        return onResult("ReluBackward0", OpTable::relu, x, out, (g, r) -> dispatchThresholdBackward(g, r, 0));
    }

    @Override
    public Tensor erf(Tensor x, Tensor out) {
        return onInput("ErfBackward0", OpTable::erf, x, out,
                (g, s) -> g.mul(s.mul(s).neg().exp().mul(TWO_OVER_SQRT_PI)));
    }

    @Override
    public Tensor floor(Tensor x, Tensor out) {
        return unsaved("FloorBackward0", OpTable::floor, x, out, AutogradLayer::zeros);
    }

    @Override
    public Tensor ceil(Tensor x, Tensor out) {
        return unsaved("CeilBackward0", OpTable::ceil, x, out, AutogradLayer::zeros);
    }

    @Override
    public Tensor round(Tensor x, Tensor out) {
        return unsaved("RoundBackward0", OpTable::round, x, out, AutogradLayer::zeros);
    }

    @Override
    public Tensor trunc(Tensor x, Tensor out) {
        return unsaved("TruncBackward0", OpTable::trunc, x, out, AutogradLayer::zeros);
    }

    @Override
    public Tensor logicalNot(Tensor x, Tensor out) {
        return Below.run(() -> Below.table(x).logicalNot(x, out));
    }

    @Override
    public Tensor clamp(Tensor x, Double min, Double max, Tensor out) {
        return onInput("ClampBackward1", (t, a, o) -> t.clamp(a, min, max, o), x, out, (g, s) -> {
            Tensor inside = min == null ? s.le(max) : max == null ? s.ge(min) : s.ge(min).logicalAnd(s.le(max));
            return g.maskedFill(inside.logicalNot(), 0.0);
        });
    }

    // ------------------------------------------------------------------ selection

    @Override
    public Tensor where(Tensor condition, Tensor a, Tensor b) {
        OpNode n = begin("WhereBackward0", null, a, b);
        SavedVariable c = save(n, true, condition);
        Tensor r = Below.run(() -> Below.table(condition, a, b).where(condition, a, b));
        return finish(n, r, g -> grads(needs(n, 0) ? g[0].maskedFill(c.get().logicalNot(), 0.0) : null,
                needs(n, 1) ? g[0].maskedFill(c.get(), 0.0) : null));
    }

    @Override
    public Tensor maskedFill(Tensor x, Tensor mask, Tensor value, Tensor out) {
        boolean scalar = value.isWrappedNumber();
        OpNode n = scalar ? begin("MaskedFillBackward0", out, x) : begin("MaskedFillBackward1", out, x, value);
        SavedVariable m = save(n, true, mask);
        Tensor r = Below.run(() -> Below.table(x, mask, value).maskedFill(x, mask, value, out));
        return finish(n, r, g -> scalar ? grads(g[0].maskedFill(m.get(), 0.0))
                : grads(needs(n, 0) ? g[0].maskedFill(m.get(), 0.0) : null,
                        needs(n, 1) ? g[0].maskedFill(m.get().logicalNot(), 0.0).sum() : null));
    }

    // ------------------------------------------------------------------ reductions

    @Override
    public Tensor sum(Tensor x, int[] dims, boolean keepdim, DType dtype) {
        OpNode n = begin(dims.length == 0 ? "SumBackward0" : "SumBackward1", null, x);
        int[] in = TensorAccess.shape(x);
        Tensor r = Below.run(() -> Below.table(x).sum(x, dims, keepdim, dtype));
        return finish(n, r, g -> grads(Formulas.expandReduced(g[0], in, dims, keepdim)));
    }

    @Override
    public Tensor mean(Tensor x, int[] dims, boolean keepdim) {
        OpNode n = begin(dims.length == 0 ? "MeanBackward0" : "MeanBackward1", null, x);
        int[] in = x.shape();
        long count = Formulas.reducedCount(in, dims);
        Tensor r = Below.run(() -> Below.table(x).mean(x, dims, keepdim));
        return finish(n, r, g -> grads(Formulas.expandReduced(g[0].div(count), in, dims, keepdim)));
    }

    @Override
    public Tensor prod(Tensor x, Integer dim, boolean keepdim) {
        OpNode n = begin(dim == null ? "ProdBackward0" : "ProdBackward1", null, x);
        SavedVariable s = save(n, true, x);
        Tensor r = Below.run(() -> Below.table(x).prod(x, dim, keepdim));
        return finish(n, r, g -> grads(Formulas.prodBackward(g[0], s.get(), dim, keepdim)));
    }

    @Override
    public Tensor amax(Tensor x, int[] dims, boolean keepdim) {
        return extremum("AmaxBackward0", OpTable::amax, x, dims, keepdim);
    }

    @Override
    public Tensor amin(Tensor x, int[] dims, boolean keepdim) {
        return extremum("AminBackward0", OpTable::amin, x, dims, keepdim);
    }

    @Override
    public Tensor maxAll(Tensor x) {
        return extremum("MaxBackward1", (t, a, dims, keepdim) -> t.maxAll(a), x, new int[0], false);
    }

    @Override
    public Tensor minAll(Tensor x) {
        return extremum("MinBackward1", (t, a, dims, keepdim) -> t.minAll(a), x, new int[0], false);
    }

    private interface Reduction {
        Tensor run(OpTable table, Tensor x, int[] dims, boolean keepdim);
    }

    private static Tensor extremum(String name, Reduction k, Tensor x, int[] dims, boolean keepdim) {
        OpNode n = begin(name, null, x);
        SavedVariable s = save(n, true, x);
        Tensor r = Below.run(() -> k.run(Below.table(x), x, dims, keepdim));
        SavedVariable sr = saveOutput(n, true, r, 0);
        return finish(n, r, g -> grads(Formulas.evenlyDistribute(g[0], s.get(), sr.get(), dims, keepdim)));
    }

    @Override
    public Tensor[] maxDim(Tensor x, int dim, boolean keepdim) {
        return valueSelecting("MaxBackward0", true, x, dim, keepdim);
    }

    @Override
    public Tensor[] minDim(Tensor x, int dim, boolean keepdim) {
        return valueSelecting("MinBackward0", false, x, dim, keepdim);
    }

    private static Tensor[] valueSelecting(String name, boolean max, Tensor x, int dim, boolean keepdim) {
        OpNode n = begin(name, 2, null, x);
        int[] in = x.shape();
        Tensor[] r = Below.run(() -> max ? Below.table(x).maxDim(x, dim, keepdim) : Below.table(x).minDim(x, dim, keepdim));
        SavedVariable indices = save(n, true, r[1]);
        return finishAll(n, r, g -> grads(Formulas.valueSelectingBackward(g[0], dim, indices.get(), in, keepdim)));
    }

    @Override
    public Tensor argmax(Tensor x, Integer dim, boolean keepdim) {
        return Below.run(() -> Below.table(x).argmax(x, dim, keepdim));
    }

    @Override
    public Tensor argmin(Tensor x, Integer dim, boolean keepdim) {
        return Below.run(() -> Below.table(x).argmin(x, dim, keepdim));
    }

    @Override
    public Tensor var(Tensor x, int[] dims, double correction, boolean keepdim) {
        OpNode n = begin("VarBackward0", null, x);
        SavedVariable s = save(n, true, x);
        Tensor r = Below.run(() -> Below.table(x).var(x, dims, correction, keepdim));
        return finish(n, r, g -> grads(Formulas.varBackward(g[0], s.get(), dims, correction, keepdim)));
    }

    @Override
    public Tensor std(Tensor x, int[] dims, double correction, boolean keepdim) {
        OpNode n = begin("StdBackward0", null, x);
        SavedVariable s = save(n, true, x);
        Tensor r = Below.run(() -> Below.table(x).std(x, dims, correction, keepdim));
        SavedVariable sr = saveOutput(n, true, r, 0);
        return finish(n, r, g -> grads(Formulas.stdBackward(g[0], s.get(), sr.get(), dims, correction, keepdim)));
    }

    @Override
    public Tensor norm(Tensor x, double p, int[] dims, boolean keepdim) {
        OpNode n = begin("NormBackward1", null, x);
        SavedVariable s = save(n, true, x);
        Tensor r = Below.run(() -> Below.table(x).norm(x, p, dims, keepdim));
        SavedVariable sr = saveOutput(n, true, r, 0);
        return finish(n, r, g -> grads(Formulas.normBackward(g[0], s.get(), sr.get(), p, dims, keepdim)));
    }

    @Override
    public Tensor logsumexp(Tensor x, int[] dims, boolean keepdim) {
        OpNode n = begin("LogsumexpBackward0", null, x);
        SavedVariable s = save(n, true, x);
        Tensor r = Below.run(() -> Below.table(x).logsumexp(x, dims, keepdim));
        SavedVariable sr = saveOutput(n, true, r, 0);
        return finish(n, r, g -> {
            Tensor xs = s.get();
            Tensor weights = xs.sub(Formulas.restoreReduced(sr.get(), xs.dim(), dims, keepdim)).exp();
            return grads(Formulas.restoreReduced(g[0], xs.dim(), dims, keepdim).mul(weights));
        });
    }

    @Override
    public Tensor softmax(Tensor x, int dim) {
        OpNode n = begin("SoftmaxBackward0", null, x);
        Tensor r = Below.run(() -> Below.table(x).softmax(x, dim));
        SavedVariable sr = saveOutput(n, true, r, 0);
        return finish(n, r, g -> {
            Tensor y = sr.get();
            return grads(y.mul(g[0].sub(g[0].mul(y).sum(dim, true))));
        });
    }

    @Override
    public Tensor logSoftmax(Tensor x, int dim) {
        OpNode n = begin("LogSoftmaxBackward0", null, x);
        Tensor r = Below.run(() -> Below.table(x).logSoftmax(x, dim));
        SavedVariable sr = saveOutput(n, true, r, 0);
        return finish(n, r, g -> grads(g[0].sub(sr.get().exp().mul(g[0].sum(dim, true)))));
    }

    @Override
    public Tensor cumsum(Tensor x, int dim) {
        OpNode n = begin("CumsumBackward0", null, x);
        Tensor r = Below.run(() -> Below.table(x).cumsum(x, dim));
        return finish(n, r, g -> grads(g[0].sum(dim, true).sub(g[0].cumsum(dim)).add(g[0])));
    }

    // ------------------------------------------------------------------ linear algebra

    @Override
    public Tensor mm(Tensor a, Tensor b) {
        OpNode n = begin("MmBackward0", null, a, b);
        SavedVariable sa = save(n, needs(n, 1), a);
        SavedVariable sb = save(n, needs(n, 0), b);
        Tensor r = Below.run(() -> Below.table(a, b).mm(a, b));
        boolean aColumns = sb != null && MmGrads.columnMajor(a);
        boolean bColumns = sa != null && MmGrads.columnMajor(b);
        return finish(n, r, g -> grads(sb == null ? null : MmGrads.mat1(g[0], sb.get(), aColumns, 1),
                sa == null ? null : MmGrads.mat2(g[0], sa.get(), bColumns, 1)));
    }

    // ---- addmm (branch mlp)

    @Override
    public Tensor addmm(Tensor self, Tensor a, Tensor b, double beta, double alpha) {
        OpNode n = begin("AddmmBackward0", null, self, a, b);
        SavedVariable sa = save(n, needs(n, 2), a);
        SavedVariable sb = save(n, needs(n, 1), b);
        int[] selfShape = needs(n, 0) ? TensorAccess.shape(self) : null;
        boolean aColumns = sb != null && MmGrads.columnMajor(a);
        boolean bColumns = sa != null && MmGrads.columnMajor(b);
        Tensor r = Below.run(() -> Below.table(self, a, b).addmm(self, a, b, beta, alpha));
        return finish(n, r, g -> grads(selfShape == null ? null : Formulas.sumTo(scaled(g[0], beta), selfShape),
                sb == null ? null : MmGrads.mat1(g[0], sb.get(), aColumns, alpha),
                sa == null ? null : MmGrads.mat2(g[0], sa.get(), bColumns, alpha)));
    }

    /** As derivatives.yaml: the gradient passes through where self is above the threshold; self's is zero. */
    @Override
    public Tensor thresholdBackward(Tensor grad, Tensor self, double threshold) {
        OpNode n = begin("ThresholdBackwardBackward0", null, grad, self);
        SavedVariable s = save(n, needs(n, 0), self);
        Tensor r = Below.run(() -> Below.table(grad, self).thresholdBackward(grad, self, threshold));
        return finish(n, r, g -> grads(s == null ? null : dispatchThresholdBackward(g[0], s.get(), threshold),
                needs(n, 1) ? Torch.zerosLike(g[0]) : null));
    }

    /**
     * As derivatives.yaml: {@code sigmoid_backward}'s gradient is {@code sigmoid_backward(grad, output)} for
     * grad_output and {@code grad * grad_output * (-2 * output + 1)} for output.
     */
    @Override
    public Tensor sigmoidBackward(Tensor grad, Tensor output) {
        OpNode n = begin("SigmoidBackwardBackward0", null, grad, output);
        SavedVariable sg = save(n, needs(n, 1), grad);
        SavedVariable so = save(n, true, output);
        Tensor r = Below.run(() -> Below.table(grad, output).sigmoidBackward(grad, output));
        return finish(n, r, g -> grads(needs(n, 0) ? dispatchSigmoidBackward(g[0], so.get()) : null,
                sg == null ? null : g[0].mul(sg.get()).mul(so.get().mul(-2L).add(1L))));
    }

    /** {@code sigmoid_backward} through the dispatcher (recorded when grad mode is on and an input needs it). */
    private static Tensor dispatchSigmoidBackward(Tensor grad, Tensor output) {
        return Dispatcher.of(grad, output).sigmoidBackward(grad, output);
    }

    /** {@code threshold_backward} through the dispatcher (recorded when grad mode is on and an input needs it). */
    private static Tensor dispatchThresholdBackward(Tensor grad, Tensor self, double threshold) {
        return Dispatcher.of(grad, self).thresholdBackward(grad, self, threshold);
    }

    @Override
    public Tensor bmm(Tensor a, Tensor b) {
        OpNode n = begin("BmmBackward0", null, a, b);
        SavedVariable sa = save(n, needs(n, 1), a);
        SavedVariable sb = save(n, needs(n, 0), b);
        Tensor r = Below.run(() -> Below.table(a, b).bmm(a, b));
        return finish(n, r, g -> grads(sb == null ? null : g[0].bmm(sb.get().transpose(1, 2)),
                sa == null ? null : sa.get().transpose(1, 2).bmm(g[0])));
    }

    @Override
    public Tensor mv(Tensor a, Tensor v) {
        OpNode n = begin("MvBackward0", null, a, v);
        SavedVariable sa = save(n, needs(n, 1), a);
        SavedVariable sv = save(n, needs(n, 0), v);
        Tensor r = Below.run(() -> Below.table(a, v).mv(a, v));
        return finish(n, r, g -> grads(sv == null ? null : g[0].outer(sv.get()), sa == null ? null : sa.get().t().mv(g[0])));
    }

    @Override
    public Tensor dot(Tensor a, Tensor b) {
        OpNode n = begin("DotBackward0", null, a, b);
        SavedVariable sa = save(n, needs(n, 1), a);
        SavedVariable sb = save(n, needs(n, 0), b);
        Tensor r = Below.run(() -> Below.table(a, b).dot(a, b));
        return finish(n, r, g -> grads(sb == null ? null : sb.get().mul(g[0]), sa == null ? null : sa.get().mul(g[0])));
    }

    // ------------------------------------------------------------------ convolution

    /**
     * Records ConvolutionBackward0, whose backward is {@link #convolutionBackward} through the dispatcher: the
     * backend's kernel, or this layer again (and so ConvolutionBackwardBackward0) under {@code create_graph}.
     */
    @Override
    public Tensor convolution(Tensor input, Tensor weight, Tensor bias, ConvParams params) {
        OpNode n = begin("ConvolutionBackward0", null, input, weight, bias);
        SavedVariable si = save(n, true, input);
        SavedVariable sw = save(n, true, weight);
        boolean[] mask = {needs(n, 0), needs(n, 1), needs(n, 2)};
        Tensor r = Below.run(() -> Below.table(input, weight).convolution(input, weight, bias, params));
        return finish(n, r, g -> {
            Tensor x = si.get();
            Tensor w = sw.get();
            return Dispatcher.of(g[0], x, w).convolutionBackward(g[0], x, w, params, mask);
        });
    }

    /**
     * Records ConvolutionBackwardBackward0 (ATen's {@code _convolution_double_backward}). The three outputs are
     * bilinear in (grad_output, weight) and (grad_output, input) and linear in grad_output, so their vector-Jacobian
     * products are convolutions again: grad_output gets conv(ggI, w) + conv(x, ggW) + ggb, the input gets the input
     * gradient of grad_output through ggW, the weight the weight gradient of grad_output over ggI.
     */
    @Override
    public Tensor[] convolutionBackward(Tensor gradOutput, Tensor input, Tensor weight, ConvParams params,
            boolean[] outputMask) {
        OpNode n = begin("ConvolutionBackwardBackward0", 3, null, gradOutput, input, weight);
        SavedVariable sg = save(n, true, gradOutput);
        SavedVariable si = save(n, true, input);
        SavedVariable sw = save(n, true, weight);
        boolean gradOfGradOutput = needs(n, 0);
        boolean gradOfInput = needs(n, 1);
        boolean gradOfWeight = needs(n, 2);
        Tensor[] r = Below.run(() -> Below.table(gradOutput, input, weight)
                .convolutionBackward(gradOutput, input, weight, params, outputMask));
        return finishAll(n, r, gg -> {
            Tensor go = sg.get();
            Tensor ggInput = gg[0];
            Tensor ggWeight = gg[1];
            Tensor ggBias = gg[2];
            Tensor gGradOutput = null;
            if (gradOfGradOutput) {
                Tensor x = si.get();
                Tensor w = sw.get();
                if (ggInput != null) {
                    gGradOutput = Dispatcher.of(ggInput, w).convolution(ggInput, w, null, params);
                }
                if (ggWeight != null) {
                    Tensor t = Dispatcher.of(x, ggWeight).convolution(x, ggWeight, null, params);
                    gGradOutput = gGradOutput == null ? t : gGradOutput.add(t);
                }
                if (ggBias != null) {
                    int[] shape = new int[go.dim()];
                    Arrays.fill(shape, 1);
                    shape[1] = ggBias.numel();
                    Tensor b = ggBias.view(shape);
                    gGradOutput = gGradOutput == null ? b.expand(go.shape()) : gGradOutput.add(b);
                }
            }
            Tensor gInput = null;
            if (gradOfInput && ggWeight != null) {
                gInput = Dispatcher.of(go, ggWeight).convolutionBackward(go, si.get().detach(), ggWeight, params,
                        new boolean[] {true, false, false})[0];
            }
            Tensor gWeight = null;
            if (gradOfWeight && ggInput != null) {
                gWeight = Dispatcher.of(go, ggInput).convolutionBackward(go, ggInput, sw.get().detach(), params,
                        new boolean[] {false, true, false})[1];
            }
            return grads(gGradOutput, gInput, gWeight);
        });
    }

    // ------------------------------------------------------------------ joining

    @Override
    public Tensor cat(Tensor[] tensors, int dim) {
        OpNode n = begin("CatBackward0", null, tensors);
        Tensor r = Below.run(() -> Below.table(tensors).cat(tensors, dim));
        if (n == null) {
            return r;
        }
        int d = dim < 0 ? dim + r.dim() : dim;
        int[] sizes = new int[tensors.length];
        boolean[] legacyEmpty = new boolean[tensors.length];
        for (int i = 0; i < tensors.length; i++) {
            legacyEmpty[i] = tensors[i].dim() != r.dim();
            sizes[i] = legacyEmpty[i] ? 0 : tensors[i].size(d);
        }
        return finish(n, r, g -> {
            Tensor[] out = new Tensor[sizes.length];
            int start = 0;
            for (int i = 0; i < sizes.length; i++) {
                if (needs(n, i) && !legacyEmpty[i]) {
                    out[i] = g[0].narrow(d, start, sizes[i]);
                }
                start += sizes[i];
            }
            return out;
        });
    }

    @Override
    public Tensor stack(Tensor[] tensors, int dim) {
        OpNode n = begin("StackBackward0", null, tensors);
        Tensor r = Below.run(() -> Below.table(tensors).stack(tensors, dim));
        return finish(n, r, g -> {
            Tensor[] out = new Tensor[tensors.length];
            for (int i = 0; i < out.length; i++) {
                if (needs(n, i)) {
                    out[i] = g[0].select(dim, i);
                }
            }
            return out;
        });
    }

    // ------------------------------------------------------------------ indexing

    @Override
    public Tensor indexSelect(Tensor x, int dim, Tensor index) {
        OpNode n = begin("IndexSelectBackward0", null, x);
        int[] in = x.shape();
        SavedVariable si = save(n, true, index);
        Tensor r = Below.run(() -> Below.table(x, index).indexSelect(x, dim, index));
        return finish(n, r, g -> grads(Formulas.indexSelectBackward(g[0], in, dim, si.get())));
    }

    @Override
    public Tensor gather(Tensor x, int dim, Tensor index) {
        OpNode n = begin("GatherBackward0", null, x);
        int[] in = x.shape();
        SavedVariable si = save(n, true, index);
        Tensor r = Below.run(() -> Below.table(x, index).gather(x, dim, index));
        return finish(n, r, g -> grads(Torch.zeros(in, Formulas.like(g[0])).scatterAdd(dim, si.get(), g[0])));
    }

    @Override
    public Tensor scatter(Tensor x, int dim, Tensor index, Tensor src, Tensor out) {
        boolean value = src.isWrappedNumber();
        OpNode n = value ? begin("ScatterBackward1", out, x) : begin("ScatterBackward0", out, x, src);
        SavedVariable si = save(n, true, index);
        Tensor r = Below.run(() -> Below.table(x, index, src).scatter(x, dim, index, src, out));
        return finish(n, r, g -> value ? grads(g[0].scatter(dim, si.get(), 0.0))
                : grads(needs(n, 0) ? g[0].scatter(dim, si.get(), 0.0) : null,
                        needs(n, 1) ? g[0].gather(dim, si.get()) : null));
    }

    @Override
    public Tensor scatterAdd(Tensor x, int dim, Tensor index, Tensor src, Tensor out) {
        OpNode n = begin("ScatterAddBackward0", out, x, src);
        SavedVariable si = save(n, true, index);
        Tensor r = Below.run(() -> Below.table(x, index, src).scatterAdd(x, dim, index, src, out));
        return finish(n, r, g -> grads(needs(n, 0) ? g[0] : null, needs(n, 1) ? g[0].gather(dim, si.get()) : null));
    }

    @Override
    public Tensor indexMask(Tensor x, Tensor mask) {
        OpNode n = begin("IndexBackward0", null, x);
        int[] in = x.shape();
        SavedVariable m = save(n, true, mask);
        Tensor r = Below.run(() -> Below.table(x, mask).indexMask(x, mask));
        return finish(n, r, g -> grads(Torch.zeros(in, Formulas.like(g[0])).indexPut_(m.get(), g[0])));
    }

    @Override
    public Tensor indexPutMask(Tensor x, Tensor mask, Tensor values, Tensor out) {
        OpNode n = begin("IndexPutBackward0", out, x, values);
        int dims = x.dim();
        SavedVariable m = save(n, true, mask);
        Tensor r = Below.run(() -> Below.table(x, mask, values).indexPutMask(x, mask, values, out));
        return finish(n, r, g -> grads(needs(n, 0) ? g[0].maskedFill(Formulas.leadingMask(m.get(), dims), 0.0) : null,
                needs(n, 1) ? g[0].index(m.get()) : null));
    }

    @Override
    public Tensor maskedSelect(Tensor x, Tensor mask) {
        OpNode n = begin("MaskedSelectBackward0", null, x);
        int[] in = x.shape();
        SavedVariable m = save(n, true, mask);
        Tensor r = Below.run(() -> Below.table(x, mask).maskedSelect(x, mask));
        return finish(n, r, g -> grads(Formulas.maskedSelectBackward(g[0], in, m.get())));
    }
}
