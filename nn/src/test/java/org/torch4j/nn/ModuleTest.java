package org.torch4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.Torch;

/** The module system: registration, iteration, modes, conversion, freezing and containers. */
class ModuleTest {
    /** Uses one Linear twice (weight sharing) and Java control flow in forward. */
    static final class Shared extends Module {
        final Linear shared = registerModule("a", new Linear(2, 2));
        final Sequential head = registerModule("head", new Sequential(shared, new ReLU()));
        final Tensor scale = registerParameter("scale", Torch.ones(1));

        @Override
        public Tensor forward(Tensor x) {
            Tensor h = x;
            for (int i = 0; i < 3; i++) {
                h = i % 2 == 0 ? shared.forward(h) : head.forward(h);
            }
            return h.mul(scale);
        }
    }

    @Test
    void sharedModulesAreCountedOnceButSavedUnderEveryName() {
        Shared m = new Shared();
        assertEquals(List.of("scale", "a.weight", "a.bias"), new ArrayList<>(m.namedParameters().keySet()));
        assertEquals(3, m.parameters().size());
        assertEquals(List.of("scale", "a.weight", "a.bias", "head.0.weight", "head.0.bias"),
                new ArrayList<>(m.stateDict().keySet()));
        assertEquals(List.of("", "a", "head", "head.1"), new ArrayList<>(m.namedModules().keySet()));
        assertEquals(2, m.children().size());
        assertArrayEquals(new int[] {4, 2}, m.forward(Torch.ones(4, 2)).shape());
    }

    @Test
    void lookupByDottedPath() {
        Shared m = new Shared();
        assertSame(m.shared.weight(), m.getParameter("a.weight"));
        assertSame(m.shared.weight(), m.getParameter("head.0.weight"));
        assertSame(m.head, m.getSubmodule("head"));
        assertThrows(IllegalArgumentException.class, () -> m.getSubmodule("nope"));
        BatchNorm2d bn = new BatchNorm2d(3);
        assertEquals(DType.INT64, bn.getBuffer("num_batches_tracked").dtype());
    }

    /** The messages of PyTorch 1.13's get_submodule, get_parameter and get_buffer for names of the wrong kind. */
    @Test
    void lookupFailsLikePyTorchForMembersOfTheWrongKind() {
        Identity m = new Identity();
        m.registerModule("fc", new Linear(2, 2));
        m.registerBuffer("buf", Torch.zeros(1));
        m.registerBuffer("nobuf", null);
        m.registerParameter("none", null);
        m.registerModule("nomod", null);
        assertLookupFails("Linear has no attribute `foo`", () -> m.getParameter("fc.foo"));
        assertLookupFails("`buf` is not an nn.Parameter", () -> m.getParameter("buf"));
        assertLookupFails("`fc` is not an nn.Parameter", () -> m.getParameter("fc"));
        assertLookupFails("`none` is not an nn.Parameter", () -> m.getParameter("none"));
        assertLookupFails("Linear has no attribute `foo`", () -> m.getBuffer("fc.foo"));
        assertLookupFails("`weight` is not a buffer", () -> m.getBuffer("fc.weight"));
        assertLookupFails("`fc` is not a buffer", () -> m.getBuffer("fc"));
        assertNull(m.getBuffer("nobuf"));
        assertLookupFails("`weight` is not an nn.Module", () -> m.getSubmodule("fc.weight"));
        assertLookupFails("`buf` is not an nn.Module", () -> m.getSubmodule("buf"));
        assertLookupFails("`nomod` is not an nn.Module", () -> m.getSubmodule("nomod"));
        assertLookupFails("Linear has no attribute `x`", () -> m.getSubmodule("fc.x"));
        assertLookupFails("`weight` is not an nn.Module", () -> m.getParameter("fc.weight.x"));
    }

