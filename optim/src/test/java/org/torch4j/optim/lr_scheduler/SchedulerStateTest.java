package org.torch4j.optim.lr_scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.torch4j.optim.Optimizer;

/** Saving a scheduler (with its optimizer) mid-schedule and loading both into fresh ones resumes the schedule. */
class SchedulerStateTest {
    @Test
    void epochSchedulersResume() {
        for (String name : List.of("step_lr", "multi_step_lr", "cosine_annealing_lr", "cosine_warm_restarts",
                "linear_lr", "lambda_lr", "one_cycle_cos", "one_cycle_linear_three_phase", "sequential_three")) {
            JsonObject c = SchedulerParityTest.CASES.get("sched/" + name);
            Optimizer o = SchedulerParityTest.optimizer(c.get("optimizer").getAsString());
            LRScheduler s = SchedulerParityTest.scheduler(name, o);
            JsonArray seq = c.getAsJsonArray("sequence");
            for (int t = 1; t <= 12; t++) {
                o.step();
                s.step();
            }
            Map<String, Object> savedOptimizer = o.stateDict();
            Map<String, Object> savedScheduler = s.stateDict();
            Optimizer o2 = SchedulerParityTest.optimizer(c.get("optimizer").getAsString());
            LRScheduler s2 = SchedulerParityTest.scheduler(name, o2);
            o2.loadStateDict(savedOptimizer);
            s2.loadStateDict(savedScheduler);
            SchedulerParityTest.assertEntry(seq.get(12).getAsJsonObject(), s2.getLastLr(), o2, name + " loaded");
            for (int t = 13; t < seq.size(); t++) {
                o2.step();
                s2.step();
                SchedulerParityTest.assertEntry(seq.get(t).getAsJsonObject(), s2.getLastLr(), o2, name + " step " + t);
            }
        }
    }

    @Test
    void plateauResumes() {
        JsonObject c = SchedulerParityTest.CASES.get("plateau/plateau_min_rel");
        JsonArray metrics = c.getAsJsonArray("metrics");
        JsonArray seq = c.getAsJsonArray("sequence");
        Optimizer o = SchedulerParityTest.optimizer("sgd");
        ReduceLROnPlateau s = new ReduceLROnPlateau(o, SchedulerParityTest.plateauOptions(c.getAsJsonObject("options")));
        for (int i = 0; i < 11; i++) {
            s.step(metrics.get(i).getAsDouble());
        }
        Optimizer o2 = SchedulerParityTest.optimizer("sgd");
        ReduceLROnPlateau s2 = new ReduceLROnPlateau(o2);
        o2.loadStateDict(o.stateDict());
        s2.loadStateDict(s.stateDict());
        assertEquals(11, s2.lastEpoch());
        for (int i = 11; i < metrics.size(); i++) {
            s2.step(metrics.get(i).getAsDouble());
            SchedulerParityTest.assertEntry(seq.get(i).getAsJsonObject(), s2.getLastLr(), o2, "plateau step " + i);
        }
    }
}
