package org.torch4j.optim.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import org.torch4j.Tensor;

/**
 * {@code torch.optim.adamax._single_tensor_adamax} for one parameter. Operands: 0 param, 1 exp_avg, 2 exp_inf,
 * 3 grad. PyTorch's {@code amax(cat([exp_inf * beta2, |grad| + eps]), 0)} is the NaN-propagating lanewise max.
 */
public final class AdamaxUpdate extends FusedUpdate {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean maximize;
    private final double clr;

    /** The update of step number {@code step} (1 for the first). */
    public AdamaxUpdate(double lr, double beta1, double beta2, double eps, double weightDecay, boolean maximize,
            long step) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.maximize = maximize;
        this.clr = lr / (1 - Math.pow(beta1, step));
    }

    @Override
    protected void floats(float[][] a, int[] o, int n) {
        float[] p = a[0];
        float[] m = a[1];
        float[] u = a[2];
        float[] g = a[3];
        int po = o[0];
        int mo = o[1];
        int uo = o[2];
        int go = o[3];
        boolean decay = weightDecay != 0;
        FloatVector wd = FloatVector.broadcast(F, (float) weightDecay);
        FloatVector b1 = FloatVector.broadcast(F, (float) beta1);
        FloatVector oneMinusB1 = FloatVector.broadcast(F, (float) (1 - beta1));
        FloatVector b2 = FloatVector.broadcast(F, (float) beta2);
        FloatVector epsV = FloatVector.broadcast(F, (float) eps);
        FloatVector negClr = FloatVector.broadcast(F, (float) -clr);
        for (int i = 0; i < n; i += F.length()) {
            FloatVector pv = FloatVector.fromArray(F, p, po + i);
            FloatVector gv = grad(FloatVector.fromArray(F, g, go + i), pv, maximize, decay, wd);
            FloatVector mv = mulAdd(FloatVector.fromArray(F, m, mo + i), b1, gv, oneMinusB1);
            mv.intoArray(m, mo + i);
            FloatVector uv = FloatVector.fromArray(F, u, uo + i).mul(b2).max(gv.abs().add(epsV));
            uv.intoArray(u, uo + i);
            addcdiv(pv, mv, negClr, uv).intoArray(p, po + i);
        }
    }

    @Override
    protected void doubles(double[][] a, int[] o, int n) {
        double[] p = a[0];
        double[] m = a[1];
        double[] u = a[2];
        double[] g = a[3];
        int po = o[0];
        int mo = o[1];
        int uo = o[2];
        int go = o[3];
        boolean decay = weightDecay != 0;
        DoubleVector wd = DoubleVector.broadcast(D, weightDecay);
        DoubleVector b1 = DoubleVector.broadcast(D, beta1);
        DoubleVector oneMinusB1 = DoubleVector.broadcast(D, 1 - beta1);
        DoubleVector b2 = DoubleVector.broadcast(D, beta2);
        DoubleVector epsV = DoubleVector.broadcast(D, eps);
        DoubleVector negClr = DoubleVector.broadcast(D, -clr);
        for (int i = 0; i < n; i += D.length()) {
            DoubleVector pv = DoubleVector.fromArray(D, p, po + i);
            DoubleVector gv = grad(DoubleVector.fromArray(D, g, go + i), pv, maximize, decay, wd);
            DoubleVector mv = mulAdd(DoubleVector.fromArray(D, m, mo + i), b1, gv, oneMinusB1);
            mv.intoArray(m, mo + i);
            DoubleVector uv = DoubleVector.fromArray(D, u, uo + i).mul(b2).max(gv.abs().add(epsV));
            uv.intoArray(u, uo + i);
            addcdiv(pv, mv, negClr, uv).intoArray(p, po + i);
        }
    }

    @Override
    protected void onDevice(Tensor[] written, Tensor[] read) {
        Tensor param = written[0];
        Tensor expAvg = written[1];
        Tensor expInf = written[2];
        Tensor grad = DeviceSteps.grad(read[0], param, maximize, weightDecay);
        DeviceSteps.mulAdd_(expAvg, beta1, grad, 1 - beta1);
        DeviceSteps.maximum_(expInf.mul_(beta2), grad.abs().add_(eps));
        DeviceSteps.addcdiv_(param, expAvg, expInf, -clr);
    }
}
