package org.torch4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The small dense fast path of the CPU elementwise ops: its results (values, dtype, shape, strides) equal those of
 * the general strided path, reached here through non-contiguous copies of the same operands; and operands that
 * need promotion or broadcasting beyond it still give PyTorch's results.
 */
class SmallElementwiseTest {
    /** The same values as t in a non-contiguous view (every other element of a wider tensor): the general path. */
    private static Tensor strided(Tensor t) {
        int[] wide = java.util.Arrays.copyOf(t.shape(), t.dim() + 1);
        wide[t.dim()] = 2;
        Tensor view = Torch.zeros(wide, TensorOptions.ofDType(t.dtype())).select(-1, 0);
        view.copy_(t);
        return view;
    }

    private static Tensor values(DType dtype, int... shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        return Torch.arange(1.0, n + 1.0).mul(0.37).sub(n * 0.15).reshape(shape).to(dtype);
    }

    private static void assertMatches(Tensor expected, Tensor actual) {
        assertEquals(expected.dtype(), actual.dtype());
        assertArrayEquals(expected.shape(), actual.shape());
        assertArrayEquals(Torch.emptyLike(expected).contiguous().stride(), actual.stride());
        assertArrayEquals(expected.toDoubleArray(), actual.toDoubleArray());
    }

    private static void checkBinary(BinaryOperator<Tensor> op, Tensor a, Tensor b) {
        Tensor fast = op.apply(a, b);
        assertMatches(op.apply(strided(a), b.dim() == 0 ? b : strided(b)), fast);
        if (a.dim() > 0) {
            assertMatches(op.apply(strided(a), b), fast);
        }
    }

