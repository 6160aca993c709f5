package org.torch4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.torch4j.Fixtures;
import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.serialization.InteropFixtures;
import org.torch4j.serialization.Safetensors;

/**
 * Models that PyTorch 1.13 saved with {@code torch.save(model.state_dict(), ...)} (tools/fixtures/gen_interop.py)
 * load with {@link Torch#loadTensors} into the same architecture built here and give PyTorch's outputs on the
 * same inputs. Each loaded model's {@link Module#stateDict()} is saved again in both formats for
 * {@code gen_interop.py --check nn/target/interop-out}, which runs it in PyTorch.
 */
class InteropModelTest {
    static Module build(String name) {
        switch (name) {
            case "mlp":
                return new Sequential(new Linear(4, 8), new ReLU(), new Linear(8, 3));
            case "cnn":
                return new Sequential(new Conv2d(1, 4, 3), new ReLU(), new MaxPool2d(2), new Flatten(), new Linear(36, 5));
            default:
                return new LSTM(new LSTM.Options(3, 4).numLayers(2).batchFirst(true));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mlp", "cnn", "lstm"})
    void pytorchModelsGivePyTorchOutputs(String name) throws IOException {
        Torch.manualSeed(123);
        Module model = build(name);
        Map<String, Tensor> stateDict = Torch.loadTensors(InteropFixtures.file(name + ".pt"));
        IncompatibleKeys keys = model.loadStateDict(stateDict);
        assertEquals(List.of(), keys.missingKeys());
        assertEquals(List.of(), keys.unexpectedKeys());
        JsonObject c = InteropFixtures.of(name);
        Tensor input = Fixtures.tensor(c.get("input"));
        JsonObject outputs = c.getAsJsonObject("outputs");
        try (var ignored = Torch.noGrad()) {
            if (model instanceof LSTM) {
                RNNOutput out = ((LSTM) model).forward(input, null, null);
                NnCases.assertClose(outputs.get("output"), out.output(), name + " output");
                NnCases.assertClose(outputs.get("h_n"), out.hN(), name + " h_n");
                NnCases.assertClose(outputs.get("c_n"), out.cN(), name + " c_n");
            } else {
                NnCases.assertClose(outputs.get("output"), model.forward(input), name + " output");
            }
        }
        Torch.save(model.stateDict(), InteropFixtures.outputFolder().resolve(name + ".pt"));
        Safetensors.save(model.stateDict(), Map.of("format", "pt"), InteropFixtures.outputFolder().resolve(name + ".safetensors"));
    }
}
