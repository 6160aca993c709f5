package org.torch4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.torch4j.Fixtures.assertClose;
import static org.torch4j.Fixtures.ints;
import static org.torch4j.Fixtures.tensor;

import com.google.gson.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.torch4j.internal.ConvChecks;
import org.torch4j.internal.ConvParams;
import org.torch4j.internal.Dispatcher;
import org.torch4j.internal.OpTable;

/**
 * {@code torch.convolution} and {@code convolution_backward} on the CPU against fixtures from real PyTorch
 * (tools/fixtures/gen_convolution.py): outputs and the three gradients, and the op's errors.
 */
class ConvolutionParityTest {
    private static final Map<String, JsonObject> CASES = Fixtures.load("convolution");
    private static final OpTable CPU = Dispatcher.backend(Device.CPU);

    /** The case's input, as a view with a last-dim stride of 2 where the case asks for one. */
    private static Tensor input(JsonObject c) {
        Tensor x = tensor(c.get("input"));
        if (!c.get("strided_input").getAsBoolean()) {
            return x;
        }
        Tensor strided = Torch.stack(new Tensor[] {x, x}, x.dim()).select(x.dim(), 0);
        assertEquals(2, strided.stride(x.dim() - 1));
        return strided;
    }

    @Test
    void outputsAndGradientsMatchPyTorch() {
        int checked = 0;
        for (Map.Entry<String, JsonObject> e : CASES.entrySet()) {
            JsonObject c = e.getValue();
            if (c.has("error")) {
                continue;
            }
            String name = e.getKey();
            Tensor x = input(c);
            Tensor w = tensor(c.get("weight"));
            Tensor b = c.has("bias") ? tensor(c.get("bias")) : null;
            boolean transposed = c.get("transposed").getAsBoolean();
            int[] stride = ints(c.get("stride"));
            int[] padding = ints(c.get("padding"));
            int[] dilation = ints(c.get("dilation"));
            int[] outputPadding = ints(c.get("output_padding"));
            int groups = c.get("groups").getAsInt();
            Tensor out = Torch.convolution(x, w, b, stride, padding, dilation, transposed, outputPadding, groups);
            assertClose(c.get("out"), out, name + " out");

            Tensor g = tensor(c.get("grad_output"));
            if (c.get("expanded_grad").getAsBoolean()) {
                g = Torch.full(new int[0], 0.75, TensorOptions.ofDType(g.dtype())).expand(g.shape());
            }
            ConvParams p = ConvChecks.check(x, w, b, stride, padding, dilation, transposed, outputPadding, groups);
            Tensor[] grads = CPU.convolutionBackward(g, x, w, p, new boolean[] {true, true, b != null});
            assertClose(c.get("grad_input"), grads[0], name + " grad_input");
            assertClose(c.get("grad_weight"), grads[1], name + " grad_weight");
            if (b != null) {
                assertClose(c.get("grad_bias"), grads[2], name + " grad_bias");
            } else {
                assertNull(grads[2]);
            }
            Tensor[] onlyWeight = CPU.convolutionBackward(g, x, w, p, new boolean[] {false, true, false});
            assertNull(onlyWeight[0]);
            assertClose(c.get("grad_weight"), onlyWeight[1], name + " grad_weight alone");
            checked++;
        }
        assertEquals(24, checked);
    }

    @Test
    void errorsMatchPyTorch() {
        Tensor z = Torch.zeros(1, 1, 4, 4);
        assertMessage("error/dtype", () -> Torch.convolution(z.to(DType.FLOAT64), Torch.zeros(1, 1, 2, 2), null,
                new int[] {1}, new int[] {0}, new int[] {1}, false, new int[] {0}, 1));
        assertMessage("error/weight_rank", () -> Torch.convolution(z, Torch.zeros(1, 1), null, new int[] {1},
                new int[] {0}, new int[] {1}, false, new int[] {0}, 1));
        assertMessage("error/input_rank", () -> Torch.convolution(z.select(0, 0), Torch.zeros(1, 1, 2, 2), null,
                new int[] {1}, new int[] {0}, new int[] {1}, false, new int[] {0}, 1));
    }

