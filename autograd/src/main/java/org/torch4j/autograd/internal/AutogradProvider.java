package org.torch4j.autograd.internal;

import org.torch4j.Tensor;
import org.torch4j.internal.AutogradHook;
import org.torch4j.internal.OpTable;

/** Registers the autograd layer and engine with the tensor module (through {@link java.util.ServiceLoader}). */
public final class AutogradProvider implements AutogradHook {
    @Override
    public OpTable layer() {
        return AutogradLayer.INSTANCE;
    }

    /** {@code tensor.backward(gradient, retain_graph, create_graph)}; creating a graph also retains it. */
    @Override
    public void backward(Tensor root, Tensor gradient, boolean retainGraph, boolean createGraph) {
        Engine.backward(new Tensor[] {root}, gradient == null ? null : new Tensor[] {gradient}, retainGraph || createGraph,
                createGraph);
    }
}
