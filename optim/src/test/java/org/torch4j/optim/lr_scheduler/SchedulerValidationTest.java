package org.torch4j.optim.lr_scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.optim.Adagrad;
import org.torch4j.optim.SGD;

/** Bad scheduler arguments throw PyTorch's messages (recorded by tools/fixtures/gen_lr_scheduler.py). */
class SchedulerValidationTest {
    private final List<Tensor> p = List.of(Torch.zeros(3).requiresGrad_());
    private final SGD sgd = new SGD(p, new SGD.Options(0.1));

    private static void expect(String error, Executable action) {
        String msg = SchedulerParityTest.CASES.get("error/" + error).get("msg").getAsString();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action, error);
        assertEquals(msg, e.getMessage(), error);
    }

    @Test
    void messages() {
        expect("warm_restarts_t0", () -> new CosineAnnealingWarmRestarts(sgd, 0));
        expect("warm_restarts_tmult", () -> new CosineAnnealingWarmRestarts(sgd, 2, 0, 0));
        expect("warm_restarts_epoch", () -> new CosineAnnealingWarmRestarts(sgd, 2).step(-1));
        expect("linear_start", () -> new LinearLR(sgd, 1.5, 1.0, 5));
        expect("linear_end", () -> new LinearLR(sgd, 1.0 / 3, -0.5, 5));
        expect("plateau_factor", () -> new ReduceLROnPlateau(sgd, new ReduceLROnPlateau.Options().factor(1.0)));
        expect("plateau_mode", () -> new ReduceLROnPlateau(sgd, new ReduceLROnPlateau.Options().mode("avg")));
        expect("plateau_threshold_mode",
            () -> new ReduceLROnPlateau(sgd, new ReduceLROnPlateau.Options().thresholdMode("pct")));
        expect("plateau_min_lrs", () -> new ReduceLROnPlateau(sgd, new ReduceLROnPlateau.Options().minLr(0.1, 0.2)));
        expect("one_cycle_total", () -> new OneCycleLR(sgd, new OneCycleLR.Options(0.1)));
        expect("one_cycle_total_steps", () -> new OneCycleLR(sgd, new OneCycleLR.Options(0.1).totalSteps(0)));
        expect("one_cycle_epochs", () -> new OneCycleLR(sgd, new OneCycleLR.Options(0.1).epochs(0).stepsPerEpoch(3)));
        expect("one_cycle_pct", () -> new OneCycleLR(sgd, new OneCycleLR.Options(0.1).totalSteps(10).pctStart(1.5)));
        expect("one_cycle_anneal",
            () -> new OneCycleLR(sgd, new OneCycleLR.Options(0.1).totalSteps(10).annealStrategy("exp")));
        expect("one_cycle_momentum", () -> new OneCycleLR(new Adagrad(p), new OneCycleLR.Options(0.1).totalSteps(10)));
        expect("one_cycle_max_lrs", () -> new OneCycleLR(sgd, new OneCycleLR.Options(0.1, 0.2).totalSteps(10)));
        expect("lambda_count", () -> new LambdaLR(sgd, List.of(e -> 1.0, e -> 1.0)));
        expect("sequential_milestones",
            () -> new SequentialLR(sgd, List.of(new StepLR(sgd, 2), new StepLR(sgd, 3)), new int[0]));
        expect("one_cycle_past_end", () -> {
            OneCycleLR s = new OneCycleLR(new SGD(p, new SGD.Options(0.1)), new OneCycleLR.Options(0.1).totalSteps(3));
            for (int i = 0; i < 4; i++) {
                s.step();
            }
        });
    }
}
