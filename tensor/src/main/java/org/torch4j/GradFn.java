package org.torch4j;

import java.util.List;

/**
 * A node of the autograd graph as seen from a tensor's {@code gradFn()}; the equivalent of
 * {@code torch.autograd.graph.Node}. The autograd module implements it.
 */
public interface GradFn {
    /** The name PyTorch prints, such as {@code MulBackward0}. */
    String name();

    /**
     * {@code grad_fn.next_functions}: the node each input's gradient flows to, in input order; a null entry
     * stands for an input that does not require grad (PyTorch's {@code (None, 0)}). The autograd module's
     * nodes override it; the default (a node with no inputs) keeps this a functional interface.
     */
    default List<GradFn> nextFunctions() {
        return List.of();
    }
}
