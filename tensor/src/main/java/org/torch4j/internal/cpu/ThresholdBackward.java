package org.torch4j.internal.cpu;

import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.internal.OpChecks;

/**
 * ATen's {@code threshold_backward(grad, self, threshold)} on the CPU (ReLU's derivative): {@code self <= threshold ?
 * 0 : grad}. Contiguous float32/float64 operands of one shape take a branch-free typed loop; other layouts copy grad
 * and zero it where self is at most the threshold.
 */
final class ThresholdBackward {
    private ThresholdBackward() {
    }

    static Tensor compute(Tensor grad, Tensor self, double threshold) {
        OpChecks.copyShape(grad.shape(), self.shape());
        Tensor out = Elementwise.empty(grad.shape(), grad.dtype());
        boolean plain = grad.isContiguous() && self.isContiguous() && self.dtype() == grad.dtype();
        if (plain && grad.dtype() == DType.FLOAT32) {
            floats(Elementwise.data(grad).floats(), grad.storageOffset(), Elementwise.data(self).floats(),
                    self.storageOffset(), (float) threshold, Elementwise.data(out).floats(), out.numel());
        } else if (plain && grad.dtype() == DType.FLOAT64) {
            doubles(Elementwise.data(grad).doubles(), grad.storageOffset(), Elementwise.data(self).doubles(),
                    self.storageOffset(), threshold, Elementwise.data(out).doubles(), out.numel());
        } else {
            Elementwise.copy(out, grad);
            Tensor mask = self.le(threshold);
            Elementwise.maskedFill(out, mask, Elementwise.empty(new int[0], grad.dtype()), out);
        }
        return out;
    }

    private static void floats(float[] g, int go, float[] s, int so, float t, float[] o, int n) {
        for (int i = 0; i < n; i++) {
            o[i] = s[so + i] <= t ? 0f : g[go + i];
        }
    }

    private static void doubles(double[] g, int go, double[] s, int so, double t, double[] o, int n) {
        for (int i = 0; i < n; i++) {
            o[i] = s[so + i] <= t ? 0.0 : g[go + i];
        }
    }
}
