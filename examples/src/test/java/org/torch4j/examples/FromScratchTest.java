package org.torch4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.torch4j.Tensor;
import org.torch4j.Torch;

class FromScratchTest {
    @TempDir
    Path dir;

    @Test
    void fitsTheLinearModelAndNeedsTwoLayersForTheProduct() throws Exception {
        Captured<FromScratch.Result> run = Captured.run(() -> FromScratch.fit(10, dir.resolve("losses.png")));
        FromScratch.Result r = run.value();
        assertEquals(30, run.lines().size());
        assertTrue(r.linear()[9] < 1e-6, "y = Xw + b is fitted exactly: " + r.linear()[9]);
        assertTrue(r.oneLayer()[9] > 15, "one linear layer cannot fit x1*x2: " + r.oneLayer()[9]);
        assertTrue(r.twoLayers()[9] < r.oneLayer()[9] / 4, "two layers: " + r.twoLayers()[9]);
        Captured.assertPlot(r.plot());
    }

    /** Each layer's backward closure gives the gradients that autograd computes for its forward pass. */
    @Test
    void backwardClosuresAgreeWithAutograd() {
        Torch.manualSeed(0);
        FromScratch.Linear linear = new FromScratch.Linear(3, 2);
        FromScratch.Layer[] layers = {
            linear, new FromScratch.ReLU(), new FromScratch.Sigmoid(),
            new FromScratch.Sequential(new FromScratch.Linear(3, 5), new FromScratch.ReLU(), new FromScratch.Linear(5, 2)),
        };
        for (FromScratch.Layer layer : layers) {
            String name = layer.getClass().getSimpleName();
            layer.parameters.forEach(p -> p.tensor.requiresGrad_());
            Tensor x = Torch.randn(4, 3).requiresGrad_();
            FromScratch.Forward f = layer.forward(x);
            Tensor upstream = Torch.randn(f.output().shape());
            f.output().backward(upstream);
            Tensor dx;
            try (var ignored = Torch.noGrad()) {
                dx = f.backward().apply(upstream);
            }
            assertTrue(dx.allclose(x.grad(), 1e-5, 1e-6), name + " input gradient " + dx + " vs " + x.grad());
            for (FromScratch.Parameter p : layer.parameters) {
                assertTrue(p.gradient.allclose(p.tensor.grad(), 1e-5, 1e-6), name + " parameter gradient");
            }
        }
        Tensor prediction = Torch.randn(6, 2).requiresGrad_();
        Tensor target = Torch.randn(6, 2);
        FromScratch.Loss mse = FromScratch.mse(prediction.detach(), target);
        Tensor loss = prediction.sub(target).pow(2).mean();
        loss.backward();
        assertEquals(loss.item(), mse.value(), 1e-6);
        assertTrue(mse.gradient().allclose(prediction.grad(), 1e-5, 1e-7), "mse gradient");
    }
}
