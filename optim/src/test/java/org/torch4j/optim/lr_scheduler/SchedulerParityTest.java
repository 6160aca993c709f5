package org.torch4j.optim.lr_scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.torch4j.Fixtures;
import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.optim.Adam;
import org.torch4j.optim.Optimizer;
import org.torch4j.optim.ParamGroup;
import org.torch4j.optim.SGD;

/**
 * Learning-rate schedules against real PyTorch (tools/fixtures/gen_lr_scheduler.py): an optimizer with two groups
 * (lr 0.1 and 0.02); the groups' learning rates (and OneCycleLR's momentum or beta1) after construction and after
 * every {@code optimizer.step(); scheduler.step()}.
 */
class SchedulerParityTest {
    static final Map<String, JsonObject> CASES = Fixtures.load("lr_scheduler");

    static Optimizer optimizer(String kind) {
        Tensor a = Torch.zeros(2).requiresGrad_();
        Tensor b = Torch.zeros(3).requiresGrad_();
        List<ParamGroup> groups = List.of(new ParamGroup(List.of(a)), new ParamGroup(List.of(b)).set("lr", 0.02));
        if (kind.equals("adam")) {
            return new Adam(groups, new Adam.Options(0.1));
        }
        return new SGD(groups, new SGD.Options(0.1).momentum(0.9));
    }

    /** The schedulers of gen_lr_scheduler.py's SCHEDULERS, by name. */
    static LRScheduler scheduler(String name, Optimizer o) {
        switch (name) {
            case "step_lr": return new StepLR(o, 7, 0.5);
            case "multi_step_lr": return new MultiStepLR(o, new int[] {3, 8, 8, 20}, 0.3);
            case "exponential_lr": return new ExponentialLR(o, 0.9);
            case "cosine_annealing_lr": return new CosineAnnealingLR(o, 10, 0.001);
            case "cosine_annealing_lr_default": return new CosineAnnealingLR(o, 7);
            case "cosine_warm_restarts": return new CosineAnnealingWarmRestarts(o, 5, 2, 0.001);
            case "cosine_warm_restarts_mult1": return new CosineAnnealingWarmRestarts(o, 4);
            case "lambda_lr": return new LambdaLR(o, List.of(e -> Math.pow(0.95, e), e -> 1.0 / (e + 1)));
            case "lambda_lr_single": return new LambdaLR(o, e -> 0.5 * (1 + Math.cos(e / 3.0)));
            case "linear_lr": return new LinearLR(o, 0.25, 1.0, 8);
            case "linear_lr_default": return new LinearLR(o);
            case "linear_lr_decay": return new LinearLR(o, 1.0, 0.1, 12);
            case "one_cycle_cos": return new OneCycleLR(o, new OneCycleLR.Options(1.0, 0.5).totalSteps(31));
            case "one_cycle_linear_three_phase":
                return new OneCycleLR(o, new OneCycleLR.Options(0.8).totalSteps(31).pctStart(0.25)
                        .annealStrategy("linear").threePhase(true).divFactor(10.0).finalDivFactor(100.0));
            case "one_cycle_epochs":
                return new OneCycleLR(o, new OneCycleLR.Options(0.5).epochs(4).stepsPerEpoch(8).baseMomentum(0.8)
                        .maxMomentum(0.9));
            case "one_cycle_no_momentum":
                return new OneCycleLR(o, new OneCycleLR.Options(0.3).totalSteps(40).cycleMomentum(false).pctStart(0.4));
            case "sequential_warmup":
                return new SequentialLR(o, List.of(new LinearLR(o, 0.1, 1.0, 5), new ExponentialLR(o, 0.9)),
                        new int[] {5});
            case "sequential_three":
                return new SequentialLR(o, List.of(new LinearLR(o, 0.5, 1.0, 4), new ExponentialLR(o, 0.8),
                        new StepLR(o, 3, 0.5)), new int[] {6, 15});
            default: throw new IllegalArgumentException(name);
        }
    }

    /** The schedulers of the explicit-epoch cases. */
    static LRScheduler epochScheduler(String name, Optimizer o) {
        switch (name) {
            case "step_lr": return new StepLR(o, 3, 0.5);
            case "multi_step_lr": return new MultiStepLR(o, new int[] {2, 4, 4, 9}, 0.5);
            case "exponential_lr": return new ExponentialLR(o, 0.9);
            case "cosine_annealing_lr": return new CosineAnnealingLR(o, 10, 0.001);
            case "linear_lr": return new LinearLR(o, 0.25, 1.0, 8);
            case "lambda_lr": return new LambdaLR(o, e -> Math.pow(0.9, e));
            default: throw new IllegalArgumentException(name);
        }
    }

