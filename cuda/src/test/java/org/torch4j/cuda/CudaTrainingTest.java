package org.torch4j.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.torch4j.Device;
import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.nn.Linear;
import org.torch4j.nn.Module;
import org.torch4j.optim.SGD;

/**
 * The two-layer tutorial net of DESIGN.md (Linear(1, 2), sigmoid, Linear(2, 1); L1 loss; SGD with lr 0.001)
 * trained once on the CPU and once on CUDA from the same initial weights, with autograd and hand-written SGD
 * steps, and as an nn.Module moved with {@code module.to(device)} and torch.optim's SGD: the losses agree at
 * every report.
 */
class CudaTrainingTest {
    private static final int STEPS = 2000;
    private static final double LR = 0.001;

    @BeforeEach
    void gpu() {
        CudaAssumptions.requireGpu();
    }

    /** The loss after each 100 steps, training on device from the given weights. */
    private static double[] train(Device device, Tensor[] init) {
        Tensor x = Torch.linspace(0, 1, 10).reshape(10, 1).to(device);
        Tensor y = x.mul(x).sub(x.mul(0.5)).add(1.5625);
        Tensor[] p = new Tensor[init.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = init[i].clone().to(device).requiresGrad_();
        }
        double[] losses = new double[STEPS / 100 + 1];
        for (int n = 0; n <= STEPS; n++) {
            for (Tensor w : p) {
                w.setGrad(null);
            }
            Tensor hidden = x.matmul(p[0].t()).add(p[1]).sigmoid();
            Tensor loss = hidden.matmul(p[2].t()).add(p[3]).sub(y).abs().sum();
            if (n % 100 == 0) {
                losses[n / 100] = loss.item();
            }
            if (n == STEPS) {
                break;
            }
            loss.backward();
            try (var ignored = Torch.noGrad()) {
                for (Tensor w : p) {
                    w.sub_(w.grad().mul(LR));
                }
            }
        }
        return losses;
    }

    @Test
    void tutorialNetTrainsToTheSameLossOnCudaAsOnTheCpu() {
        Torch.manualSeed(0);
        Tensor[] init = {Torch.rand(2, 1).sub(0.5), Torch.rand(2).sub(0.5), Torch.rand(1, 2).sub(0.5),
            Torch.rand(1).sub(0.5)};
        double[] cpu = train(Device.CPU, init);
        double[] gpu = train(Device.cuda(0), init);
        System.out.println("tutorial net, loss every 100 steps: cpu " + java.util.Arrays.toString(cpu) + "\n  cuda "
                + java.util.Arrays.toString(gpu));
        for (int i = 0; i < cpu.length; i++) {
            assertEquals(cpu[i], gpu[i], 1e-4 * Math.max(1, Math.abs(cpu[i])), "loss at step " + i * 100);
        }
        assertEquals(true, cpu[cpu.length - 1] < cpu[0], "the loss goes down");
    }

    /** DESIGN.md's flagship Net. */
    static final class Net extends Module {
        final Linear fc1 = registerModule("fc1", new Linear(1, 2));
        final Linear fc2 = registerModule("fc2", new Linear(2, 1));

        @Override
        public Tensor forward(Tensor x) {
            return fc2.forward(Torch.sigmoid(fc1.forward(x)));
        }
    }

    private static double[] trainModule(Device device) {
        Torch.manualSeed(0);
        Net net = new Net();
        net.to(device);
        Tensor x = Torch.linspace(0, 1, 10).reshape(10, 1).to(device);
        Tensor y = x.mul(x).sub(x.mul(0.5)).add(1.5625);
        SGD optimizer = new SGD(net.parameters(), new SGD.Options(LR));
        double[] losses = new double[STEPS / 100];
        for (int n = 0; n < STEPS; n++) {
            optimizer.zeroGrad();
            Tensor loss = net.forward(x).sub(y).abs().sum();
            loss.backward();
            optimizer.step();
            if (n % 100 == 0) {
                losses[n / 100] = loss.item();
            }
        }
        return losses;
    }

    @Test
    void moduleToCudaTrainsWithTorchOptimAsOnTheCpu() {
        double[] cpu = trainModule(Device.CPU);
        double[] gpu = trainModule(Device.cuda(0));
        for (int i = 0; i < cpu.length; i++) {
            assertEquals(cpu[i], gpu[i], 1e-4 * Math.max(1, Math.abs(cpu[i])), "loss at step " + i * 100);
        }
    }
}
