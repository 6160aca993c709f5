package org.torch4j.autograd.internal;

import org.torch4j.Tensor;
import org.torch4j.Torch;

/**
 * The history of a base tensor after an in-place op wrote into one of its views, as PyTorch's
 * {@code CopySlices}: the gradient of the base passes through except in the view's region, where the
 * in-place op's own backward ({@code fn}) turns it into the gradient of the region's old values; fn's other
 * inputs get their gradients from fn too.
 */
final class CopySlices extends Node {
    private final Geometry base;
    private final Geometry view;
    private final OpNode fn;

    CopySlices(Tensor base, Tensor view, OpNode fn) {
        super("CopySlices", 1, baseAndEmpty(base, fn.numInputs()));
        this.base = Geometry.of(base);
        this.view = Geometry.of(view);
        this.fn = fn;
        for (int i = 1; i < fn.numInputs(); i++) {
            if (fn.nextNodes[i] != null) {
                nextNodes[i] = fn.nextNodes[i];
                inputSlots[i] = fn.inputSlots[i];
            }
        }
    }

    private static Tensor[] baseAndEmpty(Tensor base, int n) {
        Tensor[] inputs = new Tensor[n];
        inputs[0] = base;
        return inputs;
    }

    @Override
    protected Tensor[] apply(Tensor[] gradOutputs) {
        Tensor g = gradOutputs[0];
        int lo = Geometry.low(base, view);
        Tensor flat = Formulas.toStorage(g, base, lo, Geometry.span(base, view));
        Tensor[] res = fn.apply(new Tensor[] {Formulas.fromStorage(flat, view, lo)});
        Tensor region = Below.run(() -> Formulas.asStridedBackward(Torch.ones(view.shape, Formulas.like(g)), base, view)
                .ne(0L));
        Tensor out0 = g.maskedFill(region, 0.0);
        if (res[0] != null) {
            out0 = out0.add(Formulas.asStridedBackward(res[0], base, view));
        }
        Tensor[] out = new Tensor[numInputs()];
        out[0] = out0;
        System.arraycopy(res, 1, out, 1, out.length - 1);
        return out;
    }

    @Override
    protected void release() {
        fn.release();
    }
}
