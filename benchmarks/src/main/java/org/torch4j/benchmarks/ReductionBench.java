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
import org.openjdk.jmh.infra.Blackhole;
import org.torch4j.Tensor;
import org.torch4j.Torch;

/**
 * Float32 reductions over a whole contiguous tensor ({@code sum()}, {@code mean()}, {@code max()}) and
 * {@code softmax(x, -1)} over the rows of a (size / {@value #ROW} x {@value #ROW}) matrix.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UseTransparentHugePages", "-Xms2g", "-Xmx2g",
        "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ReductionBench {
    /** Row length of the softmax workload. */
    public static final int ROW = 1000;

    @Param({"1000000", "10000000"})
    public int size;
    @Param({"SCALAR", "VECTOR_1T", "VECTOR_ALL"}) // CUDA: added by run.sh where a GPU is present
    public Backend backend;

    private Tensor x;
    private Tensor rows;
    private float[] fx;

    /** A seeded random vector (also seen as rows of {@value #ROW}) and the backend's thread count. */
    @Setup
    public void setUp() {
        backend.apply();
        Torch.manualSeed(0);
        x = Torch.randn(size);
        fx = x.toFloatArray();
        x = backend.place(x);
        rows = x.reshape(size / ROW, ROW);
    }

    /** {@code x.sum()}. */
    @Benchmark
    public void sum(Blackhole bh) {
        if (backend == Backend.SCALAR) {
            bh.consume(ScalarReference.sum(fx));
        } else {
            bh.consume(backend.finish(x.sum()));
        }
    }

    /** {@code x.mean()}. */
    @Benchmark
    public void mean(Blackhole bh) {
        if (backend == Backend.SCALAR) {
            bh.consume(ScalarReference.mean(fx));
        } else {
            bh.consume(backend.finish(x.mean()));
        }
    }

    /** {@code x.max()}. */
    @Benchmark
    public void max(Blackhole bh) {
        if (backend == Backend.SCALAR) {
            bh.consume(ScalarReference.max(fx));
        } else {
            bh.consume(backend.finish(x.max()));
        }
    }

    /** {@code torch.softmax(rows, -1)}. */
    @Benchmark
    public Object softmax() {
        return backend == Backend.SCALAR ? ScalarReference.softmaxRows(fx, ROW) : backend.finish(rows.softmax(-1));
    }
}
