package org.torch4j.autograd;

import org.torch4j.Tensor;
import org.torch4j.autograd.internal.CustomNode;
import org.torch4j.internal.GradMode;

/**
 * {@code torch.autograd.Function}: an op with a hand-written backward. Subclass it, implement
 * {@link #forward} (run with grad mode off) and {@link #backward} (one gradient per input, null where none),
 * and call {@link #apply}. Non-tensor arguments can be fields of the subclass or values put in the context.
 * <pre>{@code
 * class MyReLU extends Function {
 *     public Tensor[] forward(FunctionCtx ctx, Tensor... in) {
 *         ctx.saveForBackward(in[0]);
 *         return new Tensor[] {in[0].clamp(0.0, null)};
 *     }
 *     public Tensor[] backward(FunctionCtx ctx, Tensor... grad) {
 *         Tensor input = ctx.savedTensors()[0];
 *         return new Tensor[] {grad[0].maskedFill(input.lt(0L), 0.0)};
 *     }
 * }
 * Tensor y = new MyReLU().apply(x);
 * }</pre>
 * The grad_fn is named after the class, as in PyTorch: {@code MyReLUBackward}.
 */
public abstract class Function {
    /** {@code Function.forward(ctx, *inputs)}: the outputs, computed without recording history. */
    public abstract Tensor[] forward(FunctionCtx ctx, Tensor... inputs);

    /** {@code Function.backward(ctx, *grad_outputs)}: one gradient per input (null for none). */
    public abstract Tensor[] backward(FunctionCtx ctx, Tensor... gradOutputs);

    /** The grad_fn name: the class name followed by {@code Backward}. */
    public String name() {
        String simple = getClass().getSimpleName();
        return (simple.isEmpty() ? "Function" : simple) + "Backward";
    }

    /** {@code MyFunction.apply(*inputs)} for a function with one output. */
    public final Tensor apply(Tensor... inputs) {
        Tensor[] outputs = applyAll(inputs);
        if (outputs.length != 1) {
            throw new IllegalStateException(name() + ": apply() expects one output but forward returned "
                    + outputs.length + "; use applyAll()");
        }
        return outputs[0];
    }

    /** {@code MyFunction.apply(*inputs)}: all outputs, with the history of this call on the differentiable ones. */
    public final Tensor[] applyAll(Tensor... inputs) {
        boolean gradMode = GradMode.isEnabled();
        boolean record = false;
        boolean[] needs = new boolean[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            needs[i] = gradMode && inputs[i] != null && inputs[i].requiresGrad();
            record |= needs[i];
        }
        FunctionCtx ctx = new FunctionCtx(needs);
        Tensor[] outputs;
        boolean previous = GradMode.set(false);
        try {
            outputs = forward(ctx, inputs).clone();
        } finally {
            GradMode.set(previous);
        }
        if (!record) {
            return outputs;
        }
        CustomNode node = new CustomNode(name(), outputs.length, inputs, ctx.materializeGrads(),
                grads -> checkedBackward(ctx, inputs.length, grads), ctx::release);
        Tensor[] original = outputs.clone();
        for (int i = 0; i < outputs.length; i++) {
            Tensor t = outputs[i];
            if (t != null && !ctx.isNonDifferentiable(t)) {
                outputs[i] = node.attachOutput(t, i, FunctionCtx.indexOf(inputs, t) >= 0, ctx.isDirty(t));
            }
        }
        ctx.seal(node, original);
        return outputs;
    }

    private Tensor[] checkedBackward(FunctionCtx ctx, int numInputs, Tensor[] grads) {
        Tensor[] result = backward(ctx, grads);
        if (result.length != numInputs) {
            boolean extraAreNull = result.length > numInputs;
            for (int i = numInputs; i < result.length && extraAreNull; i++) {
                extraAreNull = result[i] == null;
            }
            if (!extraAreNull) {
                throw new IllegalStateException("function " + name() + " returned an incorrect number of gradients "
                        + "(expected " + numInputs + ", got " + result.length + ")");
            }
        }
        Tensor[] out = new Tensor[numInputs];
        for (int i = 0; i < numInputs; i++) {
            out[i] = ctx.needsInputGrad(i) ? result[i] : null;
        }
        return out;
    }
}
