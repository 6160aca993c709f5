package org.torch4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;
import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.cuda.Cuda;

/**
 * Runs every benchmark method once on small inputs, without the JMH harness, and checks that the scalar
 * reference and the torch4j backends compute the same values (so both sides of each comparison are right); the
 * CUDA backend joins where a GPU is present.
 */
class BenchmarksSmokeTest {
    private static final Blackhole BH = new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    private static final int THREADS = Torch.getNumThreads();

    @AfterAll
    static void restoreThreads() {
        Torch.setNumThreads(THREADS);
        BH.evaporate("Yes, I am Stephen Hawking, and know a thing or two about black holes.");
    }

    /** The torch4j backends to check: both CPU ones, and CUDA where a GPU is present. */
    private static List<Backend> torch4jBackends() {
        List<Backend> backends = new ArrayList<>(List.of(Backend.VECTOR_1T, Backend.VECTOR_ALL));
        if (Cuda.isAvailable()) {
            backends.add(Backend.CUDA);
        }
        return backends;
    }

    private static float[] floats(Object tensor) {
        return ((Tensor) tensor).cpu().toFloatArray();
    }

    @Test
    void theCudaBackendNamesWhyItCannotRun() {
        if (!Cuda.isAvailable()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, Backend.CUDA::apply);
            assertEquals("the CUDA backend needs a GPU: " + Cuda.unavailableReason(), e.getMessage());
        }
    }

    private static MatmulBench matmul(String dtype, Backend backend) {
        MatmulBench b = new MatmulBench();
        b.n = 67;
        b.dtype = dtype;
        b.backend = backend;
        b.setUp();
        return b;
    }

    @Test
    void matmulBackendsAgree() {
        for (String dtype : new String[] {"float32", "float64"}) {
            double[] reference = toDoubles(matmul(dtype, Backend.SCALAR).matmul());
            for (Backend backend : torch4jBackends()) {
                double[] got = ((Tensor) matmul(dtype, backend).matmul()).cpu().toDoubleArray();
                assertArrayEquals(reference, got, 1e-3, dtype + " " + backend);
            }
        }
    }

    private static ElementwiseBench elementwise(Backend backend) {
        ElementwiseBench b = new ElementwiseBench();
        b.size = 100_003;
        b.backend = backend;
        b.setUp();
        return b;
    }

    @Test
    void elementwiseBackendsAgree() {
        ElementwiseBench scalar = elementwise(Backend.SCALAR);
        for (Backend backend : torch4jBackends()) {
            ElementwiseBench vector = elementwise(backend);
            assertArrayEquals((float[]) scalar.add(), floats(vector.add()), 1e-6f);
            assertArrayEquals((float[]) scalar.mul(), floats(vector.mul()), 1e-6f);
            assertArrayEquals((float[]) scalar.relu(), floats(vector.relu()), 0f);
            assertClose((float[]) scalar.exp(), floats(vector.exp()), 1e-6);
            assertClose((float[]) scalar.sigmoid(), floats(vector.sigmoid()), 1e-6);
        }
    }

    @Test
    void reductionsAgree() {
        Torch.manualSeed(0);
        float[] data = Torch.randn(100_000).toFloatArray();
        for (Backend backend : torch4jBackends()) {
            ReductionBench b = new ReductionBench();
            b.size = data.length;
            b.backend = backend;
            b.setUp();
            b.sum(BH);
            b.mean(BH);
            b.max(BH);
            Tensor t = backend.place(Torch.tensor(data));
            assertEquals(ScalarReference.sum(data), t.sum().item(), 1e-2, backend.name());
            assertEquals(ScalarReference.mean(data), t.mean().item(), 1e-6, backend.name());
            assertEquals(ScalarReference.max(data), t.max().itemFloat(), 0f, backend.name());
            assertClose(ScalarReference.softmaxRows(data, ReductionBench.ROW), floats(b.softmax()), 1e-6);
        }
        ReductionBench scalar = new ReductionBench();
        scalar.size = data.length;
        scalar.backend = Backend.SCALAR;
        scalar.setUp();
        scalar.sum(BH);
        scalar.mean(BH);
        scalar.max(BH);
    }

    @Test
    void machineLimitsRun() {
        for (Backend backend : new Backend[] {Backend.VECTOR_1T, Backend.VECTOR_ALL}) {
            MachineBench m = new MachineBench();
            m.dtype = "float32";
            m.backend = backend;
            m.setUp();
            m.fma(BH);
            m.copy(BH);
            MachineBench.ReadInput input = new MachineBench.ReadInput();
            input.size = 100_003;
            input.setUp();
            m.read(input, BH);
            m.dtype = "float64";
            m.fma(BH);
        }
    }

    @Test
    void trainingStepsRunAndTheTutorialMatchesPyTorch() {
        for (Backend backend : torch4jBackends()) {
            TrainingBench t = new TrainingBench();
            t.backend = backend;
            t.setUp();
            // torch.manual_seed(0), the same model and loop in PyTorch 1.13: the first three losses
            double[] pytorch = {16.880615234375, 16.75579071044922, 16.630966186523438};
            for (double expected : pytorch) {
                assertEquals(expected, t.twoNeuronStep().item(), 1e-4, backend.name());
            }
            double first = t.mlpStep().item();
            double second = t.mlpStep().item();
            assertTrue(second < first, "Adam lowers the MLP loss: " + first + " then " + second);
            Tensor out = t.conv2dForwardBackward();
            assertArrayEquals(new int[] {32, 16, 24, 24}, out.shape());
        }
    }

    private static double[] toDoubles(Object array) {
        if (array instanceof double[]) {
            return (double[]) array;
        }
        float[] f = (float[]) array;
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    /** Relative closeness (with an absolute floor of tol) for transcendental results. */
    private static void assertClose(float[] expected, float[] actual, double tol) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            assertEquals(e, actual[i], tol * Math.max(1, Math.abs(e)) * 4, "at " + i);
        }
    }
}
