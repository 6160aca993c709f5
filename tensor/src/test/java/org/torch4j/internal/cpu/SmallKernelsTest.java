package org.torch4j.internal.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.Torch;

/**
 * The small fast paths of mm/addmm (no GEMM object), of sum (no reduction plan) and of copies broadcast along
 * leading dims: bit for bit the results of the general paths they skip, reached here directly (a batch of one for
 * the GEMM, {@link Reducer#reduce} with its plan for sum, a strided destination for copies); shapes and layouts
 * outside them still give the exact results.
 */
class SmallKernelsTest {
    private static Tensor values(DType dtype, int... shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        return Torch.arange(1.0, n + 1.0).mul(0.37).sub(n * 0.15).sin().reshape(shape).to(dtype);
    }

    private static void assertSame(Tensor expected, Tensor actual) {
        assertEquals(expected.dtype(), actual.dtype());
        assertArrayEquals(expected.shape(), actual.shape());
        assertArrayEquals(expected.toDoubleArray(), actual.toDoubleArray());
    }

    /** c += alpha * a · b through the 2-d entry (the fast path when small) and through a batch of one (the object). */
    private static void checkGemm(DType dtype, Tensor a, Tensor b, double alpha) {
        Tensor fast = Torch.ones(new int[] {a.size(0), b.size(1)}).to(dtype);
        Tensor general = fast.clone().unsqueeze(0);
        if (dtype == DType.FLOAT32) {
            FloatGemm.multiply(a, b, fast, alpha);
            FloatGemm.multiply(a.unsqueeze(0), b.unsqueeze(0), general, alpha);
        } else {
            DoubleGemm.multiply(a, b, fast, alpha);
            DoubleGemm.multiply(a.unsqueeze(0), b.unsqueeze(0), general, alpha);
        }
        assertSame(general.squeeze(0), fast);
    }

