package org.torch4j;

/**
 * A node of the autograd graph as seen from a tensor's {@code gradFn()}; the equivalent of
 * {@code torch.autograd.graph.Node}. The autograd module implements it.
 */
public interface GradFn {
    /** The name PyTorch prints, such as {@code MulBackward0}. */
    String name();
}
