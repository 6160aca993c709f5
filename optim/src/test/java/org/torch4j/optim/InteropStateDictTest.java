package org.torch4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.torch4j.Fixtures;
import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.optim.lr_scheduler.StepLR;
import org.torch4j.serialization.InteropFixtures;

/**
 * Optimizer and scheduler state dicts that PyTorch 1.13 saved mid-run (Adam with amsgrad and StepLR after two
 * steps on an MLP, tools/fixtures/gen_interop.py) load into torch4j's Adam and StepLR, and the third step lands
 * where PyTorch's third step did. The state after that step is saved for {@code gen_interop.py --check
 * optim/target/interop-out}, where PyTorch makes a fourth step from it.
 */
class InteropStateDictTest {
    @Test
    void adamAndStepLRContinueAPyTorchRun() throws IOException {
        Map<String, Tensor> weights = Torch.loadTensors(InteropFixtures.file("adam_mlp.pt"));
        List<Tensor> params = new ArrayList<>();
        for (Tensor w : weights.values()) {
            params.add(w.clone().requiresGrad_());
        }
        Adam adam = new Adam(params, new Adam.Options(0.01).betas(0.9, 0.99).weightDecay(1e-4).amsgrad(true));
        StepLR scheduler = new StepLR(adam, 1, 0.5);
        adam.loadStateDict(Torch.load(InteropFixtures.file("adam.pt")));
        scheduler.loadStateDict(Torch.load(InteropFixtures.file("steplr.pt")));
        assertEquals(0.0025, adam.paramGroups().get(0).lr());

        JsonObject c = InteropFixtures.of("adam").getAsJsonObject("continue");
        Tensor x = Fixtures.tensor(c.get("x"));
        Tensor y = Fixtures.tensor(c.get("y"));
        adam.zeroGrad();
        Tensor prediction = x.matmul(params.get(0).t()).add(params.get(1)).relu().matmul(params.get(2).t())
                .add(params.get(3));
        prediction.sub(y).pow(2).mean().backward();
        adam.step();
        scheduler.step();
        int i = 0;
        for (String key : weights.keySet()) {
            Fixtures.assertClose(c.getAsJsonObject("after_third_step").get(key), params.get(i++), 1e-5, 1e-6, key);
        }
        assertEquals(List.of(0.00125), scheduler.getLastLr());

        Path out = InteropFixtures.outputFolder();
        Torch.save(adam.stateDict(), out.resolve("adam_step3.pt"));
        Torch.save(scheduler.stateDict(), out.resolve("steplr_step3.pt"));
    }
}
