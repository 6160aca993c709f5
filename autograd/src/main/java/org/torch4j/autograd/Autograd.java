package org.torch4j.autograd;

import org.torch4j.Tensor;
import org.torch4j.autograd.internal.Engine;

/** {@code torch.autograd.backward} and {@code torch.autograd.grad}. */
public final class Autograd {
    private Autograd() {
    }

    /**
     * {@code torch.autograd.backward(tensors, grad_tensors, retain_graph, create_graph)}: accumulates the
     * gradients of the tensors into the leaves' {@code .grad}. {@code gradTensors} (or an entry of it) may be
     * null for scalar outputs.
     */
    public static void backward(Tensor[] tensors, Tensor[] gradTensors, boolean retainGraph, boolean createGraph) {
        Engine.backward(tensors, gradTensors, retainGraph || createGraph, createGraph);
    }

    /** {@code torch.autograd.backward(tensors)} for scalar outputs. */
    public static void backward(Tensor... tensors) {
        backward(tensors, null, false, false);
    }

    /**
     * {@code torch.autograd.grad(outputs, inputs, grad_outputs, retain_graph, create_graph, allow_unused)}:
     * the gradients of the outputs with respect to the inputs, without touching {@code .grad}. An input the
     * outputs do not depend on gets null when {@code allowUnused}, otherwise an error.
     */
    public static Tensor[] grad(Tensor[] outputs, Tensor[] inputs, Tensor[] gradOutputs, boolean retainGraph,
            boolean createGraph, boolean allowUnused) {
        return Engine.grad(outputs, gradOutputs, inputs, retainGraph || createGraph, createGraph, allowUnused);
    }

    /** {@code torch.autograd.grad(outputs, inputs)} for scalar outputs. */
    public static Tensor[] grad(Tensor[] outputs, Tensor[] inputs) {
        return grad(outputs, inputs, null, false, false, false);
    }

    /** {@code torch.autograd.grad(output, inputs)} for one scalar output. */
    public static Tensor[] grad(Tensor output, Tensor... inputs) {
        return grad(new Tensor[] {output}, inputs);
    }
}
