package org.torch4j.optim.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import org.torch4j.Tensor;

/** {@code torch.optim.adagrad._single_tensor_adagrad} (dense) for one parameter. Operands: 0 param, 1 sum, 2 grad. */
public final class AdagradUpdate extends FusedUpdate {
    private final double clr;
    private final double eps;
    private final double weightDecay;
    private final boolean maximize;

    /** The update of step number {@code step} (1 for the first). */
    public AdagradUpdate(double lr, double lrDecay, double eps, double weightDecay, boolean maximize, long step) {
        this.clr = lr / (1 + (step - 1) * lrDecay);
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.maximize = maximize;
    }

    @Override
    protected void floats(float[][] a, int[] o, int n) {
        float[] p = a[0];
        float[] sum = a[1];
        float[] g = a[2];
        int po = o[0];
        int so = o[1];
        int go = o[2];
        boolean decay = weightDecay != 0;
        FloatVector wd = FloatVector.broadcast(F, (float) weightDecay);
        FloatVector epsV = FloatVector.broadcast(F, (float) eps);
        FloatVector negClr = FloatVector.broadcast(F, (float) -clr);
        for (int i = 0; i < n; i += F.length()) {
            FloatVector pv = FloatVector.fromArray(F, p, po + i);
            FloatVector gv = grad(FloatVector.fromArray(F, g, go + i), pv, maximize, decay, wd);
            FloatVector sv = gv.fma(gv, FloatVector.fromArray(F, sum, so + i));
            sv.intoArray(sum, so + i);
            addcdiv(pv, gv, negClr, sv.sqrt().add(epsV)).intoArray(p, po + i);
        }
    }

    @Override
    protected void doubles(double[][] a, int[] o, int n) {
        double[] p = a[0];
        double[] sum = a[1];
        double[] g = a[2];
        int po = o[0];
        int so = o[1];
        int go = o[2];
        boolean decay = weightDecay != 0;
        DoubleVector wd = DoubleVector.broadcast(D, weightDecay);
        DoubleVector epsV = DoubleVector.broadcast(D, eps);
        DoubleVector negClr = DoubleVector.broadcast(D, -clr);
        for (int i = 0; i < n; i += D.length()) {
            DoubleVector pv = DoubleVector.fromArray(D, p, po + i);
            DoubleVector gv = grad(DoubleVector.fromArray(D, g, go + i), pv, maximize, decay, wd);
            DoubleVector sv = gv.fma(gv, DoubleVector.fromArray(D, sum, so + i));
            sv.intoArray(sum, so + i);
            addcdiv(pv, gv, negClr, sv.sqrt().add(epsV)).intoArray(p, po + i);
        }
    }

    @Override
    protected void onDevice(Tensor[] written, Tensor[] read) {
        Tensor param = written[0];
        Tensor sum = written[1];
        Tensor grad = DeviceSteps.grad(read[0], param, maximize, weightDecay);
        DeviceSteps.addcmul_(sum, grad, grad, 1);
        DeviceSteps.addcdiv_(param, grad, sum.sqrt().add_(eps), -clr);
    }
}
