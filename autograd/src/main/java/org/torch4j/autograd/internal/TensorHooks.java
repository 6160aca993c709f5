package org.torch4j.autograd.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.torch4j.Tensor;

/**
 * The tensor hooks ({@code register_hook}) on the outputs of one node, run on the incoming gradients before the
 * node. As in PyTorch 1.13 the hooks of an output run as one group, before or after its retained gradient is
 * stored, depending on whether the first of them was registered before or after {@code retain_grad()}.
 */
final class TensorHooks {
    private final List<Hook> hooks = new ArrayList<>(1);
    private final boolean[] placed;
    private final boolean[] afterRetain;

    TensorHooks(int numOutputs) {
        placed = new boolean[numOutputs];
        afterRetain = new boolean[numOutputs];
    }

    /** Adds a hook on output {@code slot}, which already retains its gradient or not; returns its removal. */
    Runnable add(int slot, UnaryOperator<Tensor> hook, boolean retainsGrad) {
        if (!placed[slot]) {
            placed[slot] = true;
            afterRetain[slot] = retainsGrad;
        }
        Hook h = new Hook(slot, hook);
        hooks.add(h);
        return () -> hooks.remove(h);
    }

    /** Runs, in registration order, the hooks placed before (or after) the retained gradients; null keeps a gradient. */
    void run(Tensor[] grads, boolean afterRetainPhase) {
        for (Hook h : new ArrayList<>(hooks)) {
            Tensor g = grads[h.slot];
            if (afterRetain[h.slot] == afterRetainPhase && g != null) {
                Tensor r = h.hook.apply(g);
                if (r != null) {
                    grads[h.slot] = r;
                }
            }
        }
    }

    /** A hook bound to one output slot. */
    private static final class Hook {
        final int slot;
        final UnaryOperator<Tensor> hook;

        Hook(int slot, UnaryOperator<Tensor> hook) {
            this.slot = slot;
            this.hook = hook;
        }
    }
}
