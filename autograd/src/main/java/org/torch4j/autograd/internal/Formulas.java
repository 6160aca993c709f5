package org.torch4j.autograd.internal;

import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.torch4j.Tensor;
import org.torch4j.TensorOptions;
import org.torch4j.Torch;
import org.torch4j.internal.GradMode;
import org.torch4j.internal.Shapes;
import org.torch4j.internal.TensorAccess;

/**
 * The backward formulas that take more than a line, written with tensor operations so that they are
 * differentiable again (PyTorch's {@code FunctionsManual.cpp}).
 */
final class Formulas {
    private Formulas() {
    }

    static TensorOptions like(Tensor t) {
        return TensorOptions.ofDType(t.dtype()).device(t.device());
    }

    /** Whether {@code t} has exactly this shape (read in place: {@code Tensor.shape()} copies). */
    static boolean hasShape(Tensor t, int[] shape) {
        return Arrays.equals(TensorAccess.shape(t), shape);
    }

    /** {@code at::sum_to}: sums a broadcast gradient back to {@code shape}. */
    static Tensor sumTo(Tensor g, int[] shape) {
        if (hasShape(g, shape)) {
            return g;
        }
        int[] gs = TensorAccess.shape(g);
        int lead = gs.length - shape.length;
        int[] dims = new int[gs.length];
        int n = 0;
        for (int i = 0; i < gs.length; i++) {
            if (i < lead || (shape[i - lead] == 1 && gs[i] != 1)) {
                dims[n++] = i;
            }
        }
        if (n > 0 && n == lead) {
            // only leading dims to drop: summing them away (no keepdim) leaves exactly the shape, no reshape needed
            return g.sum(n == dims.length ? dims : Arrays.copyOf(dims, n), false);
        }
        Tensor r = n == 0 ? g : g.sum(n == dims.length ? dims : Arrays.copyOf(dims, n), true);
        return r.reshape(shape);
    }

