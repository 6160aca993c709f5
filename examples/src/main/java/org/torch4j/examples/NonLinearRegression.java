package org.torch4j.examples;

import java.nio.file.Path;

import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.nn.Linear;
import org.torch4j.nn.MSELoss;
import org.torch4j.nn.Module;
import org.torch4j.nn.ReLU;
import org.torch4j.nn.Sequential;
import org.torch4j.optim.Adam;

/**
 * Non-linear regression: a {@code Sequential} of Linear and ReLU layers fitted by Adam to
 * y = sin(x) plus noise on 200 points of [−3, 3].
 */
public final class NonLinearRegression {
    private NonLinearRegression() {
    }

    /** The last loss and the plot's path. */
    public record Result(double loss, Path plot) {
    }

    /** Trains for 1000 steps and writes nonlinear_regression.png. */
    public static void main(String[] args) {
        Result r = fit(1000, Plot.file("nonlinear_regression.png"));
        System.out.println("plot written to " + r.plot());
    }

    /** Trains for {@code steps} full-batch steps, printing the loss every 100, and plots the fit. */
    public static Result fit(int steps, Path plotFile) {
        Torch.manualSeed(0);
        Tensor x = Torch.linspace(-3, 3, 200).unsqueeze(1);
        Tensor y = x.sin().add(Torch.randn(200, 1).mul(0.1));

        Module model = new Sequential(
                new Linear(1, 64), new ReLU(),
                new Linear(64, 64), new ReLU(),
                new Linear(64, 1));
        MSELoss lossFn = new MSELoss();
        Adam optimizer = new Adam(model.parameters(), new Adam.Options(0.01));
        double last = Double.NaN;
        try (Progress bar = Progress.of("steps", steps)) {
            for (int step = 0; step < steps; step++) {
                Tensor loss = lossFn.forward(model.forward(x), y);
                optimizer.zeroGrad();
                loss.backward();
                optimizer.step();
                last = loss.item();
                if (step % 100 == 99) {
                    bar.println(String.format("step %d: loss %.4f", step, last));
                }
                bar.step();
            }
        }

        Tensor fitted;
        try (var ignored = Torch.noGrad()) {
            fitted = model.forward(x);
        }
        Path plot = Plot.of("y = sin(x) + noise", "x", "y")
                .points("data", x, y)
                .line("model(x)", x, fitted)
                .save(plotFile);
        return new Result(last, plot);
    }
}
