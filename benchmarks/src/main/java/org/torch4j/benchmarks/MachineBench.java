package org.torch4j.benchmarks;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
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
import org.torch4j.internal.Parallel;

/**
 * The machine's own limits, which the report divides results by: the Vector API FMA peak (independent FMA
 * chains, {@value #FMA_LANES} lane multiply-adds per call, split over the intra-op threads), a streaming
 * copy of {@value #COPY_FLOATS} floats (larger than the caches) split the same way, and a streaming read (a
 * vector sum) of the sizes that ReductionBench reduces and of one beyond the caches.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UseTransparentHugePages", "-Xms2g", "-Xmx2g",
        "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MachineBench {
    /** Lane multiply-adds per {@link #fma} call (2 flops each). */
    public static final int FMA_LANES = 1 << 27;
    /** Floats copied per {@link #copy} call (4 bytes read and 4 written each). */
    public static final int COPY_FLOATS = 1 << 24;
    /** Independent accumulator chains: enough to cover FMA latency times the FMA ports. */
    private static final int CHAINS = 12;
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    /**
     * The index of the first float of a large array that starts a 64-byte cache line (HotSpot's 16-byte array
     * header after a G1 region start), where {@link #read} starts its vector loads, as the reductions do.
     */
    private static final int LINE_START = 12;

    @Param({"float32", "float64"})
    public String dtype;
    @Param({"VECTOR_1T", "VECTOR_ALL"})
    public Backend backend;

    private float[] src;
    private float[] dst;

    /** The array that {@link #read} sums: {@link #size} ones. */
    @State(Scope.Benchmark)
    public static class ReadInput {
        /** Floats read per call: ReductionBench's sizes and 2^24 (64 MB, beyond the caches). */
        @Param({"1000000", "10000000", "16777216"})
        public int size;
        float[] data;

        /** Fills the array. */
        @Setup
        public void setUp() {
            data = new float[size];
            Arrays.fill(data, 1f);
        }
    }

    /** The copy buffers and the backend's thread count. */
    @Setup
    public void setUp() {
        backend.apply();
        src = new float[COPY_FLOATS];
        dst = new float[COPY_FLOATS];
        Arrays.fill(src, 1f);
    }

    /** {@value #FMA_LANES} lane FMAs, one equal share per thread. */
    @Benchmark
    public void fma(Blackhole bh) {
        int threads = backend.threads();
        boolean floats = "float32".equals(dtype);
        double[] partial = new double[threads];
        Parallel.forRange(threads, 1, (first, end) -> {
            for (int t = first; t < end; t++) {
                partial[t] = floats ? floatChains(FMA_LANES / threads / FS.length() / CHAINS)
                        : doubleChains(FMA_LANES / threads / DS.length() / CHAINS);
            }
        });
        bh.consume(partial);
    }

    /** dst = src over {@value #COPY_FLOATS} floats, one contiguous share per thread. */
    @Benchmark
    public void copy(Blackhole bh) {
        int threads = backend.threads();
        Parallel.forRange(threads, 1, (first, end) -> {
            int per = COPY_FLOATS / threads / FS.length() * FS.length();
            for (int t = first; t < end; t++) {
                int from = t * per;
                int to = t == threads - 1 ? COPY_FLOATS : from + per;
                for (int i = from; i < to; i += FS.length()) {
                    FloatVector.fromArray(FS, src, i).intoArray(dst, i);
                }
            }
        });
        bh.consume(dst);
    }

    /**
     * The sum of the input's floats (4 bytes read each), one contiguous share per thread, each share read as two
     * streams side by side (its halves), as the reductions read long runs.
     */
    @Benchmark
    public void read(ReadInput input, Blackhole bh) {
        int threads = backend.threads();
        float[] data = input.data;
        float[] partial = new float[threads];
        Parallel.forRange(threads, 1, (first, end) -> {
            for (int t = first; t < end; t++) {
                partial[t] = sum(data, (int) ((long) data.length * t / threads),
                        (int) ((long) data.length * (t + 1) / threads));
            }
        });
        bh.consume(partial);
    }

    /** The sum of a[from .. to): its two halves side by side from cache line starts, four vector accumulators each. */
    private static float sum(float[] a, int from, int to) {
        int l = FS.length();
        int x = Math.min(to, from + Math.floorMod(LINE_START - from, 16));
        int half = (to - x) / 2 / (4 * l) * (4 * l);
        int y = x + half;
        float s = 0;
        for (int j = from; j < x; j++) {
            s += a[j];
        }
        FloatVector x0 = FloatVector.zero(FS);
        FloatVector x1 = x0;
        FloatVector x2 = x0;
        FloatVector x3 = x0;
        FloatVector y0 = x0;
        FloatVector y1 = x0;
        FloatVector y2 = x0;
        FloatVector y3 = x0;
        for (int k = 0; k < half; k += 4 * l) {
            x0 = x0.add(FloatVector.fromArray(FS, a, x + k));
            x1 = x1.add(FloatVector.fromArray(FS, a, x + k + l));
            x2 = x2.add(FloatVector.fromArray(FS, a, x + k + 2 * l));
            x3 = x3.add(FloatVector.fromArray(FS, a, x + k + 3 * l));
            y0 = y0.add(FloatVector.fromArray(FS, a, y + k));
            y1 = y1.add(FloatVector.fromArray(FS, a, y + k + l));
            y2 = y2.add(FloatVector.fromArray(FS, a, y + k + 2 * l));
            y3 = y3.add(FloatVector.fromArray(FS, a, y + k + 3 * l));
        }
        s += x0.add(x1).add(x2.add(x3)).add(y0.add(y1).add(y2.add(y3))).reduceLanes(VectorOperators.ADD);
        for (int j = y + half; j < to; j++) {
            s += a[j];
        }
        return s;
    }

    private static double floatChains(int steps) {
        FloatVector x = FloatVector.broadcast(FS, 0.999f);
        FloatVector y = FloatVector.broadcast(FS, 1e-3f);
        FloatVector c0 = FloatVector.zero(FS);
        FloatVector c1 = c0;
        FloatVector c2 = c0;
        FloatVector c3 = c0;
        FloatVector c4 = c0;
        FloatVector c5 = c0;
        FloatVector c6 = c0;
        FloatVector c7 = c0;
        FloatVector c8 = c0;
        FloatVector c9 = c0;
        FloatVector c10 = c0;
        FloatVector c11 = c0;
        for (int s = 0; s < steps; s++) {
            c0 = c0.fma(x, y);
            c1 = c1.fma(x, y);
            c2 = c2.fma(x, y);
            c3 = c3.fma(x, y);
            c4 = c4.fma(x, y);
            c5 = c5.fma(x, y);
            c6 = c6.fma(x, y);
            c7 = c7.fma(x, y);
            c8 = c8.fma(x, y);
            c9 = c9.fma(x, y);
            c10 = c10.fma(x, y);
            c11 = c11.fma(x, y);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11)
                .reduceLanes(VectorOperators.ADD);
    }

    private static double doubleChains(int steps) {
        DoubleVector x = DoubleVector.broadcast(DS, 0.999);
        DoubleVector y = DoubleVector.broadcast(DS, 1e-3);
        DoubleVector c0 = DoubleVector.zero(DS);
        DoubleVector c1 = c0;
        DoubleVector c2 = c0;
        DoubleVector c3 = c0;
        DoubleVector c4 = c0;
        DoubleVector c5 = c0;
        DoubleVector c6 = c0;
        DoubleVector c7 = c0;
        DoubleVector c8 = c0;
        DoubleVector c9 = c0;
        DoubleVector c10 = c0;
        DoubleVector c11 = c0;
        for (int s = 0; s < steps; s++) {
            c0 = c0.fma(x, y);
            c1 = c1.fma(x, y);
            c2 = c2.fma(x, y);
            c3 = c3.fma(x, y);
            c4 = c4.fma(x, y);
            c5 = c5.fma(x, y);
            c6 = c6.fma(x, y);
            c7 = c7.fma(x, y);
            c8 = c8.fma(x, y);
            c9 = c9.fma(x, y);
            c10 = c10.fma(x, y);
            c11 = c11.fma(x, y);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11)
                .reduceLanes(VectorOperators.ADD);
    }
}
