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
import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.Torch;

/** {@code torch.matmul} of two n x n matrices (2n³ flops), float32 and float64, on each backend. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UseTransparentHugePages", "-Xms2g", "-Xmx2g",
        "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MatmulBench {
    @Param({"64", "128", "256", "512", "1024", "2048"})
    public int n;
    @Param({"float32", "float64"})
    public String dtype;
    @Param({"SCALAR", "VECTOR_1T", "VECTOR_ALL"}) // CUDA: added by run.sh where a GPU is present
    public Backend backend;

    private Tensor a;
    private Tensor b;
    private float[] fa;
    private float[] fb;
    private double[] da;
    private double[] db;

    /** Random inputs (seeded) and the backend's thread count. */
    @Setup
    public void setUp() {
        backend.apply();
        Torch.manualSeed(0);
        DType type = "float64".equals(dtype) ? DType.FLOAT64 : DType.FLOAT32;
        a = backend.place(Torch.randn(n, n).to(type));
        b = backend.place(Torch.randn(n, n).to(type));
        if (type == DType.FLOAT32) {
            fa = a.cpu().toFloatArray();
            fb = b.cpu().toFloatArray();
        } else {
            da = a.cpu().toDoubleArray();
            db = b.cpu().toDoubleArray();
        }
    }

    /** One product. */
    @Benchmark
    public Object matmul() {
        if (backend != Backend.SCALAR) {
            return backend.finish(a.matmul(b));
        }
        return fa != null ? ScalarReference.matmul(fa, fb, n) : ScalarReference.matmul(da, db, n);
    }
}
