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

/** Functional float32 elementwise ops ({@code a + b}, {@code a * b}, exp, sigmoid, relu) on contiguous tensors. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UseTransparentHugePages", "-Xms2g", "-Xmx2g",
        "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ElementwiseBench {
    @Param({"1000000", "10000000"})
    public int size;
    @Param({"SCALAR", "VECTOR_1T", "VECTOR_ALL"}) // CUDA: added by run.sh where a GPU is present
    public Backend backend;

    private Tensor a;
    private Tensor b;
    private float[] fa;
    private float[] fb;

    /** Two seeded random vectors and the backend's thread count. */
    @Setup
    public void setUp() {
        backend.apply();
        Torch.manualSeed(0);
        a = Torch.randn(size);
        b = Torch.randn(size);
        fa = a.toFloatArray();
        fb = b.toFloatArray();
        a = backend.place(a);
        b = backend.place(b);
    }

    /** {@code a + b}. */
    @Benchmark
    public Object add() {
        return backend == Backend.SCALAR ? ScalarReference.add(fa, fb) : backend.finish(a.add(b));
    }

    /** {@code a * b}. */
    @Benchmark
    public Object mul() {
        return backend == Backend.SCALAR ? ScalarReference.mul(fa, fb) : backend.finish(a.mul(b));
    }

    /** {@code torch.exp(a)}. */
    @Benchmark
    public Object exp() {
        return backend == Backend.SCALAR ? ScalarReference.exp(fa) : backend.finish(a.exp());
    }

    /** {@code torch.sigmoid(a)}. */
    @Benchmark
    public Object sigmoid() {
        return backend == Backend.SCALAR ? ScalarReference.sigmoid(fa) : backend.finish(a.sigmoid());
    }

    /** {@code torch.relu(a)}. */
    @Benchmark
    public Object relu() {
        return backend == Backend.SCALAR ? ScalarReference.relu(fa) : backend.finish(a.relu());
    }
}
