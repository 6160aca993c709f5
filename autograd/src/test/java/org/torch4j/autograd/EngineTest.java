package org.torch4j.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.autograd.internal.SavedVariable;

/** The backward engine: accumulation, retained gradients and graphs, higher order, grad(), views and in-place ops. */
class EngineTest {
    private static Tensor leaf(double... values) {
        return Torch.tensor(values).requiresGrad_();
    }

    private static void assertValues(double[] expected, Tensor actual) {
        assertArrayEquals(expected, actual.toDoubleArray(), 1e-12);
    }

    @Test
    void gradientsAccumulateUntilZeroed() {
        Tensor x = leaf(1, 2);
        x.mul(3L).sum().backward();
        x.mul(x).sum().backward();
        assertValues(new double[] {5, 7}, x.grad());
        x.grad().zero_();
        x.mul(3L).sum().backward();
        assertValues(new double[] {3, 3}, x.grad());
        x.setGrad(null);
        x.mul(x).sum().backward();
        assertValues(new double[] {2, 4}, x.grad());
    }

    @Test
    void retainGradKeepsNonLeafGradients() {
        Tensor x = leaf(1, 2);
        Tensor y = x.mul(2L);
        Tensor z = y.mul(y);
        y.retainGrad();
        assertTrue(y.retainsGrad());
        z.sum().backward();
        assertValues(new double[] {4, 8}, y.grad());
        assertNull(z.grad());
        assertValues(new double[] {8, 16}, x.grad());
    }

    @Test
    void retainGraphAllowsASecondBackward() {
        Tensor x = leaf(3);
        Tensor y = x.mul(x).sum();
        y.backward(null, true, false);
        y.backward();
        assertValues(new double[] {12}, x.grad());
    }

    @Test
    void graphsWithoutSavedTensorsCanRunTwice() {
        Tensor x = leaf(3);
        Tensor y = x.add(2L).sum();
        y.backward();
        y.backward();
        assertValues(new double[] {2}, x.grad());
    }

