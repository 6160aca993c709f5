package org.torch4j.autograd.internal;

import org.torch4j.GradFn;
import org.torch4j.Tensor;
import org.torch4j.autograd.AnomalyMode;
import org.torch4j.internal.AutogradMeta;
import org.torch4j.internal.GradMode;
import org.torch4j.internal.Storage;

/**
 * A tensor a node keeps for its backward formula, as PyTorch's {@code SavedVariable}: it remembers the
 * storage version at save time (an in-place change afterwards makes unpacking fail) and is freed after a
 * backward pass that does not retain the graph. An output of the node itself is kept without history and
 * given its grad_fn back when unpacked under {@code create_graph}.
 */
public final class SavedVariable {
    /** PyTorch's message when a saved tensor is used after a backward pass freed it. */
    public static final String FREED = "Trying to backward through the graph a second time (or directly access saved "
            + "tensors after they have already been freed). Saved intermediate values of the graph are freed when "
            + "you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through "
            + "the graph a second time or if you need to access saved tensors after calling backward.";

    private Tensor data;
    private final int version;
    private final Node outputOf;
    private final int outputNr;

    private SavedVariable(Tensor data, Node outputOf, int outputNr) {
        this.data = data;
        this.version = data.version();
        this.outputOf = outputOf;
        this.outputNr = outputNr;
    }

    /** Saves an input (or any tensor that is not an output of {@code node}). */
    public static SavedVariable input(Tensor t) {
        return new SavedVariable(t, null, 0);
    }

    /** Saves output {@code nr} of {@code node} without a reference cycle through its history. */
    public static SavedVariable output(Tensor t, Node node, int nr) {
        return new SavedVariable(t.detach(), node, nr);
    }

    /** The saved tensor, after checking that it was neither freed nor modified in place. */
    public Tensor get() {
        if (data == null) {
            throw new IllegalStateException(FREED);
        }
        int current = data.version();
        if (current != version) {
            throw new IllegalStateException(versionMessage(current));
        }
        if (outputOf == null || !GradMode.isEnabled()) {
            return data;
        }
        Tensor t = data.detach();
        AutogradMeta meta = t.autogradMeta();
        meta.gradFn = outputOf;
        meta.outputNr = outputNr;
        return t;
    }

    /** Whether the saved tensor (not yet released) views the storage. */
    boolean shares(Storage s) {
        return data != null && data.storage() == s;
    }

    void release() {
        data = null;
    }

    private String versionMessage(int current) {
        StringBuilder m = new StringBuilder("one of the variables needed for gradient computation has been modified by "
                + "an inplace operation: [").append(Graph.typeName(data)).append(' ')
                .append(org.torch4j.internal.Shapes.format(data.shape())).append(']');
        GradFn fn = outputOf != null ? outputOf : data.gradFn();
        if (fn != null) {
            m.append(", which is output ").append(outputOf != null ? outputNr : data.autogradMeta().outputNr)
                    .append(" of ").append(fn.name()).append(',');
        }
        m.append(" is at version ").append(current).append("; expected version ").append(version).append(" instead.");
        if (AnomalyMode.isEnabled()) {
            m.append(" Hint: the backtrace further above shows the operation that failed to compute its gradient. "
                    + "The variable in question was changed in there or anywhere later. Good luck!");
        } else {
            m.append(" Hint: enable anomaly detection to find the operation that failed to compute its gradient, "
                    + "with torch.autograd.set_detect_anomaly(True).");
        }
        return m.toString();
    }
}
