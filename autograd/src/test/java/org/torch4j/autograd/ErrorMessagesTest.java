package org.torch4j.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.TensorOptions;
import org.torch4j.Torch;

/** Every autograd error, with the message PyTorch 1.13 gives for the same code. */
class ErrorMessagesTest {
    private static final String SECOND_TIME = "Trying to backward through the graph a second time (or directly access "
            + "saved tensors after they have already been freed). Saved intermediate values of the graph are freed when "
            + "you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the "
            + "graph a second time or if you need to access saved tensors after calling backward.";
    private static final String HINT = " Hint: enable anomaly detection to find the operation that failed to compute its "
            + "gradient, with torch.autograd.set_detect_anomaly(True).";

    private static Tensor leaf(int... shape) {
        return Torch.ones(shape, TensorOptions.defaults().requiresGrad(true));
    }

    private static void assertMessage(Class<? extends Throwable> type, String message, Executable code) {
        assertEquals(message, assertThrows(type, code).getMessage());
    }

    @Test
    void backwardTwiceThroughAFreedGraph() {
        Tensor x = leaf(3);
        Tensor y = x.mul(x).sum();
        y.backward();
        assertMessage(IllegalStateException.class, SECOND_TIME, y::backward);
    }

    @Test
    void savedTensorsOfACustomFunctionAfterBackward() {
        FunctionCtx[] ctx = new FunctionCtx[1];
        Function f = new Function() {
            @Override
            public Tensor[] forward(FunctionCtx c, Tensor... in) {
                ctx[0] = c;
                c.saveForBackward(in[0]);
                return new Tensor[] {in[0].mul(2L)};
            }

            @Override
            public Tensor[] backward(FunctionCtx c, Tensor... g) {
                return new Tensor[] {g[0].mul(2L)};
            }
        };
        f.apply(leaf(3)).sum().backward();
        assertMessage(IllegalStateException.class, SECOND_TIME, ctx[0]::savedTensors);
    }

    @Test
    void implicitGradientOnlyForScalars() {
        assertMessage(IllegalArgumentException.class, "grad can be implicitly created only for scalar outputs",
                () -> leaf(3).mul(2L).backward());
    }

    @Test
    void rootWithoutGrad() {
        assertMessage(IllegalArgumentException.class,
                "element 0 of tensors does not require grad and does not have a grad_fn", () -> Torch.ones(3).sum().backward());
    }

    @Test
    void gradientOfTheWrongShape() {
        assertMessage(IllegalArgumentException.class, "Mismatch in shape: grad_output[0] has a shape of torch.Size([2]) and "
                + "output[0] has a shape of torch.Size([3]).", () -> leaf(3).mul(2L).backward(Torch.ones(2)));
    }

    @Test
    void inPlaceOnALeaf() {
        assertMessage(IllegalStateException.class, "a leaf Variable that requires grad is being used in an in-place "
                + "operation.", () -> leaf(3).add_(1L));
    }

    @Test
    void inPlaceOnAViewOfALeaf() {
        assertMessage(IllegalStateException.class, "a view of a leaf Variable that requires grad is being used in an "
                + "in-place operation.", () -> leaf(3).get(0).mul_(2L));
    }

    private static String multiOutputView(String output, String what) {
        return output + " is a view and " + what + ". This view is the output of a function that returns multiple views. "
                + "Such functions do not allow the output views to be modified inplace. You should replace the inplace "
                + "operation by an out-of-place one.";
    }

    @Test
    void inPlaceOnAnOutputOfSplitOrUnbind() {
        assertMessage(IllegalStateException.class, multiOutputView("Output 0 of SplitBackward0", "is being modified inplace"),
                () -> leaf(3, 4).mul(1L).split(2, 1)[0].mul_(2L));
        assertMessage(IllegalStateException.class, multiOutputView("Output 1 of UnbindBackward0", "is being modified inplace"),
                () -> leaf(3).unbind(0)[1].add_(1L));
        assertMessage(IllegalStateException.class, multiOutputView("Output 0 of TBackward0", "is being modified inplace"),
                () -> leaf(4, 2).mul(1L).chunk(2, 0)[1].t().mul_(2L));
    }

