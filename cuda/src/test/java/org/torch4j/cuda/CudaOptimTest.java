package org.torch4j.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.torch4j.Device;
import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.optim.Adam;
import org.torch4j.optim.Optimizer;
import org.torch4j.optim.SGD;

/** torch.optim unchanged on CUDA parameters: the same steps as on the CPU, and cross-device copy_. */
class CudaOptimTest {
    @BeforeEach
    void gpu() {
        CudaAssumptions.requireGpu();
    }

    private static Tensor fit(Device device, Tensor init, Tensor target, boolean adam) {
        Tensor w = init.clone().to(device).requiresGrad_();
        Tensor t = target.to(device);
        Optimizer opt = adam ? new Adam(List.of(w), new Adam.Options(0.01)) : new SGD(List.of(w), new SGD.Options(0.1));
        for (int i = 0; i < 5; i++) {
            opt.zeroGrad();
            w.sub(t).pow(2.0).sum().backward();
            opt.step();
        }
        assertEquals(device, w.device());
        return w.detach();
    }

    @Test
    void sgdAndAdamStepCudaParametersAsOnTheCpu() {
        Torch.manualSeed(9);
        Tensor init = Torch.randn(4, 3);
        Tensor target = Torch.randn(4, 3);
        for (boolean adam : new boolean[] {false, true}) {
            CudaParityTest.assertClose(adam ? "adam" : "sgd", fit(Device.CPU, init, target, adam),
                    fit(Device.cuda(0), init, target, adam));
        }
    }

    @Test
    void copyCrossesDevicesAsInPyTorch() {
        Tensor gpu = Torch.zeros(2, 3).cuda();
        gpu.copy_(Torch.ones(3).mul(2.0));
        CudaParityTest.assertClose("cpu into cuda", Torch.full(new int[] {2, 3}, 2.0), gpu);
        Tensor cpu = Torch.zeros(2, 3);
        cpu.copy_(gpu.add(1L));
        assertEquals(Device.CPU, cpu.device());
        CudaParityTest.assertClose("cuda into cpu", Torch.full(new int[] {2, 3}, 3.0), cpu.cuda());
    }
}
