package org.torch4j.autograd.internal;

import org.torch4j.Tensor;

/**
 * What the autograd module keeps in {@code AutogradMeta.extra}: the leaf's gradient accumulator and, for a
 * differentiable view, its base and the version its history was recorded at (c10's
 * {@code DifferentiableViewMeta}).
 */
final class TensorState {
    /** The leaf's gradient accumulator (volatile: read without a lock, created under one). */
    volatile AccumulateGrad accumulator;
    /** The tensor that is not a view and whose storage this view shares; null when not a view. */
    Tensor viewBase;
    /** The storage version when this view's grad_fn was last set. */
    int viewVersion;
    /**
     * Whether this view comes from an op that returns several views (split, unbind), or is a view of such a
     * view: PyTorch's {@code CreationMeta::MULTI_OUTPUT_NODE}, which forbids in-place writes.
     */
    boolean multiOutputView;
}