    private static void assertMessage(String name, Runnable op) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, op::run);
        assertEquals(CASES.get(name).get("error").getAsString(), e.getMessage(), name);
    }

    /**
     * The batch split over threads and the weight gradient's fixed blocks of images: the same bits with one
     * thread and with three, for float32 and float64.
     */
    @Test
    void resultsDoNotDependOnTheThreadCount() {
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Torch.manualSeed(3);
            Tensor x = Torch.randn(13, 3, 17, 15).to(dtype);
            Tensor w = Torch.randn(8, 3, 3, 3).to(dtype);
            Tensor b = Torch.randn(8).to(dtype);
            int threads = Torch.getNumThreads();
            try {
                Torch.setNumThreads(1);
                Tensor[] one = run(x, w, b);
                Torch.setNumThreads(3);
                Tensor[] three = run(x, w, b);
                for (int i = 0; i < one.length; i++) {
                    assertArrayEquals(one[i].toDoubleArray(), three[i].toDoubleArray(), dtype + " result " + i);
                }
            } finally {
                Torch.setNumThreads(threads);
            }
        }
    }

    /**
     * The forward result, the three gradients and a transposed convolution, for a strided convolution (im2col)
     * and a unit-stride one (the direct float32 kernels).
     */
    private static Tensor[] run(Tensor x, Tensor w, Tensor b) {
        int[] one = {1};
        int[] zero = {0};
        Tensor out = Torch.convolution(x, w, b, new int[] {2, 1}, one, one, false, zero, 1);
        ConvParams p = ConvChecks.check(x, w, b, new int[] {2, 1}, one, one, false, zero, 1);
        Tensor g = out.mul(0.5).sin();
        Tensor[] grads = CPU.convolutionBackward(g, x, w, p, new boolean[] {true, true, true});
        Tensor t = Torch.convolution(out, w, null, one, zero, one, true, zero, 1);
        Tensor unit = Torch.convolution(x, w, b, one, one, one, false, zero, 1);
        ConvParams q = ConvChecks.check(x, w, b, one, one, one, false, zero, 1);
        Tensor[] unitGrads = CPU.convolutionBackward(unit.mul(0.5).sin(), x, w, q, new boolean[] {true, true, true});
        return new Tensor[] {out, grads[0], grads[1], grads[2], t, unit, unitGrads[0], unitGrads[1], unitGrads[2]};
    }

    /**
     * The direct float32 kernels (unit stride, few channels) on shapes larger than the fixtures' (the benchmark's
     * second layer, with and without padding and dilation, more than one block of images): the same results
     * as the float64 computation, which goes through im2col and the packed GEMM, to float32 rounding.
     */
    @Test
    void directKernelsAgreeWithTheGeneralPath() {
        int[][] configs = {{0, 0, 1, 1}, {1, 1, 1, 1}, {2, 1, 2, 1}};
        for (int[] cfg : configs) {
            Torch.manualSeed(5);
            Tensor x = Torch.randn(11, 8, 26, 23);
            Tensor w = Torch.randn(16, 8, 3, 3);
            Tensor b = Torch.randn(16);
            int[] padding = {cfg[0], cfg[1]};
            int[] dilation = {cfg[2], cfg[3]};
            int[] one = {1, 1};
            int[] zero = {0, 0};
            String what = "padding " + cfg[0] + "," + cfg[1] + " dilation " + cfg[2] + "," + cfg[3];
            Tensor out = Torch.convolution(x, w, b, one, padding, dilation, false, zero, 1);
            Tensor wide = Torch.convolution(x.to(DType.FLOAT64), w.to(DType.FLOAT64), b.to(DType.FLOAT64), one,
                    padding, dilation, false, zero, 1);
            assertNear(wide, out, what + " out");
            Tensor g = out.mul(0.25).cos();
            ConvParams p = ConvChecks.check(x, w, b, one, padding, dilation, false, zero, 1);
            Tensor[] grads = CPU.convolutionBackward(g, x, w, p, new boolean[] {true, true, true});
            Tensor[] exact = CPU.convolutionBackward(g.to(DType.FLOAT64), x.to(DType.FLOAT64), w.to(DType.FLOAT64),
                    p, new boolean[] {true, true, true});
            for (int i = 0; i < 3; i++) {
                assertNear(exact[i], grads[i], what + " grad " + i);
            }
        }
    }

    /** |expected - actual| within float32 rounding of sums of a few hundred terms of about unit size. */
    private static void assertNear(Tensor expected, Tensor actual, String what) {
        assertEquals(DType.FLOAT32, actual.dtype(), what);
        assertArrayEquals(expected.shape(), actual.shape(), what);
        double[] e = expected.toDoubleArray();
        double[] a = actual.toDoubleArray();
        for (int i = 0; i < e.length; i++) {
            double tolerance = 1e-4 * Math.max(1, Math.abs(e[i]));
            if (Math.abs(e[i] - a[i]) > tolerance) {
                assertEquals(e[i], a[i], tolerance, what + " element " + i);
            }
        }
    }

    /** An empty batch: an empty output and input gradient, a zero weight gradient (as PyTorch), on both paths. */
    @Test
    void anEmptyBatchHasAZeroWeightGradient() {
        for (int[] stride : new int[][] {{1, 1}, {2, 2}}) {
            Tensor x = Torch.zeros(0, 2, 5, 5);
            Tensor w = Torch.ones(3, 2, 3, 3);
            int[] one = {1, 1};
            int[] zero = {0, 0};
            Tensor out = Torch.convolution(x, w, null, stride, zero, one, false, zero, 1);
            assertArrayEquals(new int[] {0, 3, stride[0] == 1 ? 3 : 2, stride[0] == 1 ? 3 : 2}, out.shape());
            ConvParams p = ConvChecks.check(x, w, null, stride, zero, one, false, zero, 1);
            Tensor[] grads = CPU.convolutionBackward(out, x, w, p, new boolean[] {true, true, false});
            assertArrayEquals(x.shape(), grads[0].shape());
            assertArrayEquals(w.shape(), grads[1].shape());
            assertArrayEquals(new double[w.numel()], grads[1].toDoubleArray());
        }
    }

    /** A contiguous input that starts inside its storage (a slice of the batch) is read from its start. */
    @Test
    void inputViewsWithAStorageOffsetAreReadFromTheirStart() {
        Torch.manualSeed(9);
        Tensor batch = Torch.randn(3, 2, 6, 7);
        Tensor w = Torch.randn(4, 2, 3, 3);
        int[] one = {1, 1};
        int[] zero = {0, 0};
        Tensor view = batch.narrow(0, 1, 2);
        assertEquals(84, view.storageOffset());
        Tensor out = Torch.convolution(view, w, null, one, zero, one, false, zero, 1);
        Tensor copy = Torch.convolution(view.clone(), w, null, one, zero, one, false, zero, 1);
        assertArrayEquals(copy.toDoubleArray(), out.toDoubleArray());
        Tensor strided = Torch.convolution(view, w, null, new int[] {2, 2}, zero, one, false, zero, 1);
        Tensor stridedCopy = Torch.convolution(view.clone(), w, null, new int[] {2, 2}, zero, one, false, zero, 1);
        assertArrayEquals(stridedCopy.toDoubleArray(), strided.toDoubleArray());
    }
}