    /** A custom function whose backward gives its input no gradient. */
    static final class DropsGradient extends Function {
        @Override
        public Tensor[] forward(FunctionCtx ctx, Tensor... inputs) {
            return new Tensor[] {inputs[0].mul(1L)};
        }

        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... gradOutputs) {
            return new Tensor[] {null};
        }
    }

    @Test
    void aNodeThatGetsNoGradientStillFreesWhatItSaved() {
        // PyTorch 1.13: MulBackward0 runs with an undefined gradient, then releases w and x
        Tensor w = leaf(1, 2);
        Tensor x = leaf(3, 4);
        Tensor m = w.mul(x);
        new DropsGradient().apply(m).sum().backward();
        assertNull(w.grad());
        assertNull(x.grad());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.sum().backward());
        assertEquals(SavedVariable.FREED, e.getMessage());
    }

    @Test
    void createGraphGivesHigherOrderGradients() {
        Tensor a = Torch.tensor(new float[] {2f}).requiresGrad_();
        Tensor b = a.pow(3L);
        Tensor g = Autograd.grad(new Tensor[] {b}, new Tensor[] {a}, null, false, true, false)[0];
        assertEquals("tensor([12.], grad_fn=<MulBackward0>)", g.toString());
        Tensor g2 = Autograd.grad(g, a)[0];
        assertEquals("tensor([12.])", g2.toString());
        Tensor x = leaf(2);
        x.pow(3L).sum().backward(null, false, true);
        assertNotNull(x.grad().gradFn());
        Tensor gx = x.grad();
        x.setGrad(null);
        gx.sum().backward();
        assertValues(new double[] {12}, x.grad());
    }

    @Test
    void dotGradIsAnOwnedCopyThenAccumulatesInPlaceOutsideGradMode() {
        // PyTorch 1.13 prints these strings, and keeps the same .grad tensor across plain backward calls
        Tensor x = Torch.tensor(new float[] {1f, 2f}).requiresGrad_();
        x.mul(x).sum().backward(null, false, true);
        assertEquals("tensor([2., 4.], grad_fn=<CopyBackwards>)", x.grad().toString());
        Tensor first = x.grad();
        x.mul(x).sum().backward();
        assertSame(first, x.grad());
        assertEquals("tensor([4., 8.], grad_fn=<CopyBackwards>)", x.grad().toString());
        x.mul(x).sum().backward(null, false, true);
        assertEquals("tensor([ 6., 12.], grad_fn=<AddBackward0>)", x.grad().toString());
        Tensor y = leaf(1, 2);
        y.mul(3L).sum().backward();
        Tensor g = y.grad();
        y.mul(3L).sum().backward();
        assertSame(g, y.grad());
        assertValues(new double[] {6, 6}, g);
        Tensor z = Torch.tensor(new float[] {1f, 2f}).requiresGrad_();
        Tensor t = z.mul(2L);
        t.retainGrad();
        t.mul(t).sum().backward(null, false, true);
        assertEquals("tensor([4., 8.], grad_fn=<CloneBackward0>)", t.grad().toString());
    }

    @Test
    void gradDoesNotTouchDotGrad() {
        Tensor x = leaf(1, 2);
        Tensor w = leaf(3);
        Tensor h = x.mul(w);
        Tensor out = h.mul(h).sum();
        Tensor[] g = Autograd.grad(new Tensor[] {out}, new Tensor[] {w, h, x}, null, false, false, false);
        assertValues(new double[] {2 * (9 + 36) / 3.0}, g[0]);
        assertValues(new double[] {6, 12}, g[1]);
        assertValues(new double[] {18, 36}, g[2]);
        assertNull(x.grad());
        assertNull(w.grad());
        Tensor unused = leaf(1);
        Tensor[] some = Autograd.grad(new Tensor[] {x.sum()}, new Tensor[] {x, unused}, null, false, false, true);
        assertValues(new double[] {1, 1}, some[0]);
        assertNull(some[1]);
    }

    @Test
    void backwardOfSeveralRootsWithGradients() {
        Tensor x = leaf(1, 2);
        Autograd.backward(new Tensor[] {x.mul(2L), x.mul(x).sum()}, new Tensor[] {Torch.tensor(new double[] {1, 10}), null},
                false, false);
        assertValues(new double[] {2 + 2, 20 + 4}, x.grad());
        Tensor y = leaf(1, 2);
        Autograd.backward(new Tensor[] {y.mul(2L), y.mul(y)},
                new Tensor[] {Torch.tensor(new double[] {1, 10}), Torch.tensor(new double[] {1, 1})}, false, false);
        assertValues(new double[] {2 + 2, 20 + 4}, y.grad());
        Tensor z = leaf(5);
        Autograd.backward(z.mul(z).sum(), z.sum());
        assertValues(new double[] {11}, z.grad());
    }

    @Test
    void leafRootGetsItsGradientDirectly() {
        Tensor x = leaf(1, 2);
        x.backward(Torch.tensor(new double[] {3, 4}));
        assertValues(new double[] {3, 4}, x.grad());
    }

    @Test
    void broadcastGradientsSumBackAndKeepInputDtypes() {
        Tensor a = Torch.tensor(new float[][] {{1f}, {2f}}).requiresGrad_();
        Tensor b = leaf(1, 2, 3);
        Tensor out = a.mul(b);
        assertEquals(DType.FLOAT64, out.dtype());
        out.sum().backward();
        assertEquals(DType.FLOAT32, a.grad().dtype());
        assertArrayEquals(new int[] {2, 1}, a.grad().shape());
        assertArrayEquals(new float[] {6f, 6f}, a.grad().toFloatArray());
        assertValues(new double[] {3, 3, 3}, b.grad());
        Tensor c = leaf(1.5);
        Tensor f = c.toFloat();
        assertEquals("ToCopyBackward0", f.gradFn().name());
        f.mul(2L).sum().backward();
        assertEquals(DType.FLOAT64, c.grad().dtype());
        assertValues(new double[] {2}, c.grad());
        // float32 rounding needs a wider step than gradcheck's default
        assertTrue(GradCheck.gradcheck(in -> new Tensor[] {in[0].toFloat().mul(3L).toDouble()},
                new Tensor[] {leaf(0.5, -1.25, 2)}, 1e-2, 1e-4, 1e-3));
    }

    @Test
    void detachAndNoGradStopHistory() {
        Tensor x = leaf(1, 2);
        Tensor d = x.detach();
        assertFalse(d.requiresGrad());
        assertSame(x.storage(), d.storage());
        Tensor y = x.mul(2L).add(d);
        y.sum().backward();
        assertValues(new double[] {2, 2}, x.grad());
        try (var ignored = Torch.noGrad()) {
            x.mul_(2L);
            assertNull(x.mul(3L).gradFn());
        }
        assertValues(new double[] {2, 4}, x.detach());
        Tensor z = x.mul(2L);
        z.detach_();
        assertFalse(z.requiresGrad());
    }

    @Test
    void inPlaceOnANonLeafRebasesItsHistory() {
        Tensor x = leaf(1, 2);
        Tensor y = x.mul(1L);
        y.mul_(x).add_(1L);
        assertEquals("AddBackward0", y.gradFn().name());
        assertEquals("MulBackward0", y.gradFn().nextFunctions().get(0).name());
        y.sum().backward();
        assertValues(new double[] {2, 4}, x.grad());
    }

    @Test
    void inPlaceOnAViewGoesThroughCopySlices() {
        Tensor x = leaf(1, 2, 3, 4);
        Tensor root = x.mul(1L);
        Tensor base = root.view(2, 2);
        Tensor row = base.get(0);
        row.mul_(Torch.tensor(new double[] {10, 100}));
        assertEquals("CopySlices", root.gradFn().name());
        assertEquals("AsStridedBackward0", row.gradFn().name());
        assertEquals("MulBackward0", root.gradFn().nextFunctions().get(0).name());
        assertEquals("MulBackward0", row.gradFn().nextFunctions().get(0).nextFunctions().get(0).name());
        base.sum().backward();
        assertValues(new double[] {10, 100, 1, 1}, x.grad());
        x.setGrad(null);
        Tensor b2 = x.mul(1L).view(2, 2);
        Tensor first = b2.get(0);
        Tensor column = b2.select(1, 0);
        first.mul_(2L);
        column.sum().backward();
        assertValues(new double[] {2, 0, 1, 0}, x.grad());
    }

    @Test
    void writingALeafUnderNoGradThenUsingIt() {
        Tensor w = leaf(1, 2);
        try (var ignored = Torch.noGrad()) {
            w.get(0).fill_(5.0);
        }
        w.mul(w).sum().backward();
        assertValues(new double[] {10, 4}, w.grad());
    }

    @Test
    void hooksSeeAndReplaceGradients() {
        Tensor x = leaf(1, 2);
        RemovableHandle h = Hooks.registerHook(x, g -> g.mul(2L));
        x.mul(3L).sum().backward();
        assertValues(new double[] {6, 6}, x.grad());
        h.remove();
        x.setGrad(null);
        x.mul(3L).sum().backward();
        assertValues(new double[] {3, 3}, x.grad());
        Tensor y = x.mul(1L);
        double[] seen = new double[2];
        Hooks.registerHook(y, g -> {
            System.arraycopy(g.toDoubleArray(), 0, seen, 0, 2);
            return g.mul(5L);
        });
        y.retainGrad();
        x.setGrad(null);
        y.mul(Torch.tensor(new double[] {1, 2})).sum().backward();
        assertValues(new double[] {1, 2}, Torch.tensor(seen));
        assertValues(new double[] {5, 10}, y.grad());
        assertValues(new double[] {5, 10}, x.grad());
        Tensor z = x.mul(1L);
        Hooks.registerHook(z, g -> g.mul(7L));
        assertValues(new double[] {1, 1}, Autograd.grad(z.sum(), z)[0]);
    }

    @Test
    void aTensorsHooksRunTogetherBeforeOrAfterItsRetainedGradAsFirstRegistered() {
        // PyTorch 1.13 (its values): the hooks of a tensor run as one group, placed where the first was registered
        Tensor x = leaf(1, 2);
        Tensor t = x.mul(2L);
        t.retainGrad();
        Hooks.registerHook(t, g -> g.mul(10L));
        Hooks.registerHook(t, g -> g.add(1L));
        t.mul(t).sum().backward();
        assertValues(new double[] {4, 8}, t.grad());
        assertValues(new double[] {82, 162}, x.grad());
        Tensor u = leaf(1, 2);
        Tensor v = u.mul(2L);
        Hooks.registerHook(v, g -> g.mul(10L));
        v.retainGrad();
        Hooks.registerHook(v, g -> g.add(1L));
        v.mul(v).sum().backward();
        assertValues(new double[] {41, 81}, v.grad());
        assertValues(new double[] {82, 162}, u.grad());
        Tensor a = leaf(1, 2);
        Tensor b = a.mul(2L);
        Hooks.registerHook(b, g -> g.mul(10L)).remove();
        b.retainGrad();
        Hooks.registerHook(b, g -> g.add(1L));
        b.mul(b).sum().backward();
        assertValues(new double[] {5, 9}, b.grad());
        assertValues(new double[] {10, 18}, a.grad());
    }

    @Test
    void backwardPassesOnSeveralThreadsAllReachASharedLeaf() throws InterruptedException {
        // PyTorch accumulates into a leaf under a lock; no gradient may be lost
        Tensor x = Torch.zeros(64).requiresGrad_();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    x.mul(1L).sum().backward();
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(2000.0, x.grad().min().item());
        assertEquals(2000.0, x.grad().max().item());
    }

    @Test
    void deepChainsDoNotOverflowTheStack() {
        Tensor x = leaf(1);
        Tensor y = x;
        for (int i = 0; i < 20000; i++) {
            y = y.mul(1L);
        }
        y.sum().backward();
        assertValues(new double[] {1}, x.grad());
        Tensor w = leaf(1);
        Tensor v = w;
        for (int i = 0; i < 20000; i++) {
            v = v.add(0L);
        }
        assertValues(new double[] {1}, Autograd.grad(v.sum(), w)[0]);
    }

    @Test
    void reluGradientIsThresholdBackwardAndDifferentiableAgain() {
        Tensor x = Torch.tensor(new double[] {-1.5, 0.0, 2.0, 0.5}).requiresGrad_();
        Tensor g = Autograd.grad(new Tensor[] {x.relu().mul(Torch.tensor(new double[] {1, 2, 3, 4})).sum()},
                new Tensor[] {x}, null, true, true, false)[0];
        // PyTorch 1.13: relu's derivative is threshold_backward(grad, result, 0), itself recorded under create_graph
        assertEquals("ThresholdBackwardBackward0", g.gradFn().name());
        assertArrayEquals(new double[] {0, 0, 3, 4}, g.toDoubleArray());
        Tensor gg = Autograd.grad(new Tensor[] {g.sum()}, new Tensor[] {x}, null, false, false, true)[0];
        assertArrayEquals(new double[] {0, 0, 0, 0}, gg.toDoubleArray());
    }

    @Test
    void sigmoidGradientIsSigmoidBackwardAndDifferentiableAgain() {
        Tensor x = Torch.tensor(new double[] {-1.5, 0.0, 2.0, 0.5}).requiresGrad_();
        Tensor g = Autograd.grad(new Tensor[] {x.sigmoid().mul(Torch.tensor(new double[] {1, 2, 3, 4})).sum()},
                new Tensor[] {x}, null, true, true, false)[0];
        // PyTorch 1.13: sigmoid's derivative is sigmoid_backward(grad, result), itself recorded under create_graph
        assertEquals("SigmoidBackwardBackward0", g.gradFn().name());
        assertArrayEquals(new double[] {0.14914645207033286, 0.5, 0.31498075621051985, 0.940014848806378},
                g.toDoubleArray(), 1e-15);
        Tensor gg = Autograd.grad(new Tensor[] {g.sum()}, new Tensor[] {x}, null, false, false, true)[0];
        assertArrayEquals(new double[] {0.09473021278475269, 0.0, -0.23988750316845933, -0.230227179409283},
                gg.toDoubleArray(), 1e-15);
    }
}
