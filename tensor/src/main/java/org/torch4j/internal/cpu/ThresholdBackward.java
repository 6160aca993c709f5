package org.torch4j.internal.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.torch4j.Tensor;
import org.torch4j.internal.OpChecks;
import org.torch4j.internal.TensorAccess;

/**
 * ATen's {@code threshold_backward(grad, self, threshold)} on the CPU (ReLU's derivative): {@code self <= threshold ?
 * 0 : grad}. Contiguous float32/float64 operands of one shape take a branch-free Vector API loop (a blend per
 * vector), split over the intra-op pool above ATen's grain size; other layouts copy grad and zero it where self is
 * at most the threshold.
 */
final class ThresholdBackward {
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;

    private ThresholdBackward() {
    }

    static Tensor compute(Tensor grad, Tensor self, double threshold) {
        OpChecks.copyShape(TensorAccess.shape(grad), TensorAccess.shape(self));
        float t = (float) threshold;
        Tensor fused = FusedBinary.apply(grad, self, (g, go, s, so, o, oo, n) -> floats(g, go, s, so, t, o, oo, n),
            (g, go, s, so, o, oo, n) -> doubles(g, go, s, so, threshold, o, oo, n));
        if (fused != null) {
            return fused;
        }
        Tensor out = Elementwise.empty(TensorAccess.shape(grad), grad.dtype());
        Elementwise.copy(out, grad);
        Tensor mask = self.le(threshold);
        Elementwise.maskedFill(out, mask, Elementwise.empty(new int[0], grad.dtype()), out);
        return out;
    }

    /** o[oo + i] = s[so + i] <= t ? 0 : g[go + i] for i below n. */
    private static void floats(float[] g, int go, float[] s, int so, float t, float[] o, int oo, int n) {
        FloatVector zero = FloatVector.zero(FS);
        int i = 0;
        for (int bound = FS.loopBound(n); i < bound; i += FS.length()) {
            FloatVector.fromArray(FS, g, go + i)
                    .blend(zero, FloatVector.fromArray(FS, s, so + i).compare(VectorOperators.LE, t))
                    .intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = s[so + i] <= t ? 0f : g[go + i];
        }
    }

    /** {@link #floats(float[], int, float[], int, float, float[], int, int)} for float64. */
    private static void doubles(double[] g, int go, double[] s, int so, double t, double[] o, int oo, int n) {
        DoubleVector zero = DoubleVector.zero(DS);
        int i = 0;
        for (int bound = DS.loopBound(n); i < bound; i += DS.length()) {
            DoubleVector.fromArray(DS, g, go + i)
                    .blend(zero, DoubleVector.fromArray(DS, s, so + i).compare(VectorOperators.LE, t))
                    .intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = s[so + i] <= t ? 0.0 : g[go + i];
        }
    }
}
