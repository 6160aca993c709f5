package org.torch4j.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.torch4j.Tensor;
import org.torch4j.Torch;

/** Custom autograd functions ({@code torch.autograd.Function}). */
class FunctionTest {
    /** The MyReLU of PyTorch's "Defining new autograd functions" tutorial. */
    static final class MyReLU extends Function {
        @Override
        public Tensor[] forward(FunctionCtx ctx, Tensor... in) {
            ctx.saveForBackward(in[0]);
            return new Tensor[] {in[0].clamp(0.0, null)};
        }

        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... grad) {
            Tensor input = ctx.savedTensors()[0];
            return new Tensor[] {grad[0].maskedFill(input.lt(0L), 0.0)};
        }
    }

    @Test
    void myReLU() {
        Tensor x = Torch.tensor(new double[] {-1.5, 0.5, 2.0}).requiresGrad_();
        Tensor y = new MyReLU().apply(x);
        assertEquals("MyReLUBackward", y.gradFn().name());
        assertEquals("tensor([0.0000, 0.5000, 2.0000], dtype=torch.float64, grad_fn=<MyReLUBackward>)", y.toString());
        y.mul(y).sum().backward();
        assertArrayEquals(new double[] {0, 1, 4}, x.grad().toDoubleArray());
        assertTrue(GradCheck.gradcheck(new MyReLU()::apply, Torch.tensor(new double[] {-1.5, 0.5, 2.0}).requiresGrad_()));
        assertFalse(new MyReLU().apply(Torch.ones(2)).requiresGrad());
    }

    /** Two outputs, one of them non-differentiable, a constant kept in the context, needs_input_grad. */
    static final class ScaleAndSign extends Function {
        boolean[] needs;

        @Override
        public Tensor[] forward(FunctionCtx ctx, Tensor... in) {
            needs = new boolean[] {ctx.needsInputGrad(0), ctx.needsInputGrad(1)};
            ctx.put("factor", 3.0);
            ctx.saveForBackward(in[1]);
            Tensor sign = in[0].gt(0L);
            ctx.markNonDifferentiable(sign);
            return new Tensor[] {in[0].mul(in[1]).mul(3.0), sign};
        }

        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... grad) {
            double factor = ctx.get("factor");
            Tensor w = ctx.savedTensors()[0];
            return new Tensor[] {grad[0].mul(w).mul(factor), null};
        }
    }

    @Test
    void severalOutputsAndContext() {
        Tensor x = Torch.tensor(new double[] {1, -2}).requiresGrad_();
        Tensor w = Torch.tensor(new double[] {4, 5});
        ScaleAndSign f = new ScaleAndSign();
        Tensor[] out = f.applyAll(x, w);
        assertArrayEquals(new boolean[] {true, false}, f.needs);
        assertFalse(out[1].requiresGrad());
        out[0].sum().backward();
        assertArrayEquals(new double[] {12, 15}, x.grad().toDoubleArray());
        assertThrows(IllegalStateException.class, () -> f.apply(x, w));
    }

    /** Returns its input after doubling it in place. */
    static final class DoubleInPlace extends Function {
        @Override
        public Tensor[] forward(FunctionCtx ctx, Tensor... in) {
            in[0].mul_(2L);
            ctx.markDirty(in[0]);
            return new Tensor[] {in[0]};
        }

        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... grad) {
            return new Tensor[] {grad[0].mul(2L)};
        }
    }

    @Test
    void markDirtyRebasesTheModifiedInput() {
        Tensor x = Torch.tensor(new double[] {1, 2}).requiresGrad_();
        Tensor y = x.mul(1L);
        Tensor z = new DoubleInPlace().apply(y);
        assertSame(y, z);
        assertEquals("DoubleInPlaceBackward", y.gradFn().name());
        z.sum().backward();
        assertArrayEquals(new double[] {2, 2}, x.grad().toDoubleArray());
        assertThrows(IllegalStateException.class, () -> new DoubleInPlace().apply(x));
    }

    /** Returns its input unchanged: the output is a new alias with its own history. */
    static final class Identity extends Function {
        @Override
        public Tensor[] forward(FunctionCtx ctx, Tensor... in) {
            return new Tensor[] {in[0]};
        }

        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... grad) {
            return new Tensor[] {grad[0].mul(10L)};
        }
    }

    @Test
    void returningAnInputGivesAnAlias() {
        Tensor x = Torch.tensor(new double[] {1, 2}).requiresGrad_();
        Tensor y = new Identity().apply(x);
        assertNotSame(x, y);
        assertTrue(x.isLeaf());
        assertSame(x.storage(), y.storage());
        y.sum().backward();
        assertArrayEquals(new double[] {10, 10}, x.grad().toDoubleArray());
    }

    /** A cube written with differentiable ops in backward, so that double backward works. */
    static final class Cube extends Function {
        @Override
        public Tensor[] forward(FunctionCtx ctx, Tensor... in) {
            ctx.saveForBackward(in[0]);
            return new Tensor[] {in[0].pow(3L)};
        }

        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... grad) {
            Tensor x = ctx.savedTensors()[0];
            return new Tensor[] {grad[0].mul(x.mul(x)).mul(3L)};
        }
    }

    @Test
    void doubleBackwardThroughACustomFunction() {
        Tensor x = Torch.tensor(new double[] {2}).requiresGrad_();
        Tensor g = Autograd.grad(new Tensor[] {new Cube().apply(x).sum()}, new Tensor[] {x}, null, false, true, false)[0];
        assertArrayEquals(new double[] {12}, g.toDoubleArray());
        assertArrayEquals(new double[] {12}, Autograd.grad(g.sum(), x)[0].toDoubleArray());
        assertTrue(GradCheck.gradgradcheck(new Cube()::apply, Torch.tensor(new double[] {0.5, -1.5}).requiresGrad_()));
    }

    /** Two outputs of which only the first is used: backward gets zeros for the second. */
    static final class Split extends Function {
        @Override
        public Tensor[] forward(FunctionCtx ctx, Tensor... in) {
            return new Tensor[] {in[0].mul(2L), in[0].mul(3L)};
        }

        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... grad) {
            return new Tensor[] {grad[0].mul(2L).add(grad[1].mul(3L))};
        }
    }

    @Test
    void missingOutputGradientsArriveAsZeros() {
        Tensor x = Torch.tensor(new double[] {1, 2}).requiresGrad_();
        Tensor[] out = new Split().applyAll(x);
        out[0].sum().backward();
        assertArrayEquals(new double[] {2, 2}, x.grad().toDoubleArray());
        assertNull(out[1].grad());
    }
}
