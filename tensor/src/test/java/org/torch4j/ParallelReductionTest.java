package org.torch4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Full reductions of long runs, which fold a pairwise tree of cache-line-aligned leaves split into one range per
 * thread: the same bits on any number of threads, sizes around the leaf (16384 floats, 8192 doubles) and split
 * boundaries, views starting anywhere in their storage, NaN and infinities wherever they sit, and strided inputs.
 */
class ParallelReductionTest {
    private static final int THREADS = Torch.getNumThreads();
    /** Sizes around one leaf, the parallel threshold (65536), leaf multiples and a long run. */
    private static final int[] SIZES = {16, 8191, 8193, 16383, 16384, 16385, 65535, 65536, 65537, 3 * 16384 + 21,
        7 * 16384 + 5, 1_000_003};

    @AfterEach
    void restore() {
        Torch.setNumThreads(THREADS);
    }

    private static List<Function<Tensor, Tensor>> fullReductions() {
        List<Function<Tensor, Tensor>> ops = new ArrayList<>();
        ops.add(Tensor::sum);
        ops.add(Tensor::mean);
        ops.add(Tensor::max);
        ops.add(Tensor::min);
        ops.add(x -> x.amax(new int[0], false));
        ops.add(x -> x.amin(new int[0], false));
        ops.add(Tensor::norm);
        ops.add(Tensor::var);
        return ops;
    }

    /** The values of op(x) with 1, 2, 3 and 4 threads. */
    private static double[][] onThreads(Function<Tensor, Tensor> op, Tensor x) {
        double[][] r = new double[4][];
        for (int t = 1; t <= 4; t++) {
            Torch.setNumThreads(t);
            r[t - 1] = op.apply(x).toDoubleArray();
        }
        return r;
    }

    /** A view of n values that starts {@code offset} elements into its storage. */
    private static Tensor view(int n, int offset, DType dtype) {
        return Torch.randn(n + offset).to(dtype).narrow(0, offset, n);
    }

    @Test
    void sameBitsOnAnyNumberOfThreads() {
        Torch.manualSeed(0);
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (int n : SIZES) {
                for (int offset : new int[] {0, 5, 12}) {
                    Tensor x = view(n, offset, dtype);
                    for (Function<Tensor, Tensor> op : fullReductions()) {
                        double[][] r = onThreads(op, x);
                        for (int t = 1; t < 4; t++) {
                            assertArrayEquals(r[0], r[t], 0.0, dtype + " n=" + n + " offset=" + offset + " threads=" + (t + 1));
                        }
                    }
                }
            }
        }
    }

    @Test
    void agreeWithPlainLoops() {
        Torch.manualSeed(1);
        for (int n : SIZES) {
            for (int offset : new int[] {0, 3}) {
                Tensor x = view(n, offset, DType.FLOAT32);
                float[] a = x.toFloatArray();
                double sum = 0;
                float max = Float.NEGATIVE_INFINITY;
                float min = Float.POSITIVE_INFINITY;
                for (float v : a) {
                    sum += v;
                    max = Math.max(max, v);
                    min = Math.min(min, v);
                }
                for (int threads = 1; threads <= 2; threads++) {
                    Torch.setNumThreads(threads);
                    String what = "n=" + n + " offset=" + offset + " threads=" + threads;
                    assertEquals(sum, x.sum().item(), 1e-5 * Math.sqrt(n), what);
                    assertEquals(sum / n, x.mean().item(), 1e-5 / Math.sqrt(n), what);
                    assertEquals(max, x.max().itemFloat(), what);
                    assertEquals(min, x.min().itemFloat(), what);
                    Tensor d = x.to(DType.FLOAT64);
                    assertEquals(sum, d.sum().item(), 1e-9 * Math.sqrt(n), what);
                    assertEquals(max, d.max().item(), what);
                }
            }
        }
    }

    @Test
    void exactSumsOfLongRuns() {
        for (int threads = 1; threads <= 2; threads++) {
            Torch.setNumThreads(threads);
            assertEquals(1_000_003.0, Torch.ones(1_000_003).sum().item());
            assertEquals(1.0, Torch.ones(1_000_003).mean().item());
            assertEquals(3_000_009.0, Torch.ones(1_000_003).to(DType.FLOAT64).mul(3).sum().item());
        }
    }

    @Test
    void nanAndInfinitiesPropagateFromAnyPosition() {
        for (int n : new int[] {16385, 65537, 200_003}) {
            // the first element, one inside the unaligned head, leaf boundaries, the middle (split point), the tail
            for (int at : new int[] {0, 7, 16383, Math.min(16384 + 12, n - 1), n / 2, n - 2, n - 1}) {
                for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
                    for (int threads = 1; threads <= 2; threads++) {
                        Torch.setNumThreads(threads);
                        String what = dtype + " n=" + n + " at=" + at + " threads=" + threads;
                        Tensor x = Torch.randn(n).to(dtype);
                        x.narrow(0, at, 1).fill_(Double.NaN);
                        assertTrue(Double.isNaN(x.max().item()), what);
                        assertTrue(Double.isNaN(x.min().item()), what);
                        assertTrue(Double.isNaN(x.amax(new int[0], false).item()), what);
                        assertTrue(Double.isNaN(x.sum().item()), what);
                        x.narrow(0, at, 1).fill_(Double.POSITIVE_INFINITY);
                        assertEquals(Double.POSITIVE_INFINITY, x.max().item(), what);
                        assertEquals(Double.POSITIVE_INFINITY, x.sum().item(), what);
                        x.narrow(0, at, 1).fill_(Double.NEGATIVE_INFINITY);
                        assertEquals(Double.NEGATIVE_INFINITY, x.min().item(), what);
                    }
                }
            }
        }
    }

    @Test
    void stridedInputsReduceTheirOwnElements() {
        Torch.manualSeed(2);
        Tensor base = Torch.randn(700, 301);
        Tensor transposed = base.t();
        Tensor leftColumns = base.narrow(1, 0, 150);
        for (Tensor x : new Tensor[] {transposed, leftColumns, transposed.narrow(0, 1, 299)}) {
            Tensor copy = x.contiguous();
            for (int threads = 1; threads <= 2; threads++) {
                Torch.setNumThreads(threads);
                String what = "shape " + java.util.Arrays.toString(x.shape()) + " threads=" + threads;
                assertEquals(copy.sum().item(), x.sum().item(), 1e-3, what);
                assertEquals(copy.mean().item(), x.mean().item(), 1e-8, what);
                assertEquals(copy.max().itemFloat(), x.max().itemFloat(), what);
                assertEquals(copy.min().itemFloat(), x.min().itemFloat(), what);
            }
        }
    }
}
