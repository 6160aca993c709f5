package org.torch4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.torch4j.Fixtures.assertClose;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.Torch;

/** The Optimizer API: groups, state, zeroGrad, closures, state dicts and the strided fallback of the fused loops. */
class OptimizerTest {
    private static List<Tensor> params() {
        return OptimizerParityTest.initialParams("float32");
    }

    /** Runs steps [from, to) of a trajectory case on the given optimizer and parameters. */
    private static void run(JsonObject c, Optimizer o, List<Tensor> params, int from, int to) {
        for (int t = from; t < to; t++) {
            OptimizerParityTest.setGrads(c, params, t);
            o.step();
        }
    }

    @Test
    void zeroGradDropsOrZeroesGradients() {
        List<Tensor> p = params();
        SGD sgd = new SGD(p, new SGD.Options(0.1));
        p.get(0).setGrad(Torch.onesLike(p.get(0)));
        sgd.zeroGrad();
        assertNull(p.get(0).grad());
        Tensor g = Torch.onesLike(p.get(1));
        p.get(1).setGrad(g);
        sgd.zeroGrad(false);
        assertSame(g, p.get(1).grad());
        assertArrayEquals(new float[5], g.toFloatArray());
        assertNull(p.get(0).grad());
    }

    @Test
    @SuppressWarnings("try")
    void stepEvaluatesTheClosureWithGradEnabledAndUpdatesWithout() {
        List<Tensor> p = params();
        boolean[] gradEnabled = new boolean[1];
        Tensor loss = Torch.scalarTensor(3.5);
        SGD sgd = new SGD(p, new SGD.Options(0.1));
        Tensor returned;
        try (var ignored = Torch.noGrad()) {
            returned = sgd.step(() -> {
                gradEnabled[0] = Torch.isGradEnabled();
                for (Tensor q : p) {
                    q.setGrad(Torch.onesLike(q));
                }
                return loss;
            });
        }
        assertSame(loss, returned);
        assertTrue(gradEnabled[0]);
        assertTrue(Torch.isGradEnabled());
        float before = OptimizerParityTest.initialParams("float32").get(1).toFloatArray()[0];
        assertEquals(before - 0.1f, p.get(1).toFloatArray()[0], 1e-7);
        assertNull(sgd.step());
    }

    @Test
    void groupsTakeDefaultsAndKeepTheirOwnOptions() {
        List<Tensor> p = params();
        ParamGroup head = new ParamGroup(List.of(p.get(1))).set("lr", 0.01);
        Adam adam = new Adam(List.of(new ParamGroup(List.of(p.get(0))), head), new Adam.Options(0.1).amsgrad(true));
        assertEquals(0.1, adam.paramGroups().get(0).lr());
        assertEquals(0.01, adam.paramGroups().get(1).lr());
        assertEquals(true, adam.paramGroups().get(1).get("amsgrad"));
        assertEquals(List.of(0.9, 0.999), adam.paramGroups().get(1).get("betas"));
        Tensor extra = Torch.zeros(4).requiresGrad_();
        adam.addParamGroup(new ParamGroup(List.of(extra), new Adam.Options(0.5).betas(0.5, 0.6)));
        assertEquals(3, adam.paramGroups().size());
        assertEquals(0.5, adam.paramGroups().get(2).lr());
        assertEquals(0.6, adam.paramGroups().get(2).getDouble("betas", 1));
        assertEquals(0.1, adam.defaults().get("lr"));
    }

    @Test
    void stateIsPerParameterAndCreatedOnFirstUpdate() {
        List<Tensor> p = params();
        Adam adam = new Adam(p, new Adam.Options().amsgrad(true));
        assertTrue(adam.state().isEmpty());
        p.get(0).setGrad(Torch.onesLike(p.get(0)));
        adam.step();
        assertEquals(1, adam.state().size());
        Map<String, Object> s = adam.state().get(p.get(0));
        assertEquals(List.of("step", "exp_avg", "exp_avg_sq", "max_exp_avg_sq"), new ArrayList<>(s.keySet()));
        assertEquals(1L, s.get("step"));
        assertEquals(0.1f, ((Tensor) s.get("exp_avg")).toFloatArray()[0], 1e-7);
    }

    @Test
    void stepBumpsTheVersionLikeAnInPlaceOp() {
        List<Tensor> p = params();
        SGD sgd = new SGD(p, new SGD.Options(0.1).momentum(0.9));
        int version = p.get(0).version();
        p.get(0).setGrad(Torch.onesLike(p.get(0)));
        sgd.step();
        assertEquals(version + 1, p.get(0).version());
    }

