package org.torch4j.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

import org.torch4j.Tensor;
import org.torch4j.Torch;

/**
 * "Deep learning in 100 lines": a small layer library written from scratch on the tensor module alone.
 * A layer's forward pass returns its output together with a closure that carries the gradient of the loss
 * backwards; a Learner shuffles the data each epoch and fits in mini-batches. It fits y = Xw + b, then
 * y = x1·x2 with one and with two layers, and plots both loss curves.
 */
public final class FromScratch {
    private FromScratch() {
    }

    /** A learned tensor and the gradient accumulated into it by backward closures. */
    static final class Parameter {
        final Tensor tensor;
        final Tensor gradient;

        Parameter(Tensor tensor) {
            this.tensor = tensor;
            this.gradient = Torch.zerosLike(tensor);
        }
    }

    /** A layer's output and its backward closure: the loss gradient of the output to that of the input. */
    record Forward(Tensor output, UnaryOperator<Tensor> backward) {
    }

    /** A loss value and its gradient with respect to the prediction. */
    record Loss(double value, Tensor gradient) {
    }

    /** A differentiable layer holding its parameters. */
    abstract static class Layer {
        final List<Parameter> parameters = new ArrayList<>();

        abstract Forward forward(Tensor x);

        Parameter parameter(Tensor tensor) {
            Parameter p = new Parameter(tensor);
            parameters.add(p);
            return p;
        }
    }

    /** x·W + b with W drawn from N(0, 1/inputs) and b = 0. */
    static final class Linear extends Layer {
        final Parameter weight;
        final Parameter bias;

        Linear(int inputs, int outputs) {
            weight = parameter(Torch.randn(inputs, outputs).mul(Math.sqrt(1.0 / inputs)));
            bias = parameter(Torch.zeros(outputs));
        }

        @Override
        Forward forward(Tensor x) {
            return new Forward(x.mm(weight.tensor).add(bias.tensor), d -> {
                weight.gradient.add_(x.t().mm(d));
                bias.gradient.add_(d.sum(0));
                return d.mm(weight.tensor.t());
            });
        }
    }

    /** max(x, 0). */
    static final class ReLU extends Layer {
        @Override
        Forward forward(Tensor x) {
            Tensor mask = x.gt(0);
            return new Forward(x.mul(mask), d -> d.mul(mask));
        }
    }

    /** 1 / (1 + e^-x). */
    static final class Sigmoid extends Layer {
        @Override
        Forward forward(Tensor x) {
            Tensor s = x.neg().exp().add(1).reciprocal();
            return new Forward(s, d -> d.mul(s).mul(s.rsub(1)));
        }
    }

    /** Layers applied in order; backward runs their closures in reverse. */
    static final class Sequential extends Layer {
        final List<Layer> layers;

        Sequential(Layer... layers) {
            this.layers = List.of(layers);
            this.layers.forEach(layer -> parameters.addAll(layer.parameters));
        }

        @Override
        Forward forward(Tensor x) {
            List<UnaryOperator<Tensor>> backwards = new ArrayList<>();
            for (Layer layer : layers) {
                Forward f = layer.forward(x);
                x = f.output();
                backwards.add(f.backward());
            }
            return new Forward(x, d -> {
                for (int i = backwards.size() - 1; i >= 0; i--) {
                    d = backwards.get(i).apply(d);
                }
                return d;
            });
        }
    }

    /** Plain gradient descent that also clears the gradient it used. */
    static final class SGD {
        final double lr;

        SGD(double lr) {
            this.lr = lr;
        }

        void update(Parameter p) {
            p.tensor.sub_(p.gradient.mul(lr));
            p.gradient.zero_();
        }
    }

    /** Mean squared error and its gradient 2·(prediction − target)/numel. */
    static Loss mse(Tensor prediction, Tensor target) {
        Tensor diff = prediction.sub(target);
        return new Loss(diff.pow(2).mean().item(), diff.mul(2.0 / diff.numel()));
    }

    /** Fits a model with a loss and an optimizer, one shuffled pass over the data per epoch. */
    static final class Learner {
        final Layer model;
        final BiFunction<Tensor, Tensor, Loss> loss;
        final SGD optimizer;

        Learner(Layer model, BiFunction<Tensor, Tensor, Loss> loss, SGD optimizer) {
            this.model = model;
            this.loss = loss;
            this.optimizer = optimizer;
        }

        double fitBatch(Tensor x, Tensor y) {
            Forward f = model.forward(x);
            Loss l = loss.apply(f.output(), y);
            f.backward().apply(l.gradient());
            model.parameters.forEach(optimizer::update);
            return l.value();
        }

        /** The summed batch losses of each epoch. */
        double[] fit(String task, Tensor x, Tensor y, int epochs, int batchSize) {
            double[] losses = new double[epochs];
            try (Progress bar = Progress.of(task, epochs)) {
                for (int epoch = 0; epoch < epochs; epoch++) {
                    Tensor p = Torch.randperm(x.size(0));
                    x = x.indexSelect(0, p);
                    y = y.indexSelect(0, p);
                    for (int i = 0; i < x.size(0); i += batchSize) {
                        losses[epoch] += fitBatch(x.slice(0, i, i + batchSize), y.slice(0, i, i + batchSize));
                    }
                    bar.step();
                    bar.println(String.format("%s epoch %d loss %.4g", task, epoch, losses[epoch]));
                }
            }
            return losses;
        }
    }

    /** The loss curves of the three fits and where their plot was written. */
    public record Result(double[] linear, double[] oneLayer, double[] twoLayers, Path plot) {
    }

    /** Runs the three fits for 50 epochs each. */
    public static void main(String[] args) {
        Result r = fit(50, Plot.file("from_scratch_losses.png"));
        System.out.println("plot written to " + r.plot());
    }

    /** Fits y = Xw + b, then y = x1·x2 with one and two layers, for {@code epochs} epochs each. */
    public static Result fit(int epochs, Path plotFile) {
        Torch.manualSeed(0);
        Tensor x = Torch.randn(1000, 10);
        Tensor y = x.mm(Torch.randn(10, 1)).add(Torch.randn(1));
        double[] linear = new Learner(new Linear(10, 1), FromScratch::mse, new SGD(0.05)).fit("y=Xw+b", x, y, epochs, 50);

        Tensor x2 = Torch.randn(1000, 2);
        Tensor product = x2.slice(1, 0, 1).mul(x2.slice(1, 1, 2));
        double[] oneLayer = new Learner(new Linear(2, 1), FromScratch::mse, new SGD(0.05)).fit("x1*x2, 1 layer", x2, product, epochs, 50);
        Layer twoLayerNet = new Sequential(new Linear(2, 32), new ReLU(), new Linear(32, 1));
        double[] twoLayers = new Learner(twoLayerNet, FromScratch::mse, new SGD(0.05)).fit("x1*x2, 2 layers", x2, product, epochs, 50);

        Path plot = Plot.of("y = x1·x2: summed loss per epoch", "epoch", "loss")
                .line("Linear(2, 1)", oneLayer)
                .line("Linear(2, 32) → ReLU → Linear(32, 1)", twoLayers)
                .save(plotFile);
        return new Result(linear, oneLayer, twoLayers, plot);
    }
}
