package org.torch4j.internal;

import org.torch4j.GradFn;
import org.torch4j.Tensor;

/**
 * The autograd state a tensor carries, as c10's {@code AutogradMeta}: the tensor module only stores it;
 * the autograd module gives it meaning. {@code extra} is free for the autograd module (hooks, view
 * bookkeeping).
 */
public final class AutogradMeta {
    /** {@code requires_grad} as set on a leaf (a non-leaf requires grad through its gradFn). */
    public boolean requiresGrad;
    /** {@code tensor.grad}, or null. */
    public Tensor grad;
    /** {@code tensor.grad_fn}: null for leaves. */
    public GradFn gradFn;
    /** Which output of {@code gradFn} this tensor is. */
    public int outputNr;
    /** {@code tensor.retains_grad}. */
    public boolean retainsGrad;
    /** State of the autograd module's own (hooks, view bookkeeping). */
    public Object extra;
}