    @Test
    void stateDictHasPyTorchsStructure() {
        List<Tensor> p = params();
        SGD sgd = new SGD(List.of(new ParamGroup(List.of(p.get(0))), new ParamGroup(List.of(p.get(1))).set("lr", 0.5)),
                new SGD.Options(0.1).momentum(0.9));
        p.get(1).setGrad(Torch.onesLike(p.get(1)));
        sgd.step();
        Map<String, Object> sd = sgd.stateDict();
        Map<?, ?> state = (Map<?, ?>) sd.get("state");
        assertEquals(List.of(1), new ArrayList<>(state.keySet()));
        assertSame(sgd.state().get(p.get(1)).get("momentum_buffer"), ((Map<?, ?>) state.get(1)).get("momentum_buffer"));
        List<?> groups = (List<?>) sd.get("param_groups");
        Map<?, ?> g1 = (Map<?, ?>) groups.get(1);
        assertEquals(List.of(1), g1.get("params"));
        assertEquals(0.5, g1.get("lr"));
        assertEquals(List.of("lr", "momentum", "dampening", "weight_decay", "nesterov", "maximize", "params"),
                new ArrayList<>(((Map<?, ?>) groups.get(0)).keySet()));
    }

    /** Interrupting a run with stateDict / loadStateDict into a fresh optimizer changes nothing. */
    @Test
    void stateDictRoundTripResumesExactly() {
        for (String name : List.of("traj/adam/amsgrad", "traj/sgd/nesterov", "traj/rmsprop/all", "traj/nadam/default",
                "traj/adagrad/lr_decay", "traj/adam/groups", "traj/adadelta/rho_eps_wd/float64")) {
            JsonObject c = OptimizerParityTest.CASES.get(name);
            String dtype = c.get("dtype").getAsString();
            List<Tensor> straight = OptimizerParityTest.initialParams(dtype);
            Optimizer reference = OptimizerParityTest.build(c, straight);
            run(c, reference, straight, 0, 20);

            List<Tensor> first = OptimizerParityTest.initialParams(dtype);
            Optimizer before = OptimizerParityTest.build(c, first);
            run(c, before, first, 0, 10);
            Map<String, Object> saved = before.stateDict();
            List<Tensor> resumed = new ArrayList<>();
            for (Tensor t : first) {
                resumed.add(t.detach().clone().requiresGrad_());
            }
            Optimizer after = OptimizerParityTest.build(c, resumed);
            after.loadStateDict(saved);
            run(c, before, first, 10, 11);
            run(c, after, resumed, 10, 20);
            for (int i = 0; i < resumed.size(); i++) {
                assertArrayEquals(straight.get(i).toDoubleArray(), resumed.get(i).toDoubleArray(), name);
                assertClose(c.getAsJsonObject("expected").getAsJsonArray("20").get(i), resumed.get(i), 1e-6, 1e-7,
                        name);
            }
        }
    }

    @Test
    void loadStateDictCopiesAndConvertsToTheParameterDtype() {
        List<Tensor> p = params();
        Adam adam = new Adam(p, new Adam.Options());
        p.get(0).setGrad(Torch.onesLike(p.get(0)));
        adam.step();
        List<Tensor> q = new ArrayList<>();
        for (Tensor t : p) {
            q.add(t.detach().toDouble().requiresGrad_());
        }
        Adam other = new Adam(q, new Adam.Options());
        other.loadStateDict(adam.stateDict());
        Tensor mine = (Tensor) adam.state().get(p.get(0)).get("exp_avg");
        Tensor theirs = (Tensor) other.state().get(q.get(0)).get("exp_avg");
        assertNotSame(mine, theirs);
        assertEquals(DType.FLOAT64, theirs.dtype());
        assertArrayEquals(mine.toDoubleArray(), theirs.toDoubleArray());
    }

    /** Strided parameters and gradients go through the contiguous-copy fallback with the same numbers. */
    @Test
    void stridedParametersMatchContiguousOnes() {
        for (String name : List.of("traj/adam/amsgrad", "traj/sgd/all", "traj/rmsprop/all", "traj/adamax/default")) {
            JsonObject c = OptimizerParityTest.CASES.get(name);
            List<Tensor> contiguous = OptimizerParityTest.initialParams("float32");
            Optimizer reference = OptimizerParityTest.build(c, contiguous);
            run(c, reference, contiguous, 0, 20);

            List<Tensor> init = OptimizerParityTest.initialParams("float32");
            Tensor transposed = init.get(0).detach().t().contiguous().t().requiresGrad_();
            Tensor buffer = Torch.zeros(12);
            buffer.slice(0, 2, 12, 2).copy_(init.get(1).detach());
            Tensor everyOther = buffer.slice(0, 2, 12, 2).requiresGrad_();
            List<Tensor> strided = List.of(transposed, everyOther);
            assertFalse(everyOther.isContiguous());
            assertFalse(transposed.isContiguous());
            Optimizer o = OptimizerParityTest.build(c, strided);
            for (int t = 0; t < 20; t++) {
                OptimizerParityTest.setGrads(c, strided, t);
                Tensor g = strided.get(0).grad();
                strided.get(0).setGrad(g.t().contiguous().t());
                o.step();
            }
            for (int i = 0; i < 2; i++) {
                assertArrayEquals(contiguous.get(i).toFloatArray(), strided.get(i).toFloatArray(), name);
            }
        }
    }

