package org.torch4j.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.torch4j.DType;
import org.torch4j.Device;
import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.cuda.internal.TransferCount;
import org.torch4j.internal.Storage;
import org.torch4j.optim.Adadelta;
import org.torch4j.optim.Adagrad;
import org.torch4j.optim.Adam;
import org.torch4j.optim.AdamW;
import org.torch4j.optim.Adamax;
import org.torch4j.optim.LBFGS;
import org.torch4j.optim.NAdam;
import org.torch4j.optim.Optimizer;
import org.torch4j.optim.RAdam;
import org.torch4j.optim.RMSprop;
import org.torch4j.optim.SGD;

/**
 * torch.optim unchanged on CUDA parameters: every optimizer takes the same steps as on the CPU (to float32
 * rounding), in place on the device, copying nothing between host and device; and cross-device copy_.
 */
class CudaOptimTest {
    private static final Device GPU = Device.cuda(0);
    /** Enough steps for RAdam's rectified branch (from step 6 with the default betas). */
    private static final int STEPS = 7;

    @BeforeEach
    void gpu() {
        CudaAssumptions.requireGpu();
    }

    /** Every optimizer with its main options, by name. */
    private static Map<String, Function<List<Tensor>, Optimizer>> optimizers() {
        Map<String, Function<List<Tensor>, Optimizer>> m = new LinkedHashMap<>();
        m.put("Adam", p -> new Adam(p, new Adam.Options(0.05)));
        m.put("Adam amsgrad maximize weight_decay",
                p -> new Adam(p, new Adam.Options(0.05).amsgrad(true).maximize(true).weightDecay(0.1)));
        m.put("AdamW", p -> new AdamW(p, new AdamW.Options(0.05)));
        m.put("AdamW amsgrad weight_decay", p -> new AdamW(p, new AdamW.Options(0.05).amsgrad(true).weightDecay(0.1)));
        m.put("Adamax maximize weight_decay",
                p -> new Adamax(p, new Adamax.Options(0.05).maximize(true).weightDecay(0.1)));
        m.put("NAdam weight_decay", p -> new NAdam(p, new NAdam.Options(0.05).weightDecay(0.1)));
        m.put("RAdam weight_decay", p -> new RAdam(p, new RAdam.Options(0.05).weightDecay(0.1)));
        m.put("RMSprop", p -> new RMSprop(p, new RMSprop.Options(0.01)));
        m.put("RMSprop centered momentum maximize weight_decay", p -> new RMSprop(p,
                new RMSprop.Options(0.01).centered(true).momentum(0.9).maximize(true).weightDecay(0.1)));
        m.put("Adagrad lr_decay weight_decay",
                p -> new Adagrad(p, new Adagrad.Options(0.1).lrDecay(0.01).weightDecay(0.1)));
        m.put("Adadelta maximize weight_decay",
                p -> new Adadelta(p, new Adadelta.Options(1.0).maximize(true).weightDecay(0.1)));
        m.put("SGD", p -> new SGD(p, new SGD.Options(0.1)));
        m.put("SGD momentum nesterov weight_decay",
                p -> new SGD(p, new SGD.Options(0.05).momentum(0.9).nesterov(true).weightDecay(0.1)));
        m.put("SGD momentum dampening maximize",
                p -> new SGD(p, new SGD.Options(0.05).momentum(0.9).dampening(0.1).maximize(true)));
        return m;
    }

    /** A small loss of a matrix and a vector parameter: {@code sum((w - target)^2) + sum((b - 0.5)^4)}. */
    private static Tensor loss(List<Tensor> params, Tensor target) {
        return params.get(0).sub(target).pow(2.0).sum().add(params.get(1).sub(0.5).pow(4.0).sum());
    }

    /** The parameters of {@link #loss} from the same start on every device. */
    private static List<Tensor> params(Device device, DType dtype) {
        Torch.manualSeed(7);
        Tensor w = Torch.randn(5, 7).to(dtype);
        Tensor b = Torch.randn(3).to(dtype);
        return List.of(w.to(device).requiresGrad_(), b.to(device).requiresGrad_());
    }