    @Test
    void sameShapeBinaryOpsMatchTheGeneralPath() {
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (int[] shape : new int[][] {{10, 1}, {3, 4}, {37}, {}}) {
                Tensor a = values(dtype, shape);
                Tensor b = values(dtype, shape).mul(-1.7).add(0.3);
                checkBinary(Tensor::add, a, b);
                checkBinary((x, y) -> x.add(y, 2.5), a, b);
                checkBinary(Tensor::sub, a, b);
                checkBinary((x, y) -> x.sub(y, -0.75), a, b);
                checkBinary(Tensor::mul, a, b);
                checkBinary(Tensor::div, a, b);
                checkBinary(Tensor::maximum, a, b);
            }
        }
    }

    @Test
    void scalarOperandsMatchTheGeneralPath() {
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor a = values(dtype, 5, 7);
            assertMatches(strided(a).add(1.5), a.add(1.5));
            assertMatches(strided(a).mul(3L), a.mul(3L));
            assertMatches(strided(a).sub(0.1), a.sub(0.1));
            assertMatches(strided(a).rsub(2.0), a.rsub(2.0));
            assertMatches(strided(a).div(3L), a.div(3L));
            Tensor zeroDim64 = Torch.scalarTensor(0.1, TensorOptions.ofDType(DType.FLOAT64));
            assertMatches(strided(a).mul(zeroDim64), a.mul(zeroDim64));
            assertMatches(zeroDim64.mul(strided(a)), zeroDim64.mul(a));
            Tensor oneElement = Torch.tensor(new double[] {0.3}, dtype);
            assertMatches(strided(a).sub(oneElement), a.sub(oneElement));
            assertMatches(oneElement.sub(strided(a)), oneElement.sub(a));
            Tensor expanded = Torch.tensor(new double[] {-1.25}, dtype).expand(5, 7);
            assertMatches(expanded.mul(strided(a)), expanded.mul(a));
            assertMatches(strided(a).add(expanded, 0.5), a.add(expanded, 0.5));
        }
    }

    @Test
    void biasLikeOperandsMatchTheGeneralPath() {
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor a = values(dtype, 10, 2);
            Tensor bias = Torch.tensor(new double[] {0.5, -2.25}, dtype);
            assertMatches(strided(a).add(bias), a.add(bias));
            assertMatches(strided(a).add(bias.reshape(1, 2)), a.add(bias.reshape(1, 2)));
            Tensor c = values(dtype, 4, 3, 5);
            Tensor plane = values(dtype, 3, 5).mul(-0.5);
            assertMatches(strided(c).mul(plane), c.mul(plane));
            assertMatches(strided(c).sub(plane, 3), c.sub(plane, 3));
            Tensor inPlace = a.clone();
            assertSame(inPlace, inPlace.add_(bias));
            assertMatches(strided(a).add(bias), inPlace);
        }
    }

    @Test
    void operandsOutsideTheFastPathKeepPyTorchsPromotionAndBroadcasting() {
        Tensor f32 = Torch.tensor(new float[] {1.5f, -2.5f});
        Tensor f64 = Torch.tensor(new double[] {0.25, 4}, DType.FLOAT64);
        Tensor sum = f32.add(f64);
        assertEquals(DType.FLOAT64, sum.dtype());
        assertArrayEquals(new double[] {1.75, 1.5}, sum.toDoubleArray());
        Tensor zeroDim32 = Torch.scalarTensor(0.5);
        Tensor zeroDim64 = Torch.scalarTensor(0.25, TensorOptions.ofDType(DType.FLOAT64));
        assertEquals(DType.FLOAT64, zeroDim32.add(zeroDim64).dtype());
        assertEquals(DType.FLOAT32, zeroDim32.add(0.25).dtype());
        assertEquals(DType.FLOAT32, f32.mul(zeroDim64).dtype());
        Tensor column = Torch.tensor(new float[][] {{1}, {2}, {3}});
        Tensor grown = column.mul(f32);
        assertArrayEquals(new int[] {3, 2}, grown.shape());
        assertArrayEquals(new double[] {1.5, -2.5, 3, -5, 4.5, -7.5}, grown.toDoubleArray());
        Tensor leftSmaller = f32.add(Torch.ones(3, 2));
        assertArrayEquals(new double[] {2.5, -1.5, 2.5, -1.5, 2.5, -1.5}, leftSmaller.toDoubleArray());
        Tensor ints = Torch.tensor(new long[] {3, 4}).add(2L);
        assertEquals(DType.INT64, ints.dtype());
        assertArrayEquals(new long[] {5, 6}, ints.toLongArray());
        Tensor ge = f32.ge(0.0);
        assertEquals(DType.BOOL, ge.dtype());
        assertArrayEquals(new boolean[] {true, false}, ge.toBoolArray());
        assertThrows(IllegalArgumentException.class, () -> f32.add_(f64.reshape(2, 1)));
        assertThrows(IllegalArgumentException.class, () -> f32.add_(Torch.ones(3, 2)));
    }

    @Test
    void resultsGetRowMajorStrides() {
        Tensor column = Torch.tensor(new double[][] {{1, 2, 3}}).t();
        assertArrayEquals(new int[] {1, 3}, column.stride());
        assertArrayEquals(new int[] {1, 1}, column.add(1.0).stride());
        assertArrayEquals(new int[] {1, 1}, column.neg().stride());
        assertArrayEquals(new int[] {1, 1}, column.mul(column).stride());
    }

    private static void checkUnary(UnaryOperator<Tensor> op, Tensor x, double tolerance) {
        Tensor fast = op.apply(x);
        Tensor general = op.apply(strided(x));
        assertEquals(general.dtype(), fast.dtype());
        assertArrayEquals(general.shape(), fast.shape());
        assertArrayEquals(general.toDoubleArray(), fast.toDoubleArray(), tolerance);
    }

    @Test
    void unaryOpsMatchTheGeneralPath() {
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor x = values(dtype, 6, 7);
            checkUnary(Tensor::neg, x, 0);
            checkUnary(Tensor::abs, x, 0);
            checkUnary(Tensor::sign, x, 0);
            checkUnary(Tensor::exp, x, 1e-6);
            checkUnary(Tensor::sigmoid, x, 1e-6);
            checkUnary(Tensor::tanh, x, 1e-6);
            Tensor inPlace = x.clone();
            assertSame(inPlace, inPlace.sigmoid_());
            assertArrayEquals(x.sigmoid().toDoubleArray(), inPlace.toDoubleArray());
        }
        Tensor ints = Torch.tensor(new long[] {-3, 4});
        assertArrayEquals(new long[] {3, 4}, ints.abs().toLongArray());
        assertEquals(DType.FLOAT32, ints.exp().dtype());
    }

    @Test
    void copiesAndFillsMatchTheGeneralPath() {
        Tensor x = values(DType.FLOAT32, 4, 3);
        Tensor copy = Torch.empty(4, 3).copy_(x);
        assertArrayEquals(x.toDoubleArray(), copy.toDoubleArray());
        Tensor converted = Torch.empty(4, 3).copy_(x.to(DType.FLOAT64));
        assertArrayEquals(x.toDoubleArray(), converted.toDoubleArray());
        Tensor fromScalar = Torch.empty(2, 2).copy_(Torch.scalarTensor(0.1, TensorOptions.ofDType(DType.FLOAT64)));
        assertArrayEquals(new float[] {0.1f, 0.1f, 0.1f, 0.1f}, fromScalar.toFloatArray());
        assertArrayEquals(new float[] {7, 7, 7}, Torch.empty(3).fill_(7L).toFloatArray());
        assertArrayEquals(new double[] {0.1, 0.1}, Torch.empty(new int[] {2}, TensorOptions.ofDType(DType.FLOAT64))
                .fill_(0.1).toDoubleArray());
        assertArrayEquals(new long[] {2, 2}, Torch.tensor(new long[] {5, 6}).fill_(2.9).toLongArray());
        assertArrayEquals(new boolean[] {true, true}, Torch.tensor(new boolean[] {false, true}).fill_(3L).toBoolArray());
        assertArrayEquals(new float[] {1, 1, 1}, Torch.onesLike(Torch.empty(3)).toFloatArray());
        Tensor broadcastCopy = Torch.empty(2, 3).copy_(Torch.tensor(new double[] {1, 2, 3}));
        assertArrayEquals(new float[] {1, 2, 3, 1, 2, 3}, broadcastCopy.toFloatArray());
        Tensor transposed = Torch.empty(3, 4).copy_(x.t());
        assertArrayEquals(x.t().contiguous().toDoubleArray(), transposed.toDoubleArray());
    }
}
