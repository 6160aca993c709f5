package org.torch4j.internal.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.torch4j.Tensor;
import org.torch4j.internal.OpChecks;
import org.torch4j.internal.TensorAccess;

/**
 * ATen's {@code sigmoid_backward(grad, output)} on the CPU: {@code grad * (output * (1 - output))}, the operations
 * (and so the bits) of {@code grad.mul(output.mul(output.rsub(1)))} in one pass. Contiguous float32/float64 operands
 * of one dtype take a Vector API loop, split over the intra-op pool above ATen's grain size; other layouts and dtypes
 * run those three ops.
 */
final class SigmoidBackward {
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;

    private SigmoidBackward() {
    }

    static Tensor compute(Tensor grad, Tensor output) {
        OpChecks.copyShape(TensorAccess.shape(grad), TensorAccess.shape(output));
        Tensor fused = FusedBinary.apply(grad, output, SigmoidBackward::floats, SigmoidBackward::doubles);
        return fused != null ? fused : grad.mul(output.mul(output.rsub(1L)));
    }

    /** o[oo + i] = g[go + i] * (y[yo + i] * (1 - y[yo + i])) for i below n. */
    private static void floats(float[] g, int go, float[] y, int yo, float[] o, int oo, int n) {
        FloatVector one = FloatVector.broadcast(FS, 1f);
        int i = 0;
        for (int bound = FS.loopBound(n); i < bound; i += FS.length()) {
            FloatVector v = FloatVector.fromArray(FS, y, yo + i);
            FloatVector.fromArray(FS, g, go + i).mul(v.mul(one.sub(v))).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            float v = y[yo + i];
            o[oo + i] = g[go + i] * (v * (1f - v));
        }
    }

    /** {@link #floats(float[], int, float[], int, float[], int, int)} for float64. */
    private static void doubles(double[] g, int go, double[] y, int yo, double[] o, int oo, int n) {
        DoubleVector one = DoubleVector.broadcast(DS, 1.0);
        int i = 0;
        for (int bound = DS.loopBound(n); i < bound; i += DS.length()) {
            DoubleVector v = DoubleVector.fromArray(DS, y, yo + i);
            DoubleVector.fromArray(DS, g, go + i).mul(v.mul(one.sub(v))).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            double v = y[yo + i];
            o[oo + i] = g[go + i] * (v * (1.0 - v));
        }
    }
}
