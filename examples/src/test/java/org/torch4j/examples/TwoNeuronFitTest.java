package org.torch4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import com.google.gson.JsonElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.torch4j.Fixtures;

class TwoNeuronFitTest {
    @TempDir
    Path dir;

    @Test
    void printsPyTorchsLossesAndPlotsTheFit() throws Exception {
        Captured<TwoNeuronFit.Result> run = Captured.run(() -> TwoNeuronFit.fit(3000, dir.resolve("fit.png")));
        List<String> expected = Fixtures.load("examples").get("twoneuron").getAsJsonArray("lines").asList().stream()
                .map(JsonElement::getAsString).toList();
        // same initial weights as torch.manual_seed(0): the first printed loss is PyTorch's, digit for digit
        assertEquals("0 tensor(16.8806, grad_fn=<SumBackward0>)", expected.get(0));
        assertEquals(expected, run.lines());
        assertTrue(run.value().loss() < 0.9, "loss after 3000 steps: " + run.value().loss());
        assertEquals(dir.resolve("fit.png").toAbsolutePath(), run.value().plot());
        Captured.assertPlot(run.value().plot());
    }
}
