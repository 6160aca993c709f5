package org.torch4j.internal;

import org.torch4j.GradFn;
import org.torch4j.Tensor;

/**
 * The autograd state a tensor carries, as c10's {@code AutogradMeta}: the tensor module only stores it;
 * the autograd module gives it meaning. {@code extra} is free for the autograd module (hooks, view
 * bookkeeping).
 */
public final class AutogradMeta {
    public boolean requiresGrad;
    public Tensor grad;
    public GradFn gradFn;
    /** Which output of {@code gradFn} this tensor is. */
    public int outputNr;
    public boolean retainsGrad;
    public Object extra;
}
