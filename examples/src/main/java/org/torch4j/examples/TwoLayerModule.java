package org.torch4j.examples;

import org.torch4j.Tensor;
import org.torch4j.nn.Linear;
import org.torch4j.nn.MSELoss;
import org.torch4j.nn.Module;
import org.torch4j.nn.Reduction;
import org.torch4j.optim.SGD;

/** "PyTorch: Custom nn Modules": the two-layer net as a {@code Module} subclass, trained by SGD. */
public final class TwoLayerModule {
    private TwoLayerModule() {
    }

    /** Two Linear layers with a ReLU between them. */
    static final class TwoLayerNet extends Module {
        final Linear linear1;
        final Linear linear2;

        TwoLayerNet(int dIn, int h, int dOut) {
            linear1 = registerModule("linear1", new Linear(dIn, h));
            linear2 = registerModule("linear2", new Linear(h, dOut));
        }

        @Override
        public Tensor forward(Tensor x) {
            Tensor hRelu = linear1.forward(x).clampMin(0);
            return linear2.forward(hRelu);
        }
    }

    /** Runs the tutorial's 500 steps. */
    public static void main(String[] args) {
        train(500);
    }

    /** Trains for {@code steps} steps, printing the loss every 100, and returns the last loss. */
    public static double train(int steps) {
        RandomData data = new RandomData();
        TwoLayerNet model = new TwoLayerNet(RandomData.D_IN, RandomData.H, RandomData.D_OUT);
        MSELoss criterion = new MSELoss(Reduction.SUM);
        SGD optimizer = new SGD(model.parameters(), new SGD.Options(1e-4));

        double loss = Double.NaN;
        for (int t = 0; t < steps; t++) {
            Tensor l = criterion.forward(model.forward(data.x), data.y);
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