    private static void assertLookupFails(String message, org.junit.jupiter.api.function.Executable lookup) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, lookup).getMessage());
    }

    @Test
    void parametersRequireGradAndFreezeWithRequiresGrad() {
        Linear l = new Linear(3, 2);
        assertTrue(l.weight().requiresGrad() && l.weight().isLeaf());
        l.requiresGrad_(false);
        assertFalse(l.weight().requiresGrad() || l.bias().requiresGrad());
        BatchNorm1d bn = new BatchNorm1d(2);
        assertFalse(bn.runningMean().requiresGrad());
    }

    @Test
    void trainAndEvalReachEveryDescendant() {
        Shared m = new Shared();
        assertTrue(m.isTraining());
        m.eval();
        for (Module sub : m.modules()) {
            assertFalse(sub.isTraining());
        }
        m.train();
        assertTrue(m.head.get(1).isTraining());
    }

    @Test
    void applyVisitsChildrenFirst() {
        List<String> seen = new ArrayList<>();
        new Sequential(new Linear(1, 1), new Sequential(new ReLU())).apply(mod -> seen.add(mod.name()));
        assertEquals(List.of("Linear", "ReLU", "Sequential", "Sequential"), seen);
    }

    @Test
    void zeroGradZeroesOrDropsGradients() {
        Linear l = new Linear(2, 1);
        l.weight().setGrad(Torch.ones(1, 2));
        l.zeroGrad(false);
        assertArrayEquals(new float[] {0f, 0f}, l.weight().grad().toFloatArray());
        l.zeroGrad();
        assertNull(l.weight().grad());
        assertNull(l.bias().grad());
    }

    @Test
    void toConvertsFloatingTensorsOnly() {
        BatchNorm1d bn = new BatchNorm1d(2);
        Tensor oldWeight = bn.weight();
        oldWeight.setGrad(Torch.ones(2));
        bn.to(DType.FLOAT64);
        assertEquals(DType.FLOAT64, bn.weight().dtype());
        assertEquals(DType.FLOAT64, bn.weight().grad().dtype());
        assertTrue(bn.weight().requiresGrad());
        assertEquals(DType.FLOAT64, bn.runningVar().dtype());
        assertEquals(DType.INT64, bn.numBatchesTracked().dtype());
        assertEquals(DType.FLOAT64, bn.parameters().get(0).dtype());
        bn.eval();
        Tensor y = bn.forward(Torch.tensor(new double[][] {{1, 2}, {3, 4}}));
        assertEquals(DType.FLOAT64, y.dtype());
        assertArrayEquals(new double[] {1, 2, 3, 4}, y.toDoubleArray(), 1e-4);
    }

    @Test
    void sharedParametersStayShared() {
        Shared m = new Shared();
        m.to(DType.FLOAT64);
        assertSame(m.getParameter("a.weight"), m.getParameter("head.0.weight"));
    }

    @Test
    void loadStateDictCopiesIntoTheExistingTensors() {
        Linear a = new Linear(2, 2);
        Linear b = new Linear(2, 2);
        Tensor before = b.weight();
        b.loadStateDict(a.stateDict());
        assertSame(before, b.weight());
        assertArrayEquals(a.weight().toFloatArray(), b.weight().toFloatArray());
        Map<String, Tensor> sd = a.stateDict();
        assertFalse(sd.get("weight").requiresGrad());
        sd.get("weight").fill_(7.0);
        assertEquals(7.0, a.weight().get(0, 0).item());
    }

    @Test
    void parameterIsADetachedLeafSharingStorage() {
        Tensor data = Torch.ones(2);
        Tensor p = Parameter.of(data);
        assertTrue(p.requiresGrad() && p.isLeaf());
        assertFalse(data.requiresGrad());
        assertSame(data.storage(), p.storage());
    }

    @Test
    void registrationRejectsClashingNames() {
        Identity m = new Identity();
        m.registerBuffer("x", Torch.zeros(1));
        assertThrows(IllegalArgumentException.class, () -> m.registerParameter("x", Torch.zeros(1)));
        assertThrows(IllegalArgumentException.class, () -> m.registerModule("a.b", new ReLU()));
        m.registerParameter("p", null);
        assertTrue(m.parameters().isEmpty());
        assertTrue(m.stateDict().containsKey("x"));
        m.registerBuffer("tmp", Torch.zeros(1), false);
        assertFalse(m.stateDict().containsKey("tmp"));
        assertEquals(2, m.buffers().size());
    }

    @Test
    void weightedLossesKeepTheirWeightAsABuffer() {
        Tensor w = Torch.tensor(new float[] {1f, 2f});
        CrossEntropyLoss ce = new CrossEntropyLoss(new CrossEntropyLoss.Options().weight(w).ignoreIndex(1));
        assertSame(w, ce.weight());
        assertEquals(List.of("weight"), new ArrayList<>(ce.stateDict().keySet()));
        BCEWithLogitsLoss bce = new BCEWithLogitsLoss(new BCEWithLogitsLoss.Options().posWeight(w).weight(w));
        assertEquals(List.of("weight", "pos_weight"), new ArrayList<>(bce.stateDict().keySet()));
        assertNull(new BCELoss().weight());
        assertTrue(new NLLLoss().stateDict().isEmpty());
    }

    @Test
    void containersIndexLikePythonLists() {
        ReLU relu = new ReLU();
        Tanh tanh = new Tanh();
        Sequential s = new Sequential(relu, tanh);
        assertSame(tanh, s.get(-1));
        assertEquals(2, s.size());
        ModuleList list = new ModuleList().append(relu).extend(List.of(tanh, relu));
        assertEquals(3, list.size());
        assertSame(relu, list.get(2));
        assertEquals(2, list.children().size(), "children() lists a repeated module once");
        ModuleDict dict = new ModuleDict().put("act", tanh);
        assertTrue(dict.containsKey("act"));
        assertEquals(List.of("act"), dict.keys());
        assertSame(tanh, dict.get("act"));
        Tensor x = Torch.tensor(new float[] {-1f, 2f});
        assertArrayEquals(new float[] {0f, (float) Math.tanh(2)}, s.forward(x).toFloatArray(), 1e-7f);
    }
}
