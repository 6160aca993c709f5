package org.torch4j.internal;

import org.torch4j.Tensor;

/**
 * What the autograd module provides, found with {@link java.util.ServiceLoader}: the autograd layer of the
 * op table and the backward engine. Without an implementation on the class path, tensors still work but
 * {@code backward()} fails with a message saying what to add.
 */
public interface AutogradHook {
    /** The op table that records derivatives, used when an input requires grad and grad mode is on. */
    OpTable layer();

    /** {@code torch.autograd.backward(root, gradient, retain_graph, create_graph)}; gradient may be null. */
    void backward(Tensor root, Tensor gradient, boolean retainGraph, boolean createGraph);
}
