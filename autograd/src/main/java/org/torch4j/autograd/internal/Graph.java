package org.torch4j.autograd.internal;

import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.internal.AutogradMeta;

/**
 * Wiring tensors into the graph: the edge a tensor's gradient flows to, attaching a node to outputs,
 * rebasing the history of a tensor written in place (with PyTorch's CopySlices when it is a view), and
 * the bookkeeping of differentiable views (c10's view tracking).
 */
public final class Graph {
    private Graph() {
    }

    static boolean anyRequiresGrad(Tensor[] tensors) {
        for (Tensor t : tensors) {
            if (t != null && t.requiresGrad()) {
                return true;
            }
        }
        return false;
    }

    static TensorState stateOrNull(Tensor t) {
        AutogradMeta meta = t.autogradMetaOrNull();
        return meta == null || !(meta.extra instanceof TensorState) ? null : (TensorState) meta.extra;
    }

    static TensorState state(Tensor t) {
        AutogradMeta meta = t.autogradMeta();
        if (!(meta.extra instanceof TensorState)) {
            meta.extra = new TensorState();
        }
        return (TensorState) meta.extra;
    }

    /**
     * The leaf's gradient accumulator, created once per leaf even when threads build graphs on it at once
     * (PyTorch's {@code grad_accumulator}, created under the tensor's lock).
     */
    public static AccumulateGrad accumulator(Tensor leaf) {
        TensorState s = stateOrNull(leaf);
        AccumulateGrad a = s == null ? null : s.accumulator;
        return a != null ? a : createAccumulator(leaf);
    }

    private static synchronized AccumulateGrad createAccumulator(Tensor leaf) {
        TensorState s = state(leaf);
        if (s.accumulator == null) {
            s.accumulator = new AccumulateGrad(leaf);
        }
        return s.accumulator;
    }

    /** The node the gradient of {@code t} (which requires grad) flows to: its grad_fn or its accumulator. */
    public static Node gradientEdgeNode(Tensor t) {
        refreshView(t);
        AutogradMeta meta = t.autogradMeta();
        return meta.gradFn != null ? (Node) meta.gradFn : accumulator(t);
    }

    /** The input slot of {@link #gradientEdgeNode} that the gradient of {@code t} goes to. */
    public static int gradientEdgeNr(Tensor t) {
        AutogradMeta meta = t.autogradMeta();
        return meta.gradFn != null ? meta.outputNr : 0;
    }

    /** Makes {@code node} the grad_fn of output {@code nr}; results of non-floating dtype get no history. */
    public static Tensor setHistory(Tensor result, Node node, int nr) {
        if (!result.isFloatingPoint()) {
            return result;
        }
        Tensor r = result;
        if (r.requiresGrad()) {
            // the backend handed back an input unchanged: the output is a new alias of it
            r = Tensor.of(r.storage(), r.shape(), r.stride(), r.storageOffset());
        }
        attach(r, node, nr);
        return r;
    }

    /** Makes {@code node} the grad_fn of output {@code nr} of {@code t} as it is (for tensors written in place). */
    static void attachOutput(Tensor t, Node node, int nr) {
        attach(t, node, nr);
    }

    /**
     * {@code tensor.register_hook(hook)}: the hook sees (and may replace, by returning a tensor) the gradient
     * of {@code t}; returns the action that removes it.
     */
    public static Runnable registerHook(Tensor t, java.util.function.UnaryOperator<Tensor> hook) {
        if (!t.requiresGrad()) {
            throw new IllegalStateException("cannot register a hook on a tensor that doesn't require gradient");
        }
        return gradientEdgeNode(t).addHook(gradientEdgeNr(t), hook, t.retainsGrad());
    }

    private static void attach(Tensor t, Node node, int nr) {
        AutogradMeta meta = t.autogradMeta();
        meta.gradFn = node;
        meta.outputNr = nr;
        node.setOutputMeta(nr, meta);
    }