    @Test
    void outputOfSplitOrUnbindUsedAfterItsBaseChanged() {
        Tensor y = leaf(3, 4).mul(1L);
        Tensor[] parts = y.split(2, 1);
        y.add_(1L);
        assertMessage(IllegalStateException.class, multiOutputView("Output 1 of SplitBackward0",
                "its base or another view of its base has been modified inplace"), () -> parts[1].mul(2L));
        Tensor[] rows = leaf(3, 4).mul(1L).unbind(0);
        rows[0].detach().zero_();
        assertMessage(IllegalStateException.class, multiOutputView("Output 2 of UnbindBackward0",
                "its base or another view of its base has been modified inplace"), () -> rows[2].sum());
    }

    @Test
    void savedOutputModifiedInPlace() {
        Tensor x = leaf(3);
        Tensor a = x.exp();
        a.add_(1L);
        assertMessage(IllegalStateException.class, "one of the variables needed for gradient computation has been modified "
                + "by an inplace operation: [torch.FloatTensor [3]], which is output 0 of ExpBackward0, is at version 1; "
                + "expected version 0 instead." + HINT, () -> a.sum().backward());
    }

    @Test
    void savedInputModifiedInPlace() {
        Tensor x = leaf(3);
        Tensor y = x.mul(2L);
        Tensor z = y.mul(y);
        y.mul_(3L);
        assertMessage(IllegalStateException.class, "one of the variables needed for gradient computation has been modified "
                + "by an inplace operation: [torch.FloatTensor [3]], which is output 0 of MulBackward0, is at version 1; "
                + "expected version 0 instead." + HINT, () -> z.sum().backward());
    }

    @Test
    void savedLeafModifiedUnderNoGrad() {
        Tensor w = Torch.tensor(new float[][] {{1, 2, 3}, {4, 5, 6}}).requiresGrad_();
        Tensor z = w.mul(w).sum();
        try (var ignored = Torch.noGrad()) {
            w.add_(1L);
        }
        assertMessage(IllegalStateException.class, "one of the variables needed for gradient computation has been modified "
                + "by an inplace operation: [torch.FloatTensor [2, 3]] is at version 1; expected version 0 instead."
                + HINT, z::backward);
    }

    @Test
    void savedOutputModifiedThroughAView() {
        Tensor w = Torch.ones(new int[] {2, 3}, TensorOptions.ofDType(DType.FLOAT64).requiresGrad(true)).clone();
        Tensor s = w.sigmoid();
        s.get(0, 0).fill_(1.0);
        assertMessage(IllegalStateException.class, "one of the variables needed for gradient computation has been modified "
                + "by an inplace operation: [torch.DoubleTensor [2, 3]], which is output 0 of SigmoidBackward0, is at "
                + "version 1; expected version 0 instead." + HINT, () -> s.sum().backward());
    }

    @Test
    void versionHintUnderAnomalyMode() {
        Tensor x = leaf(3);
        try (var ignored = AnomalyMode.detectAnomaly()) {
            Tensor a = x.exp();
            a.add_(1L);
            assertMessage(IllegalStateException.class, "one of the variables needed for gradient computation has been "
                    + "modified by an inplace operation: [torch.FloatTensor [3]], which is output 0 of ExpBackward0, is at "
                    + "version 1; expected version 0 instead. Hint: the backtrace further above shows the operation that "
                    + "failed to compute its gradient. The variable in question was changed in there or anywhere later. "
                    + "Good luck!", () -> a.sum().backward());
        }
    }

    @Test
    void unusedInput() {
        Tensor x = leaf(3);
        Tensor y = leaf(3);
        assertMessage(IllegalArgumentException.class, "One of the differentiated Tensors appears to not have been used in the "
                + "graph. Set allow_unused=True if this is the desired behavior.",
                () -> Autograd.grad(x.mul(2L).sum(), x, y));
    }

    @Test
    void inputThatDoesNotRequireGrad() {
        Tensor x = leaf(3);
        assertMessage(IllegalArgumentException.class, "One of the differentiated Tensors does not require grad",
                () -> Autograd.grad(x.mul(2L).sum(), Torch.ones(3)));
    }

