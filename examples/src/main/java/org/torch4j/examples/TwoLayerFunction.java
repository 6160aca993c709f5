package org.torch4j.examples;

import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.autograd.Function;
import org.torch4j.autograd.FunctionCtx;

/**
 * "PyTorch: Defining new autograd functions": the two-layer net with ReLU as a custom {@code Function}
 * whose backward is written by hand.
 */
public final class TwoLayerFunction {
    private TwoLayerFunction() {
    }

    /** ReLU with a hand-written backward ({@code class MyReLU(torch.autograd.Function)}). */
    static final class MyReLU extends Function {
        @Override
        public Tensor[] forward(FunctionCtx ctx, Tensor... input) {
            ctx.saveForBackward(input[0]);
            return new Tensor[] {input[0].clampMin(0)};
        }

        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... gradOutput) {
            Tensor input = ctx.savedTensors()[0];
            Tensor gradInput = gradOutput[0].clone();
            gradInput.indexPut_(input.lt(0), 0);
            return new Tensor[] {gradInput};
        }
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
        MyReLU relu = new MyReLU();

        double learningRate = 1e-6;
        double loss = Double.NaN;
        for (int t = 0; t < steps; t++) {
            Tensor yPred = relu.apply(data.x.mm(w1)).mm(w2);
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
