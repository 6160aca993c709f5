package org.torch4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Grad mode, autograd state, devices, conversions and element access of the tensor module on its own. */
class CoreTest {
    @Test
    void gradModeScopesNestAndRestore() {
        assertTrue(Torch.isGradEnabled());
        try (GradGuard outer = Torch.noGrad()) {
            assertFalse(Torch.isGradEnabled());
            try (GradGuard inner = Torch.enableGrad()) {
                assertTrue(Torch.isGradEnabled());
            }
            assertFalse(Torch.isGradEnabled());
        }
        assertTrue(Torch.isGradEnabled());
    }

    @Test
    void autogradStateLivesOnTheTensor() {
        Tensor w = Torch.ones(2).requiresGrad_();
        assertTrue(w.requiresGrad());
        assertTrue(w.isLeaf());
        assertNull(w.grad());
        assertNull(w.gradFn());
        w.setGrad(Torch.full(new int[] {2}, 3.0));
        assertEquals(6.0, w.grad().sum().item(), 0);
        assertFalse(w.detach().requiresGrad());
        assertSame(w.storage(), w.detach().storage());
        assertThrows(IllegalArgumentException.class, () -> w.setGrad(Torch.ones(3)));
        Tensor nonLeaf = Torch.ones(1);
        nonLeaf.autogradMeta().gradFn = () -> "MulBackward0";
        assertTrue(nonLeaf.requiresGrad());
        assertFalse(nonLeaf.isLeaf());
        assertEquals("MulBackward0", nonLeaf.gradFn().name());
    }

    @Test
    void freshTensorsStartAtVersionZeroAndInPlaceOpsBumpIt() {
        Tensor ones = Torch.ones(2);
        assertEquals(0, ones.version());
        assertEquals(0, Torch.full(new int[] {2}, 3L).version());
        ones.add_(1L);
        ones.view(2).mul_(2L);
        assertEquals(2, ones.version());
    }

    /** Versions PyTorch 1.13 reports: zero_ writes in place, and matmul squeezes a vector-matrix product in place. */
    @Test
    void zeroAndTheInPlaceSqueezeOfMatmulBumpTheVersion() {
        Tensor z = Torch.ones(3, 4);
        z.zero_();
        assertEquals(1, z.version());
        assertEquals(1, Torch.ones(4).matmul(Torch.ones(4, 2)).version());
        assertEquals(0, Torch.ones(2, 3, 4).matmul(Torch.ones(4)).version());
        assertEquals(0, Torch.ones(3, 4).t().reshape(-1).version());
    }

    @Test
    void backwardWithoutTheAutogradModuleSaysWhatToAdd() {
        Tensor loss = Torch.ones(1).requiresGrad_().sum();
        IllegalStateException e = assertThrows(IllegalStateException.class, loss::backward);
        assertTrue(e.getMessage().contains("torch4j-autograd"), e.getMessage());
    }

    @Test
    void devicesParseAndMissingBackendsAreNamed() {
        assertEquals(Device.CPU, Device.of("cpu"));
        assertEquals(Device.cuda(1), Device.of("cuda:1"));
        assertEquals("cuda:0", Device.of("cuda").toString());
        assertThrows(IllegalArgumentException.class, () -> Device.of("tpu"));
        // PyTorch 1.13's messages for torch.device(...)
        for (String bad : new String[] {"cuda:-1", "cuda:01", "cuda:1 ", " cpu", "cuda:+1"}) {
            assertEquals("Invalid device string: '" + bad + "'",
                    assertThrows(IllegalArgumentException.class, () -> Device.of(bad)).getMessage());
        }
        assertEquals("Expected one of cpu, cuda, ipu, xpu, mkldnn, opengl, opencl, ideep, hip, ve, fpga, ort, xla, lazy, "
                + "vulkan, mps, meta, hpu, privateuseone device type at start of device string: CUDA",
                assertThrows(IllegalArgumentException.class, () -> Device.of("CUDA")).getMessage());
        assertEquals("Could not parse device index '99999999999' in device string 'cuda:99999999999'",
                assertThrows(IllegalArgumentException.class, () -> Device.of("cuda:99999999999")).getMessage());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Torch.ones(2).to(Device.cuda(0)));
        assertEquals("No backend for device cuda:0: add torch4j-cuda to the class path", e.getMessage());
    }

    @Test
    void conversionsAndElementAccess() {
        Tensor x = Torch.tensor(new float[] {1.5f, -2.5f});
        assertSame(x, x.to(DType.FLOAT32));
        assertEquals(DType.INT64, x.toLong().dtype());
        assertEquals(-2, x.get(1).itemLong());
        assertEquals(-2.5f, x.get(1).itemFloat());
        assertTrue(x.get(0).itemBool());
        assertEquals("[1, -2]", java.util.Arrays.toString(x.toIntArray()));
        assertEquals("[true, true]", java.util.Arrays.toString(x.toBoolArray()));
        assertEquals(2, x.t().numel());
        Tensor strided = Torch.arange(6.0).reshape(2, 3).t();
        assertEquals("[0.0, 3.0, 1.0, 4.0, 2.0, 5.0]", java.util.Arrays.toString(strided.toDoubleArray()));
        assertTrue(Torch.allclose(strided.contiguous(), strided, 0, 0));
        assertTrue(Torch.equal(strided.clone(), strided));
        assertArrayEquals(new int[] {1, 3}, strided.clone().stride());
    }

    /** Results and errors of torch.allclose in PyTorch 1.13. */
    @Test
    void allcloseMatchesEqualInfinitiesAndRefusesMixedDtypes() {
        Tensor infinities = Torch.tensor(new float[] {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY});
        assertTrue(infinities.allclose(infinities.clone()));
        assertFalse(infinities.allclose(infinities.neg()));
        Tensor nan = Torch.tensor(new float[] {Float.NaN});
        assertFalse(nan.allclose(nan));
        assertFalse(Torch.tensor(new float[] {1f}).allclose(Torch.tensor(new float[] {1f + 1.1e-5f})));
        assertTrue(Torch.tensor(new float[] {1e-9f}).allclose(Torch.zeros(1)));
        assertTrue(Torch.tensor(new long[] {1}).allclose(Torch.tensor(new long[] {2}), 0, 1));
        assertTrue(Torch.tensor(new boolean[] {true}).allclose(Torch.tensor(new boolean[] {true})));
        assertTrue(Torch.ones(2, 3).allclose(Torch.ones(3)));
        assertFalse(Torch.tensor(new float[] {3e38f}).allclose(Torch.tensor(new float[] {-3e38f}), 10, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Torch.ones(2).allclose(Torch.ones(2).toDouble()));
        assertEquals("Float did not match Double", e.getMessage());
    }
}