    @Test
    void anomalyModeNamesTheFunctionReturningNaN() {
        try (var ignored = AnomalyMode.detectAnomaly()) {
            Tensor z = Torch.zeros(new int[] {1}, TensorOptions.defaults().requiresGrad(true));
            Tensor loss = z.div(z).sum();
            IllegalStateException e = assertThrows(IllegalStateException.class, loss::backward);
            assertEquals("Function 'DivBackward0' returned nan values in its 1th output.", e.getMessage());
            assertEquals(1, e.getSuppressed().length);
            assertTrue(e.getSuppressed()[0].getMessage().contains("DivBackward0"));
            Tensor w = Torch.tensor(new float[] {-1f}).requiresGrad_();
            assertMessage(IllegalStateException.class, "Function 'SqrtBackward0' returned nan values in its 0th output.",
                    () -> w.sqrt().sum().backward());
        }
        Tensor z = Torch.zeros(new int[] {1}, TensorOptions.defaults().requiresGrad(true));
        z.div(z).sum().backward();
        assertTrue(Double.isNaN(z.grad().item()));
    }

    @Test
    void hookOnATensorWithoutGrad() {
        assertMessage(IllegalStateException.class, "cannot register a hook on a tensor that doesn't require gradient",
                () -> Hooks.registerHook(Torch.ones(2), g -> g));
    }

    @Test
    void retainGradWithoutGrad() {
        assertMessage(IllegalStateException.class, "can't retain_grad on Tensor that has requires_grad=False",
                () -> Torch.ones(2).retainGrad());
    }

    /** A custom function whose backward returns the given gradients. */
    private static final class F extends Function {
        private final java.util.function.UnaryOperator<Tensor[]> grads;

        F(java.util.function.UnaryOperator<Tensor[]> grads) {
            this.grads = grads;
        }

        @Override
        public Tensor[] forward(FunctionCtx ctx, Tensor... in) {
            return new Tensor[] {in[0].mul(2L)};
        }

        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            return grads.apply(g);
        }
    }

    @Test
    void customFunctionReturningTooManyGradients() {
        assertMessage(IllegalStateException.class, "function FBackward returned an incorrect number of gradients (expected 1, "
                + "got 2)", () -> new F(g -> new Tensor[] {g[0], g[0]}).apply(leaf(3)).sum().backward());
    }

    @Test
    void customFunctionReturningAGradientOfTheWrongShape() {
        assertMessage(IllegalStateException.class, "Function FBackward returned an invalid gradient at index 0 - got [2] but "
                + "expected shape compatible with [3]",
                () -> new F(g -> new Tensor[] {Torch.ones(2)}).apply(leaf(3)).sum().backward());
    }

    @Test
    void gradcheckMismatch() {
        Tensor x = Torch.ones(new int[] {2}, TensorOptions.ofDType(DType.FLOAT64).requiresGrad(true));
        GradcheckError e = assertThrows(GradcheckError.class,
                () -> GradCheck.gradcheck(new F(g -> new Tensor[] {g[0].mul(3L)})::apply, x));
        assertTrue(e.getMessage().startsWith("Jacobian mismatch for output 0 with respect to input 0,\nnumerical:tensor("),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("\nanalytical:tensor([[3., 0.],\n        [0., 3.]], dtype=torch.float64)\n"),
                e.getMessage());
    }

    @Test
    void gradcheckWithoutDifferentiableInputs() {
        assertMessage(IllegalArgumentException.class, "gradcheck expects at least one input tensor to require gradient, but "
                + "none of the them have requires_grad=True.", () -> GradCheck.gradcheck(t -> t.mul(2L),
                        Torch.ones(new int[] {2}, TensorOptions.ofDType(DType.FLOAT64))));
    }

    @Test
    void inPlaceWithGradIntoAViewOfATensorWithoutGrad() {
        Tensor base = Torch.zeros(4);
        Tensor x = leaf(2);
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> base.slice(0, 0, 2).copy_(x));
        assertTrue(e.getMessage().startsWith("an in-place operation with an input that requires grad writes into a view of "
                + "a tensor that does not require grad"), e.getMessage());
    }
}