    /** A contiguous view with a storage offset is updated in place through its storage. */
    @Test
    void offsetViewsAreUpdatedInPlace() {
        JsonObject c = OptimizerParityTest.CASES.get("traj/adam/default");
        List<Tensor> contiguous = OptimizerParityTest.initialParams("float32");
        Optimizer reference = OptimizerParityTest.build(c, contiguous);
        run(c, reference, contiguous, 0, 20);
        Tensor buffer = Torch.zeros(30);
        buffer.narrow(0, 3, 21).copy_(OptimizerParityTest.initialParams("float32").get(0).detach().reshape(21));
        Tensor view = buffer.narrow(0, 3, 21).view(3, 7).requiresGrad_();
        List<Tensor> params = List.of(view, OptimizerParityTest.initialParams("float32").get(1));
        Optimizer o = OptimizerParityTest.build(c, params);
        run(c, o, params, 0, 20);
        assertEquals(3, view.storageOffset());
        assertArrayEquals(contiguous.get(0).toFloatArray(), buffer.narrow(0, 3, 21).toFloatArray());
        assertEquals(0f, buffer.toFloatArray()[2]);
        assertEquals(0f, buffer.toFloatArray()[24]);
    }

    @Test
    void lbfgsStateDictResumes() {
        Function<List<Tensor>, LBFGS> make = ps -> new LBFGS(ps, new LBFGS.Options().lineSearchFn("strong_wolfe")
                .historySize(3).maxIter(4));
        List<Tensor> a = List.of(Torch.tensor(new double[] {-1.2, 1.0, -0.5}).requiresGrad_(),
                Torch.tensor(new double[] {0.8, 1.5}).requiresGrad_());
        LBFGS straight = make.apply(a);
        for (int i = 0; i < 4; i++) {
            straight.step(LbfgsParityTest.closure(a, LbfgsParityTest::rosenbrock, DType.FLOAT64));
        }
        List<Tensor> b = List.of(Torch.tensor(new double[] {-1.2, 1.0, -0.5}).requiresGrad_(),
                Torch.tensor(new double[] {0.8, 1.5}).requiresGrad_());
        LBFGS first = make.apply(b);
        for (int i = 0; i < 2; i++) {
            first.step(LbfgsParityTest.closure(b, LbfgsParityTest::rosenbrock, DType.FLOAT64));
        }
        List<Tensor> c = new ArrayList<>();
        for (Tensor t : b) {
            c.add(t.detach().clone().requiresGrad_());
        }
        LBFGS second = make.apply(c);
        second.loadStateDict(first.stateDict());
        for (int i = 0; i < 2; i++) {
            second.step(LbfgsParityTest.closure(c, LbfgsParityTest::rosenbrock, DType.FLOAT64));
        }
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(a.get(i).toDoubleArray(), c.get(i).toDoubleArray());
        }
    }

    /**
     * The usual LBFGS loop: the closure clears the gradients, computes Rosenbrock with tensor ops and
     * back-propagates; five steps end where PyTorch's end.
     */
    @Test
    void lbfgsWithAnAutogradClosureFollowsPyTorch() {
        Tensor xy = Torch.tensor(new double[] {-1.5, 2.0}).requiresGrad_();
        LBFGS lbfgs = new LBFGS(List.of(xy), new LBFGS.Options().lineSearchFn("strong_wolfe"));
        LossClosure closure = () -> {
            lbfgs.zeroGrad();
            Tensor x = xy.narrow(0, 0, 1);
            Tensor y = xy.narrow(0, 1, 1);
            Tensor loss = y.sub(x.pow(2)).pow(2).mul(100).add(x.rsub(1).pow(2)).sum();
            loss.backward();
            return loss;
        };
        for (int i = 0; i < 5; i++) {
            lbfgs.step(closure);
        }
        JsonObject expected = OptimizerParityTest.CASES.get("lbfgs_autograd/rosenbrock");
        assertClose(expected.get("xy"), xy, 1e-12, 1e-14, "xy");
        assertEquals(expected.get("n_iter").getAsLong(), lbfgs.state().get(xy).get("n_iter"));
        assertEquals(expected.get("func_evals").getAsLong(), lbfgs.state().get(xy).get("func_evals"));
    }

    @Test
    void largeParametersUpdateIdenticallyOnOneAndTwoThreads() {
        // 100,003 elements: the fused update splits above ATen's grain size, plus a tail shorter than a vector
        float[][] results = new float[2][];
        int previous = Torch.getNumThreads();
        try {
            for (int threads = 1; threads <= 2; threads++) {
                Torch.setNumThreads(threads);
                Torch.manualSeed(0);
                Tensor p = Torch.randn(100_003).requiresGrad_();
                Adam adam = new Adam(List.of(p), new Adam.Options(1e-2));
                for (int step = 0; step < 3; step++) {
                    adam.zeroGrad();
                    p.mul(p).mul(Torch.arange(100_003).toFloat().remainder(7L)).sum().backward();
                    adam.step();
                }
                results[threads - 1] = p.detach().toFloatArray();
            }
        } finally {
            Torch.setNumThreads(previous);
        }
        assertArrayEquals(results[0], results[1]);
    }
}
