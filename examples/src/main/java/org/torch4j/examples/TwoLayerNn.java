package org.torch4j.examples;

import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.nn.Linear;
import org.torch4j.nn.MSELoss;
import org.torch4j.nn.Module;
import org.torch4j.nn.ReLU;
import org.torch4j.nn.Reduction;
import org.torch4j.nn.Sequential;

/**
 * "PyTorch: nn": the two-layer net as a {@code Sequential} with {@code MSELoss(reduction='sum')}, updated
 * by hand under {@code no_grad}.
 */
public final class TwoLayerNn {
    private TwoLayerNn() {
    }

    /** Runs the tutorial's 500 steps. */
    public static void main(String[] args) {
        train(500);
    }

    /** Trains for {@code steps} steps, printing the loss every 100, and returns the last loss. */
    public static double train(int steps) {
        RandomData data = new RandomData();
        Module model = new Sequential(
                new Linear(RandomData.D_IN, RandomData.H),
                new ReLU(),
                new Linear(RandomData.H, RandomData.D_OUT));
        MSELoss lossFn = new MSELoss(Reduction.SUM);

        double learningRate = 1e-4;
        double loss = Double.NaN;
        for (int t = 0; t < steps; t++) {
            Tensor l = lossFn.forward(model.forward(data.x), data.y);
            loss = l.item();
            if (t % 100 == 99) {
                System.out.println(t + " " + loss);
            }
            model.zeroGrad();
            l.backward();
            try (var ignored = Torch.noGrad()) {
                for (Tensor param : model.parameters()) {
                    param.sub_(param.grad().mul(learningRate));
                }
            }
        }
        return loss;
    }
}