    static void assertEntry(JsonObject expected, List<Double> lrs, Optimizer o, String what) {
        JsonArray lr = expected.getAsJsonArray("lr");
        for (int i = 0; i < lr.size(); i++) {
            double e = lr.get(i).getAsDouble();
            assertEquals(e, lrs.get(i), 1e-14 * Math.abs(e), what + ": lr of group " + i);
        }
        if (expected.has("momentum")) {
            JsonArray m = expected.getAsJsonArray("momentum");
            for (int i = 0; i < m.size(); i++) {
                ParamGroup g = o.paramGroups().get(i);
                double actual = g.has("betas") ? g.getDouble("betas", 0) : g.getDouble("momentum");
                assertEquals(m.get(i).getAsDouble(), actual, 1e-14, what + ": momentum of group " + i);
            }
        }
    }

    private static Stream<DynamicTest> cases(String prefix, Function<String, Runnable> run) {
        return CASES.keySet().stream().filter(k -> k.startsWith(prefix))
                .map(name -> DynamicTest.dynamicTest(name, () -> run.apply(name).run()));
    }

    @TestFactory
    Stream<DynamicTest> schedules() {
        return cases("sched/", name -> () -> {
            JsonObject c = CASES.get(name);
            Optimizer o = optimizer(c.get("optimizer").getAsString());
            LRScheduler s = scheduler(name.substring("sched/".length()), o);
            JsonArray seq = c.getAsJsonArray("sequence");
            assertEntry(seq.get(0).getAsJsonObject(), s.getLastLr(), o, name + " initial");
            for (int t = 1; t < seq.size(); t++) {
                o.step();
                s.step();
                assertEntry(seq.get(t).getAsJsonObject(), s.getLastLr(), o, name + " step " + t);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> explicitEpochs() {
        return cases("sched_epochs/", name -> () -> {
            JsonObject c = CASES.get(name);
            Optimizer o = optimizer("sgd");
            String key = name.substring("sched_epochs/".length());
            JsonArray epochs = c.getAsJsonArray("epochs");
            JsonArray seq = c.getAsJsonArray("sequence");
            if (key.startsWith("warm_restarts")) {
                CosineAnnealingWarmRestarts s = new CosineAnnealingWarmRestarts(o, c.get("T_0").getAsInt(),
                        c.get("T_mult").getAsInt(), 0.01);
                for (int i = 0; i < epochs.size(); i++) {
                    s.step(epochs.get(i).getAsDouble());
                    assertEntry(seq.get(i).getAsJsonObject(), s.getLastLr(), o, name + " epoch " + epochs.get(i));
                }
                return;
            }
            LRScheduler s = epochScheduler(key, o);
            for (int i = 0; i < epochs.size(); i++) {
                s.step(epochs.get(i).getAsInt());
                assertEntry(seq.get(i).getAsJsonObject(), s.getLastLr(), o, name + " epoch " + epochs.get(i));
            }
        });
    }

    static ReduceLROnPlateau.Options plateauOptions(JsonObject kw) {
        ReduceLROnPlateau.Options o = new ReduceLROnPlateau.Options();
        if (kw.has("mode")) {
            o.mode(kw.get("mode").getAsString());
        }
        if (kw.has("factor")) {
            o.factor(kw.get("factor").getAsDouble());
        }
        if (kw.has("patience")) {
            o.patience(kw.get("patience").getAsInt());
        }
        if (kw.has("threshold")) {
            o.threshold(kw.get("threshold").getAsDouble());
        }
        if (kw.has("threshold_mode")) {
            o.thresholdMode(kw.get("threshold_mode").getAsString());
        }
        if (kw.has("cooldown")) {
            o.cooldown(kw.get("cooldown").getAsInt());
        }
        if (kw.has("eps")) {
            o.eps(kw.get("eps").getAsDouble());
        }
        if (kw.has("min_lr")) {
            JsonElement m = kw.get("min_lr");
            o.minLr(m.isJsonArray() ? new double[] {m.getAsJsonArray().get(0).getAsDouble(),
                m.getAsJsonArray().get(1).getAsDouble()} : new double[] {m.getAsDouble()});
        }
        return o;
    }

    @TestFactory
    Stream<DynamicTest> plateau() {
        return cases("plateau/", name -> () -> {
            JsonObject c = CASES.get(name);
            Optimizer o = optimizer("sgd");
            ReduceLROnPlateau s = new ReduceLROnPlateau(o, plateauOptions(c.getAsJsonObject("options")));
            JsonArray metrics = c.getAsJsonArray("metrics");
            JsonArray seq = c.getAsJsonArray("sequence");
            for (int i = 0; i < metrics.size(); i++) {
                o.step();
                s.step(metrics.get(i).getAsDouble());
                assertEntry(seq.get(i).getAsJsonObject(), s.getLastLr(), o, name + " step " + i);
            }
        });
    }
}
