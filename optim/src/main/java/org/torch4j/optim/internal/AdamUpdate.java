package org.torch4j.optim.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import org.torch4j.Tensor;

/**
 * {@code torch.optim.adam._single_tensor_adam} and {@code adamw._single_tensor_adamw} for one parameter (non
 * capturable form). Operands: 0 param, 1 exp_avg, 2 exp_avg_sq, 3 max_exp_avg_sq (null without amsgrad), 4 grad.
 * Adam's weight decay is L2 ({@code grad + wd * param}); AdamW's is decoupled ({@code param *= 1 - lr * wd}).
 */
public final class AdamUpdate extends FusedUpdate {
    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean decoupled;
    private final boolean amsgrad;
    private final boolean maximize;
    private final long step;

    /** The update of step number {@code step} (1 for the first). */
    public AdamUpdate(double lr, double beta1, double beta2, double eps, double weightDecay, boolean decoupled,
            boolean amsgrad, boolean maximize, long step) {
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
        this.amsgrad = amsgrad;
        this.maximize = maximize;
        this.step = step;
    }

    private double negStepSize() {
        double biasCorrection1 = 1 - Math.pow(beta1, step);
        return -(lr / biasCorrection1);
    }

    private double biasCorrection2Sqrt() {
        return Math.sqrt(1 - Math.pow(beta2, step));
    }

    @Override
    protected void floats(float[][] a, int[] o, int n) {
        float[] p = a[0];
        float[] m = a[1];
        float[] v = a[2];
        float[] vmax = a[3];
        float[] g = a[4];
        int po = o[0];
        int mo = o[1];
        int vo = o[2];
        int xo = o[3];
        int go = o[4];
        boolean l2 = weightDecay != 0 && !decoupled;
        boolean shrink = decoupled;
        FloatVector wd = FloatVector.broadcast(F, (float) weightDecay);
        FloatVector shrinkBy = FloatVector.broadcast(F, (float) (1 - lr * weightDecay));
        FloatVector b1 = FloatVector.broadcast(F, (float) beta1);
        FloatVector oneMinusB1 = FloatVector.broadcast(F, (float) (1 - beta1));
        FloatVector b2 = FloatVector.broadcast(F, (float) beta2);
        FloatVector oneMinusB2 = FloatVector.broadcast(F, (float) (1 - beta2));
        FloatVector bc2Sqrt = FloatVector.broadcast(F, (float) biasCorrection2Sqrt());
        FloatVector epsV = FloatVector.broadcast(F, (float) eps);
        FloatVector negStep = FloatVector.broadcast(F, (float) negStepSize());
        for (int i = 0; i < n; i += F.length()) {
            FloatVector pv = FloatVector.fromArray(F, p, po + i);
            FloatVector gv = grad(FloatVector.fromArray(F, g, go + i), pv, maximize, l2, wd);
            if (shrink) {
                pv = pv.mul(shrinkBy);
            }
            FloatVector mv = mulAdd(FloatVector.fromArray(F, m, mo + i), b1, gv, oneMinusB1);
            FloatVector vv = mulAddSquare(FloatVector.fromArray(F, v, vo + i), b2, gv, oneMinusB2);
            mv.intoArray(m, mo + i);
            vv.intoArray(v, vo + i);
            if (amsgrad) {
                vv = FloatVector.fromArray(F, vmax, xo + i).max(vv);
                vv.intoArray(vmax, xo + i);
            }
            FloatVector denom = vv.sqrt().div(bc2Sqrt).add(epsV);
            addcdiv(pv, mv, negStep, denom).intoArray(p, po + i);
        }
    }

    @Override
    protected void doubles(double[][] a, int[] o, int n) {
        double[] p = a[0];
        double[] m = a[1];
        double[] v = a[2];
        double[] vmax = a[3];
        double[] g = a[4];
        int po = o[0];
        int mo = o[1];
        int vo = o[2];
        int xo = o[3];
        int go = o[4];
        boolean l2 = weightDecay != 0 && !decoupled;
        boolean shrink = decoupled;
        DoubleVector wd = DoubleVector.broadcast(D, weightDecay);
        DoubleVector shrinkBy = DoubleVector.broadcast(D, 1 - lr * weightDecay);
        DoubleVector b1 = DoubleVector.broadcast(D, beta1);
        DoubleVector oneMinusB1 = DoubleVector.broadcast(D, 1 - beta1);
        DoubleVector b2 = DoubleVector.broadcast(D, beta2);
        DoubleVector oneMinusB2 = DoubleVector.broadcast(D, 1 - beta2);
        DoubleVector bc2Sqrt = DoubleVector.broadcast(D, biasCorrection2Sqrt());
        DoubleVector epsV = DoubleVector.broadcast(D, eps);
        DoubleVector negStep = DoubleVector.broadcast(D, negStepSize());
        for (int i = 0; i < n; i += D.length()) {
            DoubleVector pv = DoubleVector.fromArray(D, p, po + i);
            DoubleVector gv = grad(DoubleVector.fromArray(D, g, go + i), pv, maximize, l2, wd);
            if (shrink) {
                pv = pv.mul(shrinkBy);
            }
            DoubleVector mv = mulAdd(DoubleVector.fromArray(D, m, mo + i), b1, gv, oneMinusB1);
            DoubleVector vv = mulAddSquare(DoubleVector.fromArray(D, v, vo + i), b2, gv, oneMinusB2);
            mv.intoArray(m, mo + i);
            vv.intoArray(v, vo + i);
            if (amsgrad) {
                vv = DoubleVector.fromArray(D, vmax, xo + i).max(vv);
                vv.intoArray(vmax, xo + i);
            }
            DoubleVector denom = vv.sqrt().div(bc2Sqrt).add(epsV);
            addcdiv(pv, mv, negStep, denom).intoArray(p, po + i);
        }
    }

    @Override
    protected void onDevice(Tensor[] written, Tensor[] read) {
        Tensor param = written[0];
        Tensor expAvg = written[1];
        Tensor expAvgSq = written[2];
        Tensor grad = DeviceSteps.grad(read[0], param, maximize, decoupled ? 0 : weightDecay);
        if (decoupled) {
            param.mul_(1 - lr * weightDecay);
        }
        DeviceSteps.mulAdd_(expAvg, beta1, grad, 1 - beta1);
        DeviceSteps.mulAddSquare_(expAvgSq, beta2, grad, 1 - beta2);
        Tensor second = amsgrad ? DeviceSteps.maximum_(written[3], expAvgSq) : expAvgSq;
        Tensor denom = second.sqrt().div_(biasCorrection2Sqrt()).add_(eps);
        DeviceSteps.addcdiv_(param, expAvg, denom, negStepSize());
    }
}
