package org.torch4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.torch4j.Tensor;
import org.torch4j.Torch;

/**
 * The "learning PyTorch with examples" two-layer network (N=64, 1000 -> 100 -> 10, ReLU, summed squared error),
 * weights as plain tensors from {@code Torch.manualSeed(0)}, trained with Adam(lr=1e-4) for 500 steps: the loss
 * follows PyTorch's run (tools/fixtures/gen_optim.py). Early losses match closely; later ones within the drift of
 * a different matmul summation order.
 */
class TutorialAdamTest {
    @Test
    void lossFollowsPyTorch() {
        int n = 64;
        int dIn = 1000;
        int h = 100;
        int dOut = 10;
        Torch.manualSeed(0);
        Tensor x = Torch.randn(n, dIn);
        Tensor y = Torch.randn(n, dOut);
        Tensor w1 = Torch.rand(dIn, h).mul(2).sub(1).div(Math.sqrt(dIn)).requiresGrad_();
        Tensor b1 = Torch.rand(h).mul(2).sub(1).div(Math.sqrt(dIn)).requiresGrad_();
        Tensor w2 = Torch.rand(h, dOut).mul(2).sub(1).div(Math.sqrt(h)).requiresGrad_();
        Tensor b2 = Torch.rand(dOut).mul(2).sub(1).div(Math.sqrt(h)).requiresGrad_();
        Adam optimizer = new Adam(List.of(w1, b1, w2, b2), new Adam.Options(1e-4));
        Map<Integer, Double> losses = new TreeMap<>();
        for (int t = 0; t < 500; t++) {
            Tensor yPred = x.mm(w1).add(b1).relu().mm(w2).add(b2);
            Tensor loss = yPred.sub(y).pow(2).sum();
            if (t < 3 || t % 100 == 99) {
                losses.put(t, loss.item());
            }
            optimizer.zeroGrad();
            loss.backward();
            optimizer.step();
        }
        JsonObject expected = OptimizerParityTest.CASES.get("tutorial/adam").getAsJsonObject("losses");
        double previous = Double.POSITIVE_INFINITY;
        for (Map.Entry<Integer, Double> e : losses.entrySet()) {
            double want = expected.get(Integer.toString(e.getKey())).getAsDouble();
            double got = e.getValue();
            double rtol = e.getKey() < 3 ? 1e-6 : e.getKey() < 200 ? 1e-4 : 5e-2;
            assertEquals(want, got, rtol * want, "loss at step " + e.getKey());
            assertTrue(got < previous, "loss decreases at step " + e.getKey());
            previous = got;
        }
    }
}
