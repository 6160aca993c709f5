package org.torch4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.nn.Conv2d;
import org.torch4j.nn.Linear;
import org.torch4j.nn.MSELoss;
import org.torch4j.nn.ReLU;
import org.torch4j.nn.Reduction;
import org.torch4j.nn.Sequential;
import org.torch4j.nn.Sigmoid;
import org.torch4j.optim.Adam;
import org.torch4j.optim.SGD;

/**
 * Training steps through nn, autograd and optim, one step per operation: the two-neuron tutorial step
 * (Linear(1,2), sigmoid, Linear(2,1), |ŷ - y|.sum(), SGD lr 1e-3), the MLP step of PyTorch's "learning with
 * examples" tutorial (N=64, 1000 → 100 → 10 with ReLU, MSELoss(sum), Adam lr 1e-4) and conv2d forward and
 * backward (batch 32 of 1x28x28, Conv2d(1, 8, 3), ReLU, Conv2d(8, 16, 3), backward of the output's sum).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UseTransparentHugePages", "-Xms2g", "-Xmx2g",
        "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TrainingBench {
    @Param({"VECTOR_1T", "VECTOR_ALL"}) // CUDA: added by run.sh where a GPU is present
    public Backend backend;

    private Sequential tiny;
    private SGD tinyOptimizer;
    private Tensor tinyX;
    private Tensor tinyY;
    private Sequential mlp;
    private Adam mlpOptimizer;
    private MSELoss mlpLoss;
    private Tensor mlpX;
    private Tensor mlpY;
    private Sequential conv;
    private Tensor images;

    /** The three models, their data (seeded) and the backend's thread count. */
    @Setup
    public void setUp() {
        backend.apply();
        Torch.manualSeed(0);
        tiny = backend.place(new Sequential(new Linear(1, 2), new Sigmoid(), new Linear(2, 1)));
        tinyOptimizer = new SGD(tiny.parameters(), new SGD.Options(1e-3));
        tinyX = backend.place(Torch.linspace(0, 1, 10).reshape(10, 1));
        tinyY = tinyX.mul(tinyX).sub(tinyX.mul(0.5)).add(1.5625);
        mlp = backend.place(new Sequential(new Linear(1000, 100), new ReLU(), new Linear(100, 10)));
        mlpOptimizer = new Adam(mlp.parameters(), new Adam.Options(1e-4));
        mlpLoss = new MSELoss(Reduction.SUM);
        mlpX = backend.place(Torch.randn(64, 1000));
        mlpY = backend.place(Torch.randn(64, 10));
        conv = backend.place(new Sequential(new Conv2d(1, 8, 3), new ReLU(), new Conv2d(8, 16, 3)));
        images = backend.place(Torch.randn(32, 1, 28, 28));
    }

    /** One step of the two-neuron tutorial loop (its 100,000 steps are the workload). */
    @Benchmark
    public Tensor twoNeuronStep() {
        tinyOptimizer.zeroGrad();
        Tensor loss = tiny.forward(tinyX).sub(tinyY).abs().sum();
        loss.backward();
        tinyOptimizer.step();
        return backend.finish(loss);
    }

    /** One Adam step of the N=64, 1000 → 100 → 10 MLP (its 500 steps are the workload). */
    @Benchmark
    public Tensor mlpStep() {
        mlpOptimizer.zeroGrad();
        Tensor loss = mlpLoss.forward(mlp.forward(mlpX), mlpY);
        loss.backward();
        mlpOptimizer.step();
        return backend.finish(loss);
    }

    /** conv2d forward and backward on a batch of 32 images. */
    @Benchmark
    public Tensor conv2dForwardBackward() {
        conv.zeroGrad();
        Tensor out = conv.forward(images);
        out.sum().backward();
        return backend.finish(out);
    }
}
