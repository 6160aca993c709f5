package org.torch4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.torch4j.Fixtures;
import org.torch4j.GradGuard;
import org.torch4j.Tensor;
import org.torch4j.Torch;

/**
 * PyTorch's tutorial "Learning PyTorch with Examples" (nn and custom-Module sections): a two-layer network
 * fitted to random data with MSELoss(reduction=sum) and plain gradient descent must follow PyTorch's loss
 * curve.
 */
class TutorialTest {
    /** The tutorial's custom Module: Linear, clamp(min=0), Linear. */
    static final class TwoLayerNet extends Module {
        private final Linear linear1;
        private final Linear linear2;

        TwoLayerNet(int dIn, int h, int dOut) {
            linear1 = registerModule("linear1", new Linear(dIn, h));
            linear2 = registerModule("linear2", new Linear(h, dOut));
        }

        @Override
        public Tensor forward(Tensor x) {
            return linear2.forward(linear1.forward(x).clampMin(0));
        }
    }

    /** One step: loss, zero_grad, backward, p -= lr * grad; returns the loss before the step. */
    private static double step(Module model, Loss lossFn, Tensor x, Tensor y, double lr) {
        Tensor loss = lossFn.forward(model.forward(x), y);
        model.zeroGrad();
        loss.backward();
        try (GradGuard ignored = Torch.noGrad()) {
            for (Tensor p : model.parameters()) {
                p.sub_(p.grad().mul(lr));
            }
        }
        return loss.item();
    }

    @Test
    void smallSequentialFollowsPyTorchStepByStep() {
        JsonObject c = NnCases.ALL.get("tutorial/small");
        Sequential model = new Sequential(new Linear(20, 10), new ReLU(), new Linear(10, 3));
        Map<String, Tensor> state = new java.util.LinkedHashMap<>();
        for (String key : new String[] {"0.weight", "0.bias", "2.weight", "2.bias"}) {
            state.put(key, Fixtures.tensor(c.getAsJsonObject("state").get(key)));
        }
        model.loadStateDict(state);
        Tensor x = Fixtures.tensor(c.get("x"));
        Tensor y = Fixtures.tensor(c.get("y"));
        MSELoss lossFn = new MSELoss(Reduction.SUM);
        var losses = c.getAsJsonArray("losses");
        for (int t = 0; t < losses.size(); t++) {
            double expected = losses.get(t).getAsDouble();
            assertEquals(expected, step(model, lossFn, x, y, c.get("lr").getAsDouble()), 1e-4 * Math.abs(expected), "step " + t);
        }
        Map<String, Tensor> finalState = model.stateDict();
        for (String key : state.keySet()) {
            NnCases.assertClose(c.getAsJsonObject("final").get(key), finalState.get(key), key);
        }
    }

    @Test
    void tutorialSequentialFromManualSeed() {
        runTutorial("tutorial/sequential", false);
    }

    @Test
    void tutorialCustomModuleFromManualSeed() {
        runTutorial("tutorial/custom", true);
    }

    private static void runTutorial(String name, boolean custom) {
        JsonObject c = NnCases.ALL.get(name);
        Torch.manualSeed(0);
        Tensor x = Torch.randn(64, 1000);
        Tensor y = Torch.randn(64, 10);
        Fixtures.assertClose(c.get("x_head"), x.get(0).narrow(0, 0, 5), "x");
        Fixtures.assertClose(c.get("y_head"), y.get(0).narrow(0, 0, 5), "y");
        Module model = custom ? new TwoLayerNet(1000, 100, 10)
                : new Sequential(new Linear(1000, 100), new ReLU(), new Linear(100, 10));
        MSELoss lossFn = new MSELoss(Reduction.SUM);
        JsonObject losses = c.getAsJsonObject("losses");
        for (int t = 0; t < 500; t++) {
            double loss = step(model, lossFn, x, y, 1e-4);
            if (losses.has(Integer.toString(t))) {
                double expected = losses.get(Integer.toString(t)).getAsDouble();
                assertEquals(expected, loss, 1e-2 * Math.abs(expected), "loss at step " + t);
            }
        }
    }
}
