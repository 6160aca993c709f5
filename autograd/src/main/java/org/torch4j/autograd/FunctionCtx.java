package org.torch4j.autograd;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.torch4j.Tensor;
import org.torch4j.autograd.internal.Node;
import org.torch4j.autograd.internal.SavedVariable;

/**
 * The {@code ctx} of a custom {@link Function} call (PyTorch's {@code FunctionCtx}, LibTorch's
 * {@code AutogradContext}): what forward leaves for backward.
 */
public final class FunctionCtx {
    private final boolean[] needsInputGrad;
    private Tensor[] toSave = new Tensor[0];
    private SavedVariable[] saved;
    private boolean released;
    private final Set<Tensor> dirty = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Tensor> nonDifferentiable = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean materializeGrads = true;
    private final Map<String, Object> data = new HashMap<>();

    FunctionCtx(boolean[] needsInputGrad) {
        this.needsInputGrad = needsInputGrad;
    }

    /** {@code ctx.save_for_backward(*tensors)}: tensors (inputs or outputs; null allowed) for backward. */
    public void saveForBackward(Tensor... tensors) {
        toSave = tensors.clone();
    }

    /**
     * {@code ctx.saved_tensors}: what forward saved, checked against in-place changes since; fails once the
     * graph was freed by a backward pass that did not retain it.
     */
    public Tensor[] savedTensors() {
        if (released) {
            throw new IllegalStateException(SavedVariable.FREED);
        }
        if (saved == null) {
            return toSave.clone();
        }
        Tensor[] out = new Tensor[saved.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = saved[i] == null ? null : saved[i].get();
        }
        return out;
    }

    /** {@code ctx.needs_input_grad[i]}. */
    public boolean needsInputGrad(int i) {
        return needsInputGrad[i];
    }

    /** {@code ctx.mark_dirty(*tensors)}: inputs forward modified in place (and returns). */
    public void markDirty(Tensor... tensors) {
        Collections.addAll(dirty, tensors);
    }

    /** {@code ctx.mark_non_differentiable(*tensors)}: outputs that get no gradient (indices, masks). */
    public void markNonDifferentiable(Tensor... tensors) {
        Collections.addAll(nonDifferentiable, tensors);
    }

    /** {@code ctx.set_materialize_grads(value)}: whether missing output gradients reach backward as zeros. */
    public void setMaterializeGrads(boolean value) {
        materializeGrads = value;
    }

    /** Keeps a non-tensor value for backward (Python's {@code ctx.name = value}, LibTorch's {@code saved_data}). */
    public void put(String key, Object value) {
        data.put(key, value);
    }

    /** A value kept with {@link #put}. */
    @SuppressWarnings("unchecked")
    public <T> T get(String key) {
        return (T) data.get(key);
    }

    boolean isDirty(Tensor t) {
        return dirty.contains(t);
    }

    boolean isNonDifferentiable(Tensor t) {
        return nonDifferentiable.contains(t);
    }

    boolean materializeGrads() {
        return materializeGrads;
    }

    /** Turns the tensors saved during forward into saved variables, outputs without history cycles. */
    void seal(Node node, Tensor[] outputs) {
        saved = new SavedVariable[toSave.length];
        for (int i = 0; i < toSave.length; i++) {
            Tensor t = toSave[i];
            if (t == null) {
                continue;
            }
            int nr = indexOf(outputs, t);
            saved[i] = nr >= 0 ? SavedVariable.output(t, node, nr) : SavedVariable.input(t);
        }
        toSave = null;
    }

    void release() {
        released = true;
        saved = null;
    }

    static int indexOf(Tensor[] tensors, Tensor t) {
        for (int i = 0; i < tensors.length; i++) {
            if (tensors[i] == t) {
                return i;
            }
        }
        return -1;
    }
}