    /** Records that {@code view} is a differentiable view of {@code input} (of its base when it is a view). */
    static void markView(Tensor view, Tensor input) {
        TensorState in = stateOrNull(input);
        TensorState s = state(view);
        boolean inputIsView = in != null && in.viewBase != null;
        s.viewBase = inputIsView ? in.viewBase : input;
        s.viewVersion = view.version();
        s.multiOutputView = inputIsView && in.multiOutputView;
    }

    /** {@link #markView} for one of the views an op returns together (split, unbind). */
    static void markMultiOutputView(Tensor view, Tensor input) {
        markView(view, input);
        state(view).multiOutputView = true;
    }

    /** The base of a differentiable view, or null. */
    static Tensor viewBase(Tensor t) {
        TensorState s = stateOrNull(t);
        return s == null ? null : s.viewBase;
    }

    /**
     * Gives a view whose base was modified in place since its grad_fn was recorded a new grad_fn,
     * {@code AsStridedBackward0} on the base's current history, as PyTorch does when it reads
     * {@code view.grad_fn}.
     */
    static void refreshView(Tensor t) {
        TensorState s = stateOrNull(t);
        if (s == null || s.viewBase == null || s.viewVersion == t.version() || !s.viewBase.requiresGrad()) {
            return;
        }
        if (s.multiOutputView) {
            throw new IllegalStateException(multiOutputViewMessage(t, "its base or another view of its base has been "
                    + "modified inplace"));
        }
        attach(t, Formulas.asStridedNode(s.viewBase, t), 0);
        s.viewVersion = t.version();
    }

    /** PyTorch's checks before an in-place op records history on {@code out}. */
    static void checkInPlace(Tensor out) {
        Tensor base = viewBase(out);
        if (base != null && stateOrNull(out).multiOutputView) {
            throw new IllegalStateException(multiOutputViewMessage(out, "is being modified inplace"));
        }
        if (base != null) {
            if (base.isLeaf() && base.requiresGrad()) {
                throw new IllegalStateException("a view of a leaf Variable that requires grad is being used in an "
                        + "in-place operation.");
            }
            return;
        }
        if (out.isLeaf() && out.requiresGrad()) {
            throw new IllegalStateException("a leaf Variable that requires grad is being used in an in-place operation.");
        }
        if (!out.requiresGrad() && out.numel() < out.storage().length()) {
            throw new UnsupportedOperationException("an in-place operation with an input that requires grad writes into "
                    + "a view of a tensor that does not require grad; torch4j tracks views only of tensors that require "
                    + "grad, so the base tensor would not see this write. Call requiresGrad_() on the base before "
                    + "taking the view, or build the result out of place (cat, stack, where, indexPut on a clone).");
        }
    }

    /**
     * After an in-place op recorded as {@code fn}: the written tensor's history continues from {@code fn}; when it
     * is a view, its base's history becomes a {@code CopySlices} around {@code fn} and the view's grad_fn an
     * {@code AsStridedBackward0} of the base.
     */
    static void rebaseHistory(Tensor out, OpNode fn) {
        TensorState s = stateOrNull(out);
        if (s == null || s.viewBase == null) {
            attach(out, fn, 0);
            return;
        }
        Tensor base = s.viewBase;
        CopySlices copySlices = new CopySlices(base, out, fn);
        attach(base, copySlices, 0);
        attach(out, Formulas.asStridedNode(base, out), 0);
        s.viewVersion = out.version();
    }

    /** PyTorch's error for an in-place write that reaches a view of a multi-output op. */
    private static String multiOutputViewMessage(Tensor view, String what) {
        AutogradMeta meta = view.autogradMeta();
        return "Output " + meta.outputNr + " of " + meta.gradFn.name() + " is a view and " + what + ". This view is the "
                + "output of a function that returns multiple views. Such functions do not allow the output views to be "
                + "modified inplace. You should replace the inplace operation by an out-of-place one.";
    }

    /** PyTorch's legacy type name used in messages, such as {@code torch.FloatTensor}. */
    static String typeName(Tensor t) {
        DType d = t.dtype();
        return "torch." + (t.device().isCuda() ? "cuda." : "") + d.scalarTypeName() + "Tensor";
    }
}
