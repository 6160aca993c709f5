package org.torch4j.examples;

import org.torch4j.Tensor;
import org.torch4j.Torch;

/**
 * "PyTorch: Tensors and autograd": the two-layer net with weights that require grad; {@code backward()}
 * computes the gradients and the update runs under {@code no_grad}.
 */
public final class TwoLayerAutograd {
    private TwoLayerAutograd() {
    }

    /** Runs the tutorial's 500 steps. */
    public static void main(String[] args) {
        train(500);
    }

    /** Trains for {@code steps} steps, printing the loss every 100, and returns the last loss. */
    public static double train(int steps) {
        RandomData data = new RandomData();
        Tensor w1 = Torch.randn(RandomData.D_IN, RandomData.H).requiresGrad_();
        Tensor w2 = Torch.randn(RandomData.H, RandomData.D_OUT).requiresGrad_();

        double learningRate = 1e-6;
        double loss = Double.NaN;
        for (int t = 0; t < steps; t++) {
            Tensor yPred = data.x.mm(w1).clampMin(0).mm(w2);
            Tensor l = yPred.sub(data.y).pow(2).sum();
            loss = l.item();
            if (t % 100 == 99) {
                System.out.println(t + " " + loss);
            }
            l.backward();
            try (var ignored = Torch.noGrad()) {
                w1.sub_(w1.grad().mul(learningRate));
                w2.sub_(w2.grad().mul(learningRate));
                w1.grad().zero_();
                w2.grad().zero_();
            }
        }
        return loss;
    }
}
