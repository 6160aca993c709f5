package org.torch4j.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.torch4j.GradFn;
import org.torch4j.Tensor;
import org.torch4j.TensorOptions;
import org.torch4j.Torch;
import org.torch4j.autograd.internal.AccumulateGrad;

/** The results of PyTorch's autograd tutorials, printed strings included (taken from PyTorch 1.13). */
class TutorialTest {
    @Test
    void secondBackwardAccumulates() {
        Tensor x = Torch.tensor(new float[] {1f}).requiresGrad_();
        Tensor y = x.mul(x);
        assertEquals("tensor([1.], grad_fn=<MulBackward0>)", y.toString());
        y.backward();
        assertEquals("tensor([2.])", x.grad().toString());
        x.mul(x).backward();
        assertEquals("tensor([4.])", x.grad().toString());
    }

    @Test
    void meanOfSquaresGivesFourPointFive() {
        Tensor x = Torch.ones(new int[] {2, 2}, TensorOptions.defaults().requiresGrad(true));
        assertEquals("tensor([[1., 1.],\n        [1., 1.]], requires_grad=True)", x.toString());
        Tensor y = x.add(2L);
        assertEquals("tensor([[3., 3.],\n        [3., 3.]], grad_fn=<AddBackward0>)", y.toString());
        Tensor z = y.mul(y).mul(3L);
        Tensor out = z.mean();
        assertEquals("tensor([[27., 27.],\n        [27., 27.]], grad_fn=<MulBackward0>)", z.toString());
        assertEquals("tensor(27., grad_fn=<MeanBackward0>)", out.toString());
        out.backward();
        assertEquals("tensor([[4.5000, 4.5000],\n        [4.5000, 4.5000]])", x.grad().toString());
        assertArrayEquals(new float[] {4.5f, 4.5f, 4.5f, 4.5f}, x.grad().toFloatArray());
    }

    @Test
    void computationalGraphWeights() {
        Tensor a = Torch.scalarTensor(4.0);
        Tensor w1 = Torch.scalarTensor(2.0).requiresGrad_();
        Tensor w2 = Torch.scalarTensor(5.0).requiresGrad_();
        Tensor w3 = Torch.scalarTensor(9.0).requiresGrad_();
        Tensor w4 = Torch.scalarTensor(7.0).requiresGrad_();
        Tensor b = w1.mul(a);
        Tensor c = w2.mul(a);
        Tensor d = w3.mul(b).add(w4.mul(c));
        Tensor l = d.rsub(10);
        assertEquals("tensor(8., grad_fn=<MulBackward0>)", b.toString());
        assertEquals("tensor(212., grad_fn=<AddBackward0>)", d.toString());
        assertEquals("tensor(-202., grad_fn=<RsubBackward1>)", l.toString());
        l.backward();
        assertEquals(-36.0, w1.grad().item());
        assertEquals(-28.0, w2.grad().item());
        assertEquals(-8.0, w3.grad().item());
        assertEquals(-20.0, w4.grad().item());
        assertEquals("tensor(-36.)", w1.grad().toString());
    }

    @Test
    void nextFunctionsWalkTheGraph() {
        Tensor a = Torch.scalarTensor(4.0);
        Tensor w1 = Torch.scalarTensor(2.0).requiresGrad_();
        Tensor w3 = Torch.scalarTensor(9.0).requiresGrad_();
        Tensor d = w3.mul(w1.mul(a)).add(w1);
        Tensor l = d.rsub(10);
        List<GradFn> next = l.gradFn().nextFunctions();
        assertEquals(1, next.size());
        assertSame(d.gradFn(), next.get(0));
        GradFn mul = next.get(0).nextFunctions().get(0);
        assertEquals("MulBackward0", mul.name());
        GradFn accumulate = mul.nextFunctions().get(0);
        assertEquals("AccumulateGrad", accumulate.name());
        assertSame(w3, ((AccumulateGrad) accumulate).variable());
        GradFn inner = mul.nextFunctions().get(1);
        assertEquals("MulBackward0", inner.name());
        assertNull(inner.nextFunctions().get(1));
        assertSame(accumulate, w3.mul(2L).gradFn().nextFunctions().get(0));
    }

    @Test
    void vectorJacobianProduct() {
        Tensor x = Torch.tensor(new float[] {1f, 2f, 3f}).requiresGrad_();
        Tensor y = x.mul(2L);
        while (y.detach().norm().item() < 1000) {
            y = y.mul(2L);
        }
        assertEquals("tensor([ 512., 1024., 1536.], grad_fn=<MulBackward0>)", y.toString());
        y.backward(Torch.tensor(new float[] {0.1f, 1.0f, 0.0001f}));
        assertEquals("tensor([5.1200e+01, 5.1200e+02, 5.1200e-02])", x.grad().toString());
    }

    @Test
    void requiresGradContagionNoGradAndDetach() {
        Tensor x = Torch.tensor(new float[] {1f, 2f, 3f}).requiresGrad_();
        assertTrue(x.pow(2L).requiresGrad());
        try (var ignored = Torch.noGrad()) {
            Tensor y = x.pow(2L);
            assertFalse(y.requiresGrad());
            assertNull(y.gradFn());
        }
        assertFalse(x.detach().requiresGrad());
        Tensor c = Torch.ones(3);
        assertFalse(c.add(c).requiresGrad());
        assertTrue(c.add(x).requiresGrad());
        assertTrue(x.isLeaf());
        assertFalse(x.mul(2L).isLeaf());
        assertFalse(x.gt(1L).requiresGrad());
        assertFalse(x.toLong().requiresGrad());
    }
}
