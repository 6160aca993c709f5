package org.torch4j.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.nn.BCELoss;
import org.torch4j.nn.Linear;
import org.torch4j.nn.Sequential;
import org.torch4j.nn.Sigmoid;
import org.torch4j.optim.SGD;

/**
 * Logistic regression on Fisher's Iris data: setosa against versicolor from sepal length and width,
 * {@code Linear(2, 1)} → {@code Sigmoid} trained with {@code BCELoss}; plots the decision boundary.
 */
public final class LogisticRegression {
    private LogisticRegression() {
    }

    /** The last loss, the training accuracy and the plot's path. */
    public record Result(double loss, double accuracy, Path plot) {
    }

    /** Trains for 200 epochs and writes logistic_regression.png. */
    public static void main(String[] args) {
        Result r = fit(200, Plot.file("logistic_regression.png"));
        System.out.println("plot written to " + r.plot());
    }

    /** Sepal length and width (cm) of the setosa and versicolor rows, and their labels (0 setosa, 1 versicolor). */
    static Tensor[] loadIris() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                LogisticRegression.class.getResourceAsStream("iris.csv"), StandardCharsets.UTF_8))) {
            List<String[]> rows = in.lines().skip(1).map(line -> line.split(","))
                    .filter(f -> !f[4].equals("Iris-virginica")).collect(Collectors.toList());
            float[][] x = new float[rows.size()][];
            float[][] y = new float[rows.size()][];
            for (int i = 0; i < rows.size(); i++) {
                String[] f = rows.get(i);
                x[i] = new float[] {Float.parseFloat(f[0]), Float.parseFloat(f[1])};
                y[i] = new float[] {f[4].equals("Iris-versicolor") ? 1 : 0};
            }
            return new Tensor[] {Torch.tensor(x), Torch.tensor(y)};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Trains for {@code epochs} full-batch epochs, printing loss and accuracy every 10, and plots the result. */
    public static Result fit(int epochs, Path plotFile) {
        Torch.manualSeed(0);
        Tensor[] iris = loadIris();
        Tensor x = iris[0];
        Tensor y = iris[1];
        Tensor mean = x.mean(0, true);
        Tensor std = x.std(0);
        Tensor inputs = x.sub(mean).div(std);   // standardized features

        Linear linear = new Linear(2, 1);
        Sequential model = new Sequential(linear, new Sigmoid());
        BCELoss lossFn = new BCELoss();
        SGD optimizer = new SGD(model.parameters(), new SGD.Options(0.1));
        double loss = Double.NaN;
        double accuracy = Double.NaN;
        try (Progress bar = Progress.of("epochs", epochs)) {
            for (int epoch = 0; epoch < epochs; epoch++) {
                Tensor probabilities = model.forward(inputs);
                Tensor l = lossFn.forward(probabilities, y);
                optimizer.zeroGrad();
                l.backward();
                optimizer.step();
                loss = l.item();
                accuracy = probabilities.round().eq(y).toFloat().mean().item();
                if (epoch % 10 == 9) {
                    bar.println(String.format("epoch %d: loss %.4f, accuracy %.2f%%", epoch, loss, 100 * accuracy));
                }
                bar.step();
            }
        }

        // the boundary w·(x − mean)/std + b = 0, in centimetres: x2 = −(w1' x1 + b') / w2'
        Tensor x1 = Torch.linspace(4, 7.2, 2);
        Tensor x2;
        try (var ignored = Torch.noGrad()) {
            Tensor w = linear.weight().div(std);
            double b = linear.bias().item() - w.mul(mean).sum().item();
            x2 = x1.mul(w.get(0, 0).item()).add(b).div(-w.get(0, 1).item());
        }
        Tensor setosa = y.eq(0).squeeze(1);
        Tensor versicolor = y.eq(1).squeeze(1);
        Path plot = Plot.of("Iris: setosa vs versicolor", "sepal length (cm)", "sepal width (cm)")
                .points("setosa", x.index(setosa).select(1, 0), x.index(setosa).select(1, 1))
                .points("versicolor", x.index(versicolor).select(1, 0), x.index(versicolor).select(1, 1))
                .line("decision boundary", x1, x2)
                .save(plotFile);
        return new Result(loss, accuracy, plot);
    }
}
