package org.torch4j.examples;

import org.torch4j.Tensor;
import org.torch4j.nn.Linear;
import org.torch4j.nn.MSELoss;
import org.torch4j.nn.Module;
import org.torch4j.nn.ReLU;
import org.torch4j.nn.Reduction;
import org.torch4j.nn.Sequential;
import org.torch4j.optim.Adam;

/** "PyTorch: optim": the {@code Sequential} two-layer net trained by {@code Adam(lr=1e-4)}. */
public final class TwoLayerOptim {
    private TwoLayerOptim() {
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
        Adam optimizer = new Adam(model.parameters(), new Adam.Options(1e-4));

        double loss = Double.NaN;
        for (int t = 0; t < steps; t++) {
            Tensor l = lossFn.forward(model.forward(data.x), data.y);
            loss = l.item();
            if (t % 100 == 99) {
                System.out.println(t + " " + loss);
            }
            optimizer.zeroGrad();
            l.backward();
            optimizer.step();
        }
        return loss;
    }
}
