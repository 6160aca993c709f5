package org.torch4j.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.nn.Conv2d;
import org.torch4j.nn.CrossEntropyLoss;
import org.torch4j.nn.Flatten;
import org.torch4j.nn.Linear;
import org.torch4j.nn.MaxPool2d;
import org.torch4j.nn.Module;
import org.torch4j.nn.ReLU;
import org.torch4j.nn.Sequential;
import org.torch4j.optim.Adam;
import org.torch4j.utils.data.DataLoader;
import org.torch4j.utils.data.Dataset;
import org.torch4j.utils.data.DataLoaderOptions;
import org.torch4j.utils.data.IdxReader;
import org.torch4j.utils.data.RandomSplit;
import org.torch4j.utils.data.Subset;
import org.torch4j.utils.data.TensorDataset;

/**
 * A small convolutional network (Conv2d, ReLU, MaxPool2d, Linear, CrossEntropyLoss) classifying 28×28
 * images: MNIST read with the IDX reader when its folder is given ({@code cnn /path/to/mnist}), otherwise
 * a synthetic set of ten shifted, noisy patterns.
 */
public final class Cnn {
    private Cnn() {
    }

    /** The last epoch's mean training loss and the test accuracy. */
    public record Result(double loss, double accuracy) {
    }

    /** Trains on MNIST from the folder in {@code args[0]} (one epoch), or on synthetic data (three epochs). */
    public static void main(String[] args) {
        if (args.length > 0) {
            Torch.manualSeed(0);
            Path dir = Path.of(args[0]);
            train(mnist(dir, "train"), mnist(dir, "t10k"), 1);
        } else {
            System.out.println("no MNIST folder given: training on synthetic images");
            trainSynthetic(3000, 500, 3);
        }
    }

    /** Trains on {@code trainSize} synthetic images and tests on {@code testSize} others. */
    public static Result trainSynthetic(int trainSize, int testSize, int epochs) {
        Torch.manualSeed(0);
        List<Subset<Tensor[]>> split = RandomSplit.randomSplit(synthetic(trainSize + testSize), new int[] {trainSize, testSize});
        return train(split.get(0), split.get(1), epochs);
    }

    /** conv(1→8) → ReLU → pool → conv(8→16) → ReLU → pool → Linear(16·7·7 → 10). */
    static Module net() {
        return new Sequential(
                new Conv2d(new Conv2d.Options(1, 8, 3).padding(1)), new ReLU(), new MaxPool2d(2),
                new Conv2d(new Conv2d.Options(8, 16, 3).padding(1)), new ReLU(), new MaxPool2d(2),
                new Flatten(),
                new Linear(16 * 7 * 7, 10));
    }

    /** Trains {@link #net()} with Adam on mini-batches of 64, printing the loss and test accuracy per epoch. */
    public static Result train(Dataset<Tensor[]> trainSet, Dataset<Tensor[]> testSet, int epochs) {
        Module model = net();
        CrossEntropyLoss lossFn = new CrossEntropyLoss();
        Adam optimizer = new Adam(model.parameters(), new Adam.Options(3e-3));
        DataLoader<Tensor[], Tensor[]> trainLoader = new DataLoader<>(trainSet, new DataLoaderOptions().batchSize(64).shuffle(true));
        DataLoader<Tensor[], Tensor[]> testLoader = new DataLoader<>(testSet, new DataLoaderOptions().batchSize(500));

        Result result = null;
        for (int epoch = 0; epoch < epochs; epoch++) {
            model.train();
            double total = 0;
            try (Progress bar = Progress.of("epoch " + epoch, trainLoader.len())) {
                for (Tensor[] batch : trainLoader) {
                    Tensor loss = lossFn.forward(model.forward(batch[0]), batch[1]);
                    optimizer.zeroGrad();
                    loss.backward();
                    optimizer.step();
                    total += loss.item() * batch[0].size(0);
                    bar.note(String.format("loss %.4f", loss.item()));
                    bar.step();
                }
            }
            result = new Result(total / trainSet.len(), accuracy(model, testLoader, testSet.len()));
            System.out.printf("epoch %d: train loss %.4f, test accuracy %.2f%%%n", epoch, result.loss(), 100 * result.accuracy());
        }
        return result;
    }

    private static double accuracy(Module model, DataLoader<Tensor[], Tensor[]> loader, int size) {
        model.eval();
        long correct = 0;
        try (var ignored = Torch.noGrad()) {
            for (Tensor[] batch : loader) {
                correct += model.forward(batch[0]).argmax(1, false).eq(batch[1]).sum().itemLong();
            }
        }
        return (double) correct / size;
    }

    /** {@code torchvision.datasets.MNIST}: {@code <prefix>-images-idx3-ubyte} and labels, optionally gzipped. */
    static TensorDataset mnist(Path dir, String prefix) {
        try {
            return IdxReader.mnist(existing(dir, prefix + "-images-idx3-ubyte"), existing(dir, prefix + "-labels-idx1-ubyte"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path existing(Path dir, String name) {
        Path plain = dir.resolve(name);
        return Files.exists(plain) ? plain : dir.resolve(name + ".gz");
    }

    /**
     * {@code n} 1×28×28 images of ten classes: each class a fixed random pattern of dots on a 32×32 canvas,
     * each image a 28×28 window of it at a random offset (up to 4 pixels) plus Gaussian noise.
     */
    static TensorDataset synthetic(int n) {
        Tensor patterns = Torch.rand(10, 32, 32).gt(0.85).toFloat();
        Tensor labels = Torch.randint(10, new int[] {n});
        Tensor offsets = Torch.randint(5, new int[] {n, 2});
        Tensor[] images = new Tensor[n];
        for (int i = 0; i < n; i++) {
            int dy = (int) offsets.get(i, 0).itemLong();
            int dx = (int) offsets.get(i, 1).itemLong();
            images[i] = patterns.get((int) labels.get(i).itemLong()).narrow(0, dy, 28).narrow(1, dx, 28);
        }
        Tensor x = Torch.stack(images).add(Torch.randn(n, 28, 28).mul(0.3)).unsqueeze(1);
        return new TensorDataset(x, labels);
    }
}
