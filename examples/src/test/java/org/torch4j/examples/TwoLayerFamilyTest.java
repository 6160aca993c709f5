package org.torch4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.IntToDoubleFunction;

import com.google.gson.JsonArray;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.torch4j.Fixtures;

/** Each program of the two-layer family runs its 500 steps and prints PyTorch's losses. */
class TwoLayerFamilyTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "tensor, 1e-3",
        "autograd, 1e-3",
        "function, 1e-3",
        "nn, 1e-3",
        "optim, 1e-3",
        "module, 1e-3",
        "dynamic, 2.0",
    })
    void printsPyTorchsLosses(String variant, double finalLossBelow) {
        IntToDoubleFunction program = program(variant);
        Captured<Double> run = Captured.run(() -> program.applyAsDouble(500));
        JsonArray expected = Fixtures.load("examples").get("twolayer/" + variant).getAsJsonArray("losses");
        List<String> lines = run.lines();
        assertEquals(expected.size(), lines.size(), String.join("\n", lines));
        for (int i = 0; i < expected.size(); i++) {
            JsonArray e = expected.get(i).getAsJsonArray();
            String[] printed = lines.get(i).split(" ");
            assertEquals(e.get(0).getAsInt(), Integer.parseInt(printed[0]));
            if (i < 2) {   // later losses are tiny and sensitive to summation order
                Captured.assertRelative(e.get(1).getAsDouble(), Double.parseDouble(printed[1]), 1e-2, variant + " step " + printed[0]);
            }
        }
        assertTrue(run.value() < finalLossBelow, variant + ": final loss " + run.value());
    }

    private static IntToDoubleFunction program(String variant) {
        switch (variant) {
            case "tensor": return TwoLayerTensor::train;
            case "autograd": return TwoLayerAutograd::train;
            case "function": return TwoLayerFunction::train;
            case "nn": return TwoLayerNn::train;
            case "optim": return TwoLayerOptim::train;
            case "module": return TwoLayerModule::train;
            case "dynamic": return TwoLayerDynamic::train;
            default: throw new IllegalArgumentException(variant);
        }
    }
}
