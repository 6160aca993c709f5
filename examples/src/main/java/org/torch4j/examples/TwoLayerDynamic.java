package org.torch4j.examples;

import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.nn.Linear;
import org.torch4j.nn.MSELoss;
import org.torch4j.nn.Module;
import org.torch4j.nn.Reduction;
import org.torch4j.optim.SGD;

/**
 * "PyTorch: Control Flow + Weight Sharing": each forward pass reuses the middle layer a random 0 to 3
 * times, so the graph changes from step to step. The draw uses {@code torch.randint} (the tutorial uses
 * Python's {@code random}) so that a seeded run repeats PyTorch's.
 */
public final class TwoLayerDynamic {
    private TwoLayerDynamic() {
    }

    /** Input layer, a middle layer applied 0–3 times, output layer. */
    static final class DynamicNet extends Module {
        final Linear inputLinear;
        final Linear middleLinear;
        final Linear outputLinear;

        DynamicNet(int dIn, int h, int dOut) {
            inputLinear = registerModule("input_linear", new Linear(dIn, h));
            middleLinear = registerModule("middle_linear", new Linear(h, h));
            outputLinear = registerModule("output_linear", new Linear(h, dOut));
        }

        @Override
        public Tensor forward(Tensor x) {
            Tensor hRelu = inputLinear.forward(x).clampMin(0);
            long repeats = Torch.randint(0, 4, new int[0]).itemLong();   // torch.randint(0, 4, ())
            for (long i = 0; i < repeats; i++) {
                hRelu = middleLinear.forward(hRelu).clampMin(0);
            }
            return outputLinear.forward(hRelu);
        }
    }

    /** Runs the tutorial's 500 steps. */
    public static void main(String[] args) {
        train(500);
    }

    /** Trains for {@code steps} steps, printing the loss every 100, and returns the last loss. */
    public static double train(int steps) {
        RandomData data = new RandomData();
        DynamicNet model = new DynamicNet(RandomData.D_IN, RandomData.H, RandomData.D_OUT);
        MSELoss criterion = new MSELoss(Reduction.SUM);
        SGD optimizer = new SGD(model.parameters(), new SGD.Options(1e-4).momentum(0.9));

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