    /** Whether a tensor of {@code shape} broadcasts to {@code target} (so sum_to can undo it). */
    static boolean expandable(int[] shape, int[] target) {
        if (shape.length > target.length) {
            return false;
        }
        int lead = target.length - shape.length;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] != 1 && shape[i] != target[i + lead]) {
                return false;
            }
        }
        return true;
    }

    /** Puts back the dims a reduction without keepdim removed (size 1), ready to broadcast. */
    static Tensor restoreReduced(Tensor g, int inDims, int[] dims, boolean keepdim) {
        if (keepdim || inDims == 0) {
            return g;
        }
        if (dims.length == 0) {
            int[] ones = new int[inDims];
            Arrays.fill(ones, 1);
            return g.reshape(ones);
        }
        int[] sorted = dims.clone();
        Arrays.sort(sorted);
        Tensor r = g;
        for (int d : sorted) {
            r = r.unsqueeze(d);
        }
        return r;
    }

    /** The gradient of a reduction broadcast back over the reduced dims. */
    static Tensor expandReduced(Tensor g, int[] inShape, int[] dims, boolean keepdim) {
        if (dims.length == 0) {
            // a full reduction's gradient (0-dim, or all 1s with keepdim) expands as it is, as PyTorch's sum backward
            return g.expand(inShape);
        }
        return restoreReduced(g, inShape.length, dims, keepdim).expand(inShape);
    }

    /** Elements per reduced slice: numel(in) / numel(out). */
    static int reducedCount(int[] inShape, int[] dims) {
        if (dims.length == 0) {
            return Shapes.numel(inShape);
        }
        int n = 1;
        for (int d : dims) {
            n *= inShape[d];
        }
        return n;
    }

    /**
     * Zeros of {@code shape} with {@code g} written into the view {@code view} selects; recorded as
     * {@code name} (whose backward reads the same view of the incoming gradient) when g requires grad.
     * The backward of select, slice and as_strided ({@code select_backward} and friends).
     */
    static Tensor scatterIntoZeros(String name, Tensor g, int[] shape, UnaryOperator<Tensor> view) {
        Tensor z = Below.run(() -> {
            Tensor t = Torch.zeros(shape, like(g));
            view.apply(t).copy_(g);
            return t;
        });
        if (GradMode.isEnabled() && g.requiresGrad()) {
            OpNode.finish(OpNode.of(name, g), z, gg -> new Tensor[] {view.apply(gg[0])});
        }
        return z;
    }

    static Tensor selectBackward(Tensor g, int[] inShape, int dim, int index) {
        return scatterIntoZeros("SelectBackwardBackward0", g, inShape, t -> t.select(dim, index));
    }

    static Tensor sliceBackward(Tensor g, int[] inShape, int dim, int start, int end, int step) {
        return scatterIntoZeros("SliceBackwardBackward0", g, inShape, t -> t.slice(dim, start, end, step));
    }

    /**
     * Zeros over the storage positions {@code [lo, lo + n)} with {@code g} added at the positions that
     * {@code geom} addresses (overlapping positions sum).
     */
    static Tensor toStorage(Tensor g, Geometry geom, int lo, int n) {
        if (geom.mayOverlap()) {
            Tensor index = Below.run(() -> Torch.arange(0L, n, 1L).asStrided(geom.shape, geom.strides, geom.offset - lo)
                    .reshape(-1).to(g.device()));
            return Torch.zeros(new int[] {n}, like(g)).scatterAdd(0, index, g.reshape(-1));
        }
        return scatterIntoZeros("AsStridedScatterBackward0", g, new int[] {n},
                t -> t.asStrided(geom.shape, geom.strides, geom.offset - lo));
    }

    /** The elements of storage positions {@code [lo, ...)} that {@code geom} addresses, as a view of {@code flat}. */
    static Tensor fromStorage(Tensor flat, Geometry geom, int lo) {
        return flat.asStrided(geom.shape, geom.strides, geom.offset - lo);
    }

    /** {@code as_strided_backward}: the gradient of {@code out = as_strided(in)}, in storage coordinates. */
    static Tensor asStridedBackward(Tensor g, Geometry in, Geometry out) {
        int lo = Geometry.low(in, out);
        return fromStorage(toStorage(g, out, lo, Geometry.span(in, out)), in, lo);
    }

    /** The {@code AsStridedBackward0} node that a view gets when its base's history changed. */
    static OpNode asStridedNode(Tensor base, Tensor view) {
        Geometry in = Geometry.of(base);
        Geometry out = Geometry.of(view);
        return OpNode.of("AsStridedBackward0", g -> new Tensor[] {asStridedBackward(g[0], in, out)}, base);
    }

    /** {@code prod_backward}, exact where the input has zeros (one zero: the product of the others). */
    static Tensor prodBackward(Tensor g, Tensor x, Integer dim, boolean keepdim) {
        int[] dims = dim == null ? new int[0] : new int[] {dim};
        Tensor zero = x.eq(0L);
        Tensor nonzero = x.maskedFill(zero, 1.0);
        Tensor product = dim == null ? nonzero.prod() : nonzero.prod(dim, true);
        Tensor zeros = dim == null ? zero.sum() : zero.sum(dim, true);
        Tensor atNonzero = product.div(nonzero).mul(zeros.eq(0L));
        Tensor atZero = product.mul(zeros.eq(1L)).expand(x.shape());
        Tensor local = Torch.where(zero, atZero, atNonzero);
        return restoreReduced(g, x.dim(), dims, keepdim).mul(local);
    }

    /** amax/amin and full max/min: the gradient shared evenly among the elements equal to the result. */
    static Tensor evenlyDistribute(Tensor g, Tensor x, Tensor result, int[] dims, boolean keepdim) {
        Tensor mask = x.eq(restoreReduced(result, x.dim(), dims, keepdim));
        Tensor count = mask.sum(dims, true);
        return restoreReduced(g, x.dim(), dims, keepdim).div(count).mul(mask);
    }

    /** {@code value_selecting_reduction_backward}: max/min along a dim send the gradient to the chosen index. */
    static Tensor valueSelectingBackward(Tensor g, int dim, Tensor indices, int[] inShape, boolean keepdim) {
        Tensor gk = keepdim ? g : g.unsqueeze(dim);
        Tensor ik = keepdim ? indices : indices.unsqueeze(dim);
        return Torch.zeros(inShape, like(g)).scatter(dim, ik, gk);
    }

    /** {@code var_backward}. */
    static Tensor varBackward(Tensor g, Tensor x, int[] dims, double correction, boolean keepdim) {
        double n = reducedCount(x.shape(), dims);
        Tensor centered = x.sub(x.mean(dims, true));
        return restoreReduced(g, x.dim(), dims, keepdim).mul(2.0 / (n - correction)).mul(centered);
    }

    /** {@code std_backward}: the variance gradient of grad / (2 std), zero where std is zero. */
    static Tensor stdBackward(Tensor g, Tensor x, Tensor result, int[] dims, double correction, boolean keepdim) {
        Tensor gradVar = g.div(result.mul(2.0)).maskedFill(result.eq(0L), 0.0);
        return varBackward(gradVar, x, dims, correction, keepdim);
    }

    /** {@code norm_backward} for the vector p-norm. */
    static Tensor normBackward(Tensor g, Tensor x, Tensor norm, double p, int[] dims, boolean keepdim) {
        Tensor gk = restoreReduced(g, x.dim(), dims, keepdim);
        Tensor nk = restoreReduced(norm, x.dim(), dims, keepdim);
        if (p == 0) {
            return Torch.zerosLike(x);
        }
        if (p == 1) {
            return x.sign().mul(gk);
        }
        if (p == 2) {
            return x.mul(gk.div(nk).maskedFill(nk.eq(0L), 0.0));
        }
        if (Double.isInfinite(p)) {
            Tensor mask = x.abs().eq(nk);
            Tensor count = mask.sum(dims, true);
            return x.sign().mul(gk.div(count).mul(mask));
        }
        if (p < 1) {
            Tensor scaled = x.sign().mul(x.abs().pow(p - 1).maskedFill(x.eq(0L), 0.0));
            return scaled.mul(gk).mul(nk.pow(1 - p));
        }
        Tensor scale = gk.div(nk.pow(p - 1)).maskedFill(nk.eq(0L), 0.0);
        Tensor scaled = p < 2 ? x.sign().mul(x.abs().pow(p - 1)) : x.mul(x.abs().pow(p - 2));
        return scaled.mul(scale);
    }

    /** The first gradient that is not null (a multi-output node gets at least one). */
    static Tensor anyGrad(Tensor[] grads) {
        for (Tensor g : grads) {
            if (g != null) {
                return g;
            }
        }
        throw new IllegalStateException("no output gradient");
    }

    /** {@code masked_select_backward}: the gradient put back where the broadcast mask is true, summed to x's shape. */
    static Tensor maskedSelectBackward(Tensor g, int[] inShape, Tensor mask) {
        int[] common = Shapes.broadcast(mask.shape(), inShape);
        Tensor full = Torch.zeros(common, like(g)).indexPut_(mask.expand(common), g);
        return sumTo(full, inShape);
    }

    /** {@code index_select} backward: the gradient added back at the selected indices. */
    static Tensor indexSelectBackward(Tensor g, int[] inShape, int dim, Tensor index) {
        int[] shape = new int[g.dim()];
        Arrays.fill(shape, 1);
        shape[dim] = -1;
        Tensor idx = Below.run(() -> index.reshape(shape).expand(g.shape()).contiguous());
        return Torch.zeros(inShape, like(g)).scatterAdd(dim, idx, g);
    }

    /** A mask over leading dims reshaped to broadcast over the trailing dims of a tensor of rank {@code dims}. */
    static Tensor leadingMask(Tensor mask, int dims) {
        int[] shape = Arrays.copyOf(mask.shape(), dims);
        Arrays.fill(shape, mask.dim(), dims, 1);
        return mask.reshape(shape);
    }
}
