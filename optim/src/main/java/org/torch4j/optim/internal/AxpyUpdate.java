package org.torch4j.optim.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import org.torch4j.Tensor;

/** {@code param.add_(update, alpha=alpha)} as PyTorch's CPU kernel computes it (one FMA). Operands: 0 param, 1 update. */
public final class AxpyUpdate extends FusedUpdate {
    private final double alpha;

    /** {@code param += alpha * update}. */
    public AxpyUpdate(double alpha) {
        this.alpha = alpha;
    }

    @Override
    protected void floats(float[][] a, int[] o, int n) {
        float[] p = a[0];
        float[] u = a[1];
        int po = o[0];
        int uo = o[1];
        FloatVector k = FloatVector.broadcast(F, (float) alpha);
        for (int i = 0; i < n; i += F.length()) {
            FloatVector.fromArray(F, u, uo + i).fma(k, FloatVector.fromArray(F, p, po + i)).intoArray(p, po + i);
        }
    }

    @Override
    protected void doubles(double[][] a, int[] o, int n) {
        double[] p = a[0];
        double[] u = a[1];
        int po = o[0];
        int uo = o[1];
        DoubleVector k = DoubleVector.broadcast(D, alpha);
        for (int i = 0; i < n; i += D.length()) {
            DoubleVector.fromArray(D, u, uo + i).fma(k, DoubleVector.fromArray(D, p, po + i)).intoArray(p, po + i);
        }
    }

    @Override
    protected void onDevice(Tensor[] written, Tensor[] read) {
        written[0].add_(read[0], alpha);
    }
}
