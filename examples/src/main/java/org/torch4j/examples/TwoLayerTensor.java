package org.torch4j.examples;

import org.torch4j.Tensor;
import org.torch4j.Torch;

/**
 * "PyTorch: Tensors" from <i>Learning PyTorch with Examples</i>: a two-layer ReLU network fitted to random
 * data with a hand-written forward and backward pass, using tensor operations only (no autograd).
 */
public final class TwoLayerTensor {
    private TwoLayerTensor() {
    }

    /** Runs the tutorial's 500 steps. */
    public static void main(String[] args) {
        train(500);
    }

    /** Trains for {@code steps} steps, printing the loss every 100, and returns the last loss. */
    public static double train(int steps) {
        RandomData data = new RandomData();
        Tensor x = data.x;
        Tensor y = data.y;
        Tensor w1 = Torch.randn(RandomData.D_IN, RandomData.H);
        Tensor w2 = Torch.randn(RandomData.H, RandomData.D_OUT);

        double learningRate = 1e-6;
        double loss = Double.NaN;
        for (int t = 0; t < steps; t++) {
            // forward pass: compute the predicted y
            Tensor hidden = x.mm(w1);
            Tensor hiddenRelu = hidden.clampMin(0);
            Tensor yPred = hiddenRelu.mm(w2);

            loss = yPred.sub(y).pow(2).sum().item();
            if (t % 100 == 99) {
                System.out.println(t + " " + loss);
            }

            // backward pass: gradients of w1 and w2 with respect to the loss
            Tensor gradYPred = yPred.sub(y).mul(2.0);
            Tensor gradW2 = hiddenRelu.t().mm(gradYPred);
            Tensor gradHiddenRelu = gradYPred.mm(w2.t());
            Tensor gradHidden = gradHiddenRelu.clone();
            gradHidden.indexPut_(hidden.lt(0), 0);           // grad_h[h < 0] = 0
            Tensor gradW1 = x.t().mm(gradHidden);

            // gradient descent step
            w1.sub_(gradW1.mul(learningRate));
            w2.sub_(gradW2.mul(learningRate));
        }
        return loss;
    }
}