    @Test
    void smallProductsMatchTheGemmObject() {
        int[][] shapes = {{10, 1, 2}, {10, 2, 1}, {1, 10, 2}, {2, 10, 1}, {8, 8, 8}, {1, 40, 33}, {33, 40, 1},
            {3, 20, 20}, {9, 9, 7}, {12, 12, 12}, {0, 3, 4}, {3, 0, 4}};
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (int[] s : shapes) {
                Tensor a = values(dtype, s[0], s[1]);
                Tensor b = values(dtype, s[1], s[2]).mul(-1.3);
                checkGemm(dtype, a, b, 1);
                checkGemm(dtype, a, b, -0.5);
                // transposed operands: strided rows and columns
                checkGemm(dtype, values(dtype, s[1], s[0]).t(), values(dtype, s[2], s[1]).t(), 1);
            }
        }
    }

    /** addmm's small float path (self copied into each row as it is computed) against the copy then the GEMM object. */
    @Test
    void smallAddmmMatchesCopyThenProduct() {
        int[][] shapes = {{10, 1, 2}, {10, 2, 1}, {1, 10, 2}, {2, 10, 1}, {3, 20, 20}, {33, 40, 1}};
        for (int[] s : shapes) {
            int m = s[0];
            int n = s[2];
            Tensor a = values(DType.FLOAT32, m, s[1]);
            // nn.Linear's weight.t(): a transposed view
            Tensor b = values(DType.FLOAT32, n, s[1]).mul(-1.3).t();
            for (int[] selfShape : new int[][] {{n}, {1}, {m, n}, {m, 1}, {}}) {
                Tensor self = values(DType.FLOAT32, selfShape).add(0.25);
                for (double alpha : new double[] {1, -0.5}) {
                    Tensor general = self.expand(m, n).contiguous().clone().unsqueeze(0);
                    FloatGemm.multiply(a.unsqueeze(0), b.unsqueeze(0), general, alpha);
                    assertSame(general.squeeze(0), Linalg.addmm(self, a, b, 1, alpha));
                }
            }
        }
    }

    /** Depths of one and two skip the dot's loop: still the loop's sums, c + alpha * ((0 + a0 b0) + a1 b1 ...). */
    @Test
    void tinyDepthDotsAreTheLoopsSums() {
        for (int k = 1; k <= 3; k++) {
            Tensor a = values(DType.FLOAT32, 5, k);
            Tensor b = values(DType.FLOAT32, 3, k).mul(-1.3).t();
            Tensor c = Torch.ones(5, 3);
            FloatGemm.multiply(a, b, c, -0.5);
            float[] av = a.toFloatArray();
            float[] bv = b.contiguous().toFloatArray();
            float[] expected = new float[15];
            for (int i = 0; i < 5; i++) {
                for (int j = 0; j < 3; j++) {
                    float sum = 0;
                    for (int p = 0; p < k; p++) {
                        sum += av[i * k + p] * bv[p * 3 + j];
                    }
                    expected[i * 3 + j] = 1f + -0.5f * sum;
                }
            }
            assertArrayEquals(expected, c.toFloatArray());
        }
    }

    @Test
    void mmAndAddmmOfTinyShapesAreExact() {
        Tensor a = Torch.tensor(new float[] {1, 2, 3, 4, 5, 6}).reshape(3, 2);
        Tensor b = Torch.tensor(new float[] {1, -1, 2, 0.5f}).reshape(2, 2);
        assertArrayEquals(new double[] {5, 0, 11, -1, 17, -2}, a.mm(b).toDoubleArray());
        Tensor bias = Torch.tensor(new float[] {10, 20});
        assertArrayEquals(new double[] {12.5, 20, 15.5, 19.5, 18.5, 19}, Torch.addmm(bias, a, b, 1, 0.5).toDoubleArray());
        assertArrayEquals(new double[] {2.5, 0, 5.5, -0.5, 8.5, -1}, Torch.addmm(bias, a, b, 0, 0.5).toDoubleArray());
    }

    private static Tensor planned(Tensor x, int[] dims, boolean keepdim) {
        ReductionPlan p = ReductionPlan.of(x, dims, keepdim);
        return p.shape(Reducer.reduce(ReduceKind.SUM, x, p));
    }

    @Test
    void fullSumsMatchThePlan() {
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (int n : new int[] {0, 1, 3, 7, 8, 15, 16, 17, 100, 1000, 5000, 100_003}) {
                Tensor x = values(dtype, n);
                for (boolean keepdim : new boolean[] {false, true}) {
                    assertSame(planned(x, new int[0], keepdim), Reducer.reduceContiguous(ReduceKind.SUM, x, keepdim));
                    assertSame(planned(x, new int[0], keepdim), x.sum(new int[0], keepdim));
                }
            }
            Tensor m = values(dtype, 10, 1);
            assertSame(planned(m, new int[0], true), Reducer.reduceContiguous(ReduceKind.SUM, m, true));
            Tensor s = values(dtype);
            assertSame(planned(s, new int[0], false), s.sum());
        }
    }

    @Test
    void leadingSumsMatchThePlan() {
        int[][] shapes = {{10, 2}, {2, 10}, {3, 4, 5}, {70, 3}, {130, 17}, {64, 33}, {5, 1, 6}, {10, 1}, {40, 1},
            {4, 5, 1}, {2, 1, 3}};
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (int[] shape : shapes) {
                Tensor x = values(dtype, shape);
                for (int lead = 1; lead < shape.length; lead++) {
                    int[] dims = new int[lead];
                    for (int d = 0; d < lead; d++) {
                        dims[d] = d;
                    }
                    for (boolean keepdim : new boolean[] {false, true}) {
                        Tensor expected = planned(x, dims, keepdim);
                        assertSame(expected, Reducer.reduceLeading(ReduceKind.SUM, x, lead, keepdim));
                        assertSame(expected, x.sum(dims, keepdim));
                    }
                }
            }
        }
    }

    @Test
    void sumsOutsideTheFastPathsAreExact() {
        Tensor x = Torch.tensor(new float[] {1, 2, 3, 4, 5, 6}).reshape(2, 3);
        // a transposed input, trailing dims, a single row and int64 accumulation take the plan
        assertArrayEquals(new double[] {5, 7, 9}, x.t().sum(new int[] {1}, false).toDoubleArray());
        assertArrayEquals(new double[] {6, 15}, x.sum(new int[] {1}, false).toDoubleArray());
        assertArrayEquals(new double[] {1, 2, 3}, x.narrow(0, 0, 1).sum(new int[] {0}, false).toDoubleArray());
        Tensor ints = Torch.tensor(new long[] {1, 2, 3, 4}).reshape(2, 2);
        assertEquals(DType.INT64, ints.sum().dtype());
        assertArrayEquals(new double[] {4, 6}, ints.sum(new int[] {0}, false).toDoubleArray());
        assertArrayEquals(new double[] {21}, x.sum(new int[] {0, 1}, true).reshape(1).toDoubleArray());
        assertEquals(DType.FLOAT64, x.sum(new int[0], false, DType.FLOAT64).dtype());
    }

    /** dst.copy_(src) into a dense dst (the fast path when it qualifies) and into a strided one (the general path). */
    private static void checkCopy(Tensor src, int... shape) {
        Tensor fast = Torch.zeros(shape).to(src.dtype());
        int[] wide = java.util.Arrays.copyOf(shape, shape.length + 1);
        wide[shape.length] = 2;
        Tensor general = Torch.zeros(wide).to(src.dtype()).select(-1, 0);
        fast.copy_(src);
        general.copy_(src);
        assertSame(general, fast);
    }

    @Test
    void leadingBroadcastCopiesMatchTheGeneralPath() {
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            checkCopy(values(dtype, 2), 10, 2);
            checkCopy(values(dtype, 1, 2), 10, 2);
            checkCopy(values(dtype, 3, 2), 4, 3, 2);
            checkCopy(values(dtype, 1, 1, 2), 4, 3, 2);
            checkCopy(values(dtype, 1), 10, 1);
            checkCopy(values(dtype, 1, 3, 2), 4, 3, 2);
            // outside the fast path: a broadcast inside the trailing dims, a transposed source, another dtype
            checkCopy(values(dtype, 3, 1), 3, 2);
            checkCopy(values(dtype, 2, 3).t(), 4, 3, 2);
            checkCopy(values(dtype == DType.FLOAT32 ? DType.FLOAT64 : DType.FLOAT32, 2), 5, 2);
        }
        // a source inside the destination is copied by the general path
        Tensor t = Torch.tensor(new float[] {1, 2, 3, 4, 5, 6}).reshape(3, 2);
        t.copy_(t.select(0, 0));
        assertArrayEquals(new double[] {1, 2, 1, 2, 1, 2}, t.toDoubleArray());
        // more source dims than destination dims is an error, leading ones or not
        assertThrows(IllegalArgumentException.class, () -> Torch.zeros(2).copy_(Torch.ones(1, 1, 2)));
        Tensor bias = Torch.tensor(new float[] {1, 2});
        Tensor a = Torch.tensor(new float[] {1, 2, 3}).reshape(3, 1);
        Tensor b = Torch.tensor(new float[] {1, -1}).reshape(1, 2);
        assertArrayEquals(new double[] {2, 1, 3, 0, 4, -1}, Torch.addmm(bias, a, b).toDoubleArray());
        assertArrayEquals(new double[] {2, 0, 3, -1, 4, -2}, Torch.addmm(Torch.ones(1), a, b).toDoubleArray());
    }
}
