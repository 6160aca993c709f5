package org.torch4j.autograd.internal;

import java.util.Arrays;
import org.torch4j.Tensor;
import org.torch4j.internal.GradMode;
import org.torch4j.internal.Storage;

/**
 * The node recorded for one op of the table: its backward is a formula written with tensor operations
 * (so that {@code create_graph} differentiates it again), over the tensors it saved. The static helpers
 * take a null node as "not recording", so an op reads the same whether or not grad is needed.
 */
public final class OpNode extends Node {
    /** A backward formula: the input gradients (null where not needed) from the output gradients. */
    @FunctionalInterface
    public interface Formula {
        /** {@code derivatives.yaml}'s formula for each input: its gradient, or null where not needed. */
        Tensor[] apply(Tensor[] grads);
    }

    /** The tensor an in-place op writes; null for an out-of-place op. */
    private final Tensor inPlaceTarget;
    /** What the formula reads, created on the first save (many ops save nothing); {@code savedCount} are in use. */
    private SavedVariable[] saved;
    private int savedCount;
    private Formula formula;

    private OpNode(String name, int numOutputs, Tensor inPlaceTarget, Tensor[] inputs) {
        super(name, numOutputs, inputs);
        this.inPlaceTarget = inPlaceTarget;
    }

    /**
     * Starts recording an op when grad mode is on and an input requires grad, else returns null. For an
     * in-place op {@code out} is the tensor written (also listed among the inputs); PyTorch's checks on
     * in-place writes to leaves run here, before the op.
     */
    public static OpNode begin(String name, Tensor out, Tensor... inputs) {
        return begin(name, 1, out, inputs);
    }

    /** {@link #begin(String, Tensor, Tensor...)} for an op with several outputs. */
    public static OpNode begin(String name, int numOutputs, Tensor out, Tensor... inputs) {
        if (!GradMode.isEnabled() || !Graph.anyRequiresGrad(inputs)) {
            return null;
        }
        if (out != null) {
            Graph.checkInPlace(out);
        }
        return new OpNode(name, numOutputs, out, inputs);
    }

    /** A node recorded unconditionally (for the backward primitives that make their own decision). */
    static OpNode of(String name, Tensor... inputs) {
        return new OpNode(name, 1, null, inputs);
    }

    /** A node with its formula, not yet attached to any tensor (a view's regenerated grad_fn). */
    static OpNode of(String name, Formula formula, Tensor input) {
        OpNode n = new OpNode(name, 1, null, new Tensor[] {input});
        n.formula = formula;
        return n;
    }

    /** Whether input {@code i} needs its gradient; false when not recording. */
    public static boolean needs(OpNode n, int i) {
        return n != null && i < n.numInputs() && n.needsInputGrad(i);
    }

    /**
     * Saves input {@code t} when {@code needed} (and recording); an input that the in-place op is about to
     * overwrite is saved as a copy of its current value (PyTorch's {@code original_self}), recorded so that
     * double backward still reaches its history.
     */
    public static SavedVariable save(OpNode n, boolean needed, Tensor t) {
        if (n == null || !needed || t == null) {
            return null;
        }
        Tensor value = t;
        if (n.inPlaceTarget != null && t.storage() == n.inPlaceTarget.storage()) {
            value = t.clone();
        }
        return n.keep(SavedVariable.input(value));
    }

    /** Saves output {@code nr} (after the op ran) when {@code needed}. */
    public static SavedVariable saveOutput(OpNode n, boolean needed, Tensor result, int nr) {
        if (n == null || !needed) {
            return null;
        }
        return n.keep(SavedVariable.output(result, n, nr));
    }

    private SavedVariable keep(SavedVariable s) {
        if (saved == null) {
            saved = new SavedVariable[2];
        } else if (savedCount == saved.length) {
            saved = Arrays.copyOf(saved, 2 * savedCount);
        }
        saved[savedCount++] = s;
        return s;
    }

    /** Ends a single-output op: attaches the node to the result (or rebases the in-place target). */
    public static Tensor finish(OpNode n, Tensor result, Formula formula) {
        if (n == null) {
            return result;
        }
        n.formula = formula;
        if (n.inPlaceTarget != null) {
            Graph.rebaseHistory(result, n);
            return result;
        }
        return Graph.setHistory(result, n, 0);
    }

    /** Ends an op whose result is a view of {@code input}: also records the view's base. */
    public static Tensor finishView(OpNode n, Tensor result, Tensor input, Formula formula) {
        Tensor r = finish(n, result, formula);
        if (n != null && r.gradFn() == n) {
            Graph.markView(r, input);
        }
        return r;
    }

    /**
     * Ends an op whose outputs are all views of {@code input} (split, unbind): they are recorded as views that,
     * as in PyTorch, may not be written in place.
     */
    public static Tensor[] finishViews(OpNode n, Tensor[] results, Tensor input, Formula formula) {
        Tensor[] r = finishAll(n, results, formula);
        if (n != null) {
            for (Tensor t : r) {
                Graph.markMultiOutputView(t, input);
            }
        }
        return r;
    }

    /** Ends an op with several outputs; only the floating outputs get the node (null outputs stay null). */
    public static Tensor[] finishAll(OpNode n, Tensor[] results, Formula formula) {
        if (n == null) {
            return results;
        }
        n.formula = formula;
        for (int i = 0; i < results.length; i++) {
            if (results[i] != null) {
                results[i] = Graph.setHistory(results[i], n, i);
            }
        }
        return results;
    }

    @Override
    protected Tensor[] apply(Tensor[] gradOutputs) {
        return formula.apply(gradOutputs);
    }

    /**
     * Whether gradient {@code i} of the formula's results (called before the saved tensors are released) is a
     * tensor that only the engine holds, as PyTorch's use_count test: its storage is shared by no other result, no
     * saved tensor and no incoming gradient but one the engine held alone (bit j of {@code ownedIn}), which the
     * engine drops after this node; the formula's own temporaries are gone once it returned.
     */
    boolean owns(Tensor[] gradOutputs, long ownedIn, Tensor[] results, int i) {
        Storage s = results[i].storage();
        for (int j = 0; j < gradOutputs.length; j++) {
            Tensor t = gradOutputs[j];
            if (t != null && t.storage() == s && (j >= Long.SIZE || (ownedIn >>> j & 1) == 0)) {
                return false;
            }
        }
        for (int j = 0; j < results.length; j++) {
            if (j != i && results[j] != null && results[j].storage() == s) {
                return false;
            }
        }
        for (int j = 0; j < savedCount; j++) {
            if (saved[j].shares(s)) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected void release() {
        for (int i = 0; i < savedCount; i++) {
            saved[i].release();
        }
    }
}
