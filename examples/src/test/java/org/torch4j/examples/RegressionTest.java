package org.torch4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.torch4j.Fixtures;

/** Linear regression with a DataLoader, logistic regression on Iris and non-linear regression. */
class RegressionTest {
    @TempDir
    Path dir;

    @Test
    void linearRegressionFollowsPyTorchsDataLoaderEpochs() throws Exception {
        Captured<LinearRegression.Result> run = Captured.run(() -> LinearRegression.fit(50, dir.resolve("linreg.png")));
        JsonObject expected = Fixtures.load("examples").get("linreg");
        JsonArray losses = expected.getAsJsonArray("losses");
        List<String> epochs = run.linesStartingWith("epoch ");
        assertEquals(50, epochs.size());
        // the shuffled batches and the initial weights are PyTorch's, so the epoch losses are too
        for (int e : new int[] {0, 1, 49}) {
            Captured.assertRelative(losses.get(e).getAsDouble(), Double.parseDouble(epochs.get(e).split("loss ")[1]), 1e-3,
                    "epoch " + e);
        }
        LinearRegression.Result r = run.value();
        assertEquals(expected.get("weight").getAsDouble(), r.weight(), 1e-3);
        assertEquals(expected.get("bias").getAsDouble(), r.bias(), 1e-3);
        assertEquals(3.0, r.weight(), 0.1);
        assertEquals(2.0, r.bias(), 0.5);
        assertTrue(r.loss() < 1.2, "noise has variance 1: " + r.loss());
        Captured.assertPlot(r.plot());
    }

    @Test
    void logisticRegressionSeparatesSetosaFromVersicolor() throws Exception {
        Captured<LogisticRegression.Result> run = Captured.run(() -> LogisticRegression.fit(200, dir.resolve("logreg.png")));
        JsonArray expected = Fixtures.load("examples").get("logreg").getAsJsonArray("printed");
        List<String> printed = run.linesStartingWith("epoch ");
        assertEquals(expected.size(), printed.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonArray e = expected.get(i).getAsJsonArray();
            String line = printed.get(i);
            assertEquals(String.format("epoch %d: loss %.4f, accuracy %.2f%%", e.get(0).getAsInt(), e.get(1).getAsDouble(),
                    100 * e.get(2).getAsDouble()), line);
        }
        LogisticRegression.Result r = run.value();
        assertEquals(1.0, r.accuracy(), 1e-6);
        assertTrue(r.loss() < 0.12, "loss " + r.loss());
        Captured.assertPlot(r.plot());
    }

    @Test
    void nonLinearRegressionFitsTheSine() throws Exception {
        Captured<NonLinearRegression.Result> run = Captured.run(() -> NonLinearRegression.fit(300, dir.resolve("sine.png")));
        JsonArray expected = Fixtures.load("examples").get("nonlinear").getAsJsonArray("losses");
        List<String> printed = run.linesStartingWith("step ");
        assertEquals(3, printed.size());
        Captured.assertRelative(expected.get(0).getAsJsonArray().get(1).getAsDouble(),
                Double.parseDouble(printed.get(0).split("loss ")[1]), 5e-2, "step 99");
        assertTrue(run.value().loss() < 0.02, "noise has variance 0.01: " + run.value().loss());
        Captured.assertPlot(run.value().plot());
    }
}
