package org.torch4j.examples;

import java.nio.file.Path;

import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.nn.Linear;
import org.torch4j.nn.MSELoss;
import org.torch4j.optim.SGD;
import org.torch4j.utils.data.DataLoader;
import org.torch4j.utils.data.DataLoaderOptions;
import org.torch4j.utils.data.TensorDataset;

/**
 * Linear regression with a {@code TensorDataset} and a shuffling {@code DataLoader}: y = 3x + 2 plus
 * Gaussian noise on 200 points of [0, 10], fitted by {@code Linear(1, 1)} with SGD on mini-batches of 20.
 */
public final class LinearRegression {
    private LinearRegression() {
    }

    /** The learned slope and intercept, the last epoch's mean loss and the plot's path. */
    public record Result(double weight, double bias, double loss, Path plot) {
    }

    /** Trains for 50 epochs and writes linear_regression.png. */
    public static void main(String[] args) {
        Result r = fit(50, Plot.file("linear_regression.png"));
        System.out.println("plot written to " + r.plot());
    }

    /** Trains for {@code epochs} epochs, printing each epoch's mean loss, and plots the fit into {@code plotFile}. */
    public static Result fit(int epochs, Path plotFile) {
        Torch.manualSeed(0);
        Tensor x = Torch.rand(200, 1).mul(10);
        Tensor y = x.mul(3).add(2).add(Torch.randn(200, 1));
        TensorDataset dataset = new TensorDataset(x, y);
        DataLoader<Tensor[], Tensor[]> loader = new DataLoader<>(dataset, new DataLoaderOptions().batchSize(20).shuffle(true));

        Linear model = new Linear(1, 1);
        MSELoss lossFn = new MSELoss();
        SGD optimizer = new SGD(model.parameters(), new SGD.Options(0.01));
        double epochLoss = Double.NaN;
        try (Progress bar = Progress.of("epochs", epochs)) {
            for (int epoch = 0; epoch < epochs; epoch++) {
                double total = 0;
                for (Tensor[] batch : loader) {
                    Tensor loss = lossFn.forward(model.forward(batch[0]), batch[1]);
                    optimizer.zeroGrad();
                    loss.backward();
                    optimizer.step();
                    total += loss.item() * batch[0].size(0);
                }
                epochLoss = total / dataset.len();
                bar.step();
                bar.println(String.format("epoch %d: loss %.4f", epoch, epochLoss));
            }
        }
        double w = model.weight().item();
        double b = model.bias().item();
        System.out.printf("learned y = %.3fx + %.3f (data: y = 3x + 2 + noise)%n", w, b);

        Tensor line = Torch.linspace(0, 10, 2);
        Path plot = Plot.of("Linear regression", "x", "y")
                .points("data", x, y)
                .line(String.format("%.3fx + %.3f", w, b), line, line.mul(w).add(b))
                .save(plotFile);
        return new Result(w, b, epochLoss, plot);
    }
}