    private static Tensor target(Device device, DType dtype) {
        Torch.manualSeed(8);
        return Torch.randn(5, 7).to(dtype).to(device);
    }

    /** The optimizer after {@link #STEPS} steps on parameters of the device; on CUDA, no step crosses to the host. */
    private static Optimizer train(String name, Function<List<Tensor>, Optimizer> make, List<Tensor> params,
            Tensor target) {
        Optimizer opt = make.apply(params);
        List<Storage> storages = new ArrayList<>();
        for (Tensor p : params) {
            storages.add(p.storage());
        }
        for (int i = 0; i < STEPS; i++) {
            opt.zeroGrad();
            loss(params, target).backward();
            long crossings = TransferCount.crossings();
            opt.step();
            assertEquals(crossings, TransferCount.crossings(), name + ", step " + i + ": copies to or from the host");
        }
        for (int i = 0; i < params.size(); i++) {
            assertSame(storages.get(i), params.get(i).storage(), name + ": parameter " + i + " updated in place");
        }
        return opt;
    }

    @TestFactory
    Stream<DynamicTest> everyOptimizerStepsCudaParametersAsOnTheCpu() {
        return Stream.of(DType.FLOAT32, DType.FLOAT64).flatMap(dtype -> optimizers().entrySet().stream().map(e -> {
            String name = e.getKey() + " " + dtype;
            return DynamicTest.dynamicTest(name, () -> sameSteps(name, e.getValue(), dtype));
        }));
    }

    /** The optimizer's steps from the same start on both devices: parameters and every state entry agree. */
    private static void sameSteps(String name, Function<List<Tensor>, Optimizer> make, DType dtype) {
        List<Tensor> cpu = params(Device.CPU, dtype);
        List<Tensor> gpu = params(GPU, dtype);
        Optimizer onCpu = train(name, make, cpu, target(Device.CPU, dtype));
        Optimizer onGpu = train(name, make, gpu, target(GPU, dtype));
        for (int i = 0; i < cpu.size(); i++) {
            assertEquals(GPU, gpu.get(i).device());
            CudaParityTest.assertClose(name + ": parameter " + i, cpu.get(i).detach(), gpu.get(i).detach());
            Map<String, Object> expected = onCpu.state().get(cpu.get(i));
            Map<String, Object> actual = onGpu.state().get(gpu.get(i));
            assertEquals(expected.keySet(), actual.keySet(), name + ": state keys");
            for (Map.Entry<String, Object> s : expected.entrySet()) {
                String what = name + ": state " + s.getKey() + " of parameter " + i;
                Object value = actual.get(s.getKey());
                if (s.getValue() instanceof Tensor) {
                    assertNotNull(value, what);
                    assertEquals(GPU, ((Tensor) value).device(), what);
                    CudaParityTest.assertClose(what, (Tensor) s.getValue(), (Tensor) value);
                } else {
                    assertEquals(s.getValue(), value, what);
                }
            }
        }
    }

    /** LBFGS's arithmetic runs on the host (its flat vectors), its parameter updates on the device. */
    @Test
    void lbfgsStepsCudaParametersAsOnTheCpu() {
        List<Tensor> cpu = params(Device.CPU, DType.FLOAT32);
        List<Tensor> gpu = params(GPU, DType.FLOAT32);
        for (List<Tensor> params : List.of(cpu, gpu)) {
            Tensor target = target(params.get(0).device(), DType.FLOAT32);
            LBFGS opt = new LBFGS(params, new LBFGS.Options(0.5).maxIter(4));
            for (int i = 0; i < 2; i++) {
                opt.step(() -> {
                    opt.zeroGrad();
                    Tensor l = loss(params, target);
                    l.backward();
                    return l;
                });
            }
        }
        for (int i = 0; i < cpu.size(); i++) {
            assertEquals(GPU, gpu.get(i).device());
            CudaParityTest.assertClose("lbfgs: parameter " + i, cpu.get(i).detach(), gpu.get(i).detach());
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
