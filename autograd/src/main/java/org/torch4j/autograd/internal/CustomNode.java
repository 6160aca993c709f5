package org.torch4j.autograd.internal;

import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.TensorOptions;

/**
 * The node of a custom {@code autograd.Function} call (PyTorch's {@code PyNode}/{@code CppNode}): its
 * backward is the user's, given zeros for outputs that received no gradient.
 */
public final class CustomNode extends Node {
    /** The user's backward, from the output gradients to one gradient per input. */
    @FunctionalInterface
    public interface Backward {
        /** The input gradients (null where none) from the output gradients. */
        Tensor[] apply(Tensor[] gradOutputs);
    }

    private final Backward backward;
    private final Runnable onRelease;
    private final boolean materializeGrads;
    private final int[][] outputShapes;
    private final TensorOptions[] outputOptions;

    /**
     * The node of one {@code Function.apply} call: {@code name} is its grad_fn name, {@code backward} the user's,
     * {@code onRelease} frees what the context saved.
     */
    public CustomNode(String name, int numOutputs, Tensor[] inputs, boolean materializeGrads, Backward backward,
            Runnable onRelease) {
        super(name, numOutputs, inputs);
        this.backward = backward;
        this.onRelease = onRelease;
        this.materializeGrads = materializeGrads;
        this.outputShapes = new int[numOutputs][];
        this.outputOptions = new TensorOptions[numOutputs];
    }

    /**
     * Makes this node the history of output {@code nr}: a new alias when the output is one of the inputs,
     * a rebased history when the forward wrote it in place ({@code dirty}). Returns the output to hand out.
     */
    public Tensor attachOutput(Tensor output, int nr, boolean isInput, boolean dirty) {
        outputShapes[nr] = output.shape();
        DType dtype = output.dtype();
        outputOptions[nr] = TensorOptions.ofDType(dtype).device(output.device());
        if (dirty) {
            if (Graph.viewBase(output) != null) {
                throw new UnsupportedOperationException("a custom Function marked a view as dirty; torch4j does not "
                        + "rebase views of other tensors from a custom Function");
            }
            Graph.checkInPlace(output);
            if (output.isFloatingPoint()) {
                Graph.attachOutput(output, this, nr);
            }
            return output;
        }
        Tensor out = isInput ? Tensor.of(output.storage(), output.shape(), output.stride(), output.storageOffset()) : output;
        return Graph.setHistory(out, this, nr);
    }

    @Override
    protected Tensor[] apply(Tensor[] gradOutputs) {
        Tensor[] grads = gradOutputs.clone();
        if (materializeGrads) {
            for (int i = 0; i < grads.length; i++) {
                if (grads[i] == null && outputShapes[i] != null) {
                    grads[i] = Torch.zeros(outputShapes[i], outputOptions[i]);
                }
            }
        }
        return backward.apply(grads);
    }

    @Override
    protected void release() {
        onRelease.run();
    }
}
