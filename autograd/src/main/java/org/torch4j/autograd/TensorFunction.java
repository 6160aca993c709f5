package org.torch4j.autograd;

import org.torch4j.Tensor;

/**
 * A function of tensors returning tensors: what {@link GradCheck} and {@link Functional} differentiate
 * (Python's {@code func(*inputs) -> Tensor or tuple}).
 */
@FunctionalInterface
public interface TensorFunction {
    /** {@code func(*inputs)}: the outputs. */
    Tensor[] apply(Tensor... inputs);
}
