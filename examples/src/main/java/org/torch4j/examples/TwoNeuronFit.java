package org.torch4j.examples;

import java.nio.file.Path;

import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.nn.Linear;
import org.torch4j.nn.Module;
import org.torch4j.optim.SGD;

/**
 * The flagship: two sigmoid neurons fitting y = x² − 0.5x + 1.5625 on ten points of [0, 1] with SGD,
 * 100,000 steps of the summed absolute error; then a plot of the data and the fitted curve.
 */
public final class TwoNeuronFit {
    private TwoNeuronFit() {
    }

    /** Linear(1, 2) → sigmoid → Linear(2, 1). */
    static final class Net extends Module {
        final Linear fc1 = registerModule("fc1", new Linear(1, 2));
        final Linear fc2 = registerModule("fc2", new Linear(2, 1));

        @Override
        public Tensor forward(Tensor x) {
            return fc2.forward(Torch.sigmoid(fc1.forward(x)));
        }
    }

    /** The last loss and where the plot was written. */
    public record Result(double loss, Path plot) {
    }

    /** Runs the 100,000 steps and writes two_neuron_fit.png. */
    public static void main(String[] args) {
        Result r = fit(100_000, Plot.file("two_neuron_fit.png"));
        System.out.println("plot written to " + r.plot());
    }

    /** Trains for {@code steps} steps, printing the loss every 1000, and plots the fit into {@code plotFile}. */
    public static Result fit(int steps, Path plotFile) {
        Torch.manualSeed(0);
        Net net = new Net();
        Tensor x = Torch.linspace(0, 1, 10).reshape(10, 1);
        Tensor y = x.mul(x).sub(x.mul(0.5)).add(1.5625);
        SGD optimizer = new SGD(net.parameters(), new SGD.Options(0.001));
        Tensor loss = null;
        try (Progress bar = Progress.of("steps", steps)) {
            for (int n = 0; n < steps; n++) {
                optimizer.zeroGrad();
                loss = net.forward(x).sub(y).abs().sum();
                loss.backward();
                optimizer.step();
                if (n % 1000 == 0) {
                    bar.println(n + " " + loss);
                }
                bar.step();
            }
        }

        Tensor xs = Torch.linspace(0, 1, 100).reshape(100, 1);
        Tensor fitted;
        try (var ignored = Torch.noGrad()) {
            fitted = net.forward(xs);
        }
        Path plot = Plot.of("y = x² − 0.5x + 1.5625", "x", "y")
                .points("data", x, y)
                .line("net(x) after " + steps + " steps", xs, fitted)
                .save(plotFile);
        return new Result(loss.item(), plot);
    }
}
