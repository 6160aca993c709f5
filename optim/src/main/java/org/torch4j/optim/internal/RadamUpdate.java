package org.torch4j.optim.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import org.torch4j.Tensor;

/**
 * {@code torch.optim.radam._single_tensor_radam} for one parameter. Operands: 0 param, 1 exp_avg, 2 exp_avg_sq,
 * 3 grad. While the variance is intractable ({@code rho_t <= 5}) the step is plain momentum SGD.
 */
public final class RadamUpdate extends FusedUpdate {
    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final double biasCorrection1;
    private final double biasCorrection2Sqrt;
    private final boolean rectified;
    private final double rect;

    /** The update of step number {@code step} (1 for the first). */
    public RadamUpdate(double lr, double beta1, double beta2, double eps, double weightDecay, long step) {
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.biasCorrection1 = 1 - Math.pow(beta1, step);
        double biasCorrection2 = 1 - Math.pow(beta2, step);
        this.biasCorrection2Sqrt = Math.sqrt(biasCorrection2);
        double rhoInf = 2 / (1 - beta2) - 1;
        double rhoT = rhoInf - 2 * step * Math.pow(beta2, step) / biasCorrection2;
        this.rectified = rhoT > 5.;
        this.rect = Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
    }

    @Override
    protected void floats(float[][] a, int[] o, int n) {
        float[] p = a[0];
        float[] m = a[1];
        float[] v = a[2];
        float[] g = a[3];
        int po = o[0];
        int mo = o[1];
        int vo = o[2];
        int go = o[3];
        boolean decay = weightDecay != 0;
        FloatVector wd = FloatVector.broadcast(F, (float) weightDecay);
        FloatVector b1 = FloatVector.broadcast(F, (float) beta1);
        FloatVector oneMinusB1 = FloatVector.broadcast(F, (float) (1 - beta1));
        FloatVector b2 = FloatVector.broadcast(F, (float) beta2);
        FloatVector oneMinusB2 = FloatVector.broadcast(F, (float) (1 - beta2));
        FloatVector bc1 = FloatVector.broadcast(F, (float) biasCorrection1);
        FloatVector bc2Sqrt = FloatVector.broadcast(F, (float) biasCorrection2Sqrt);
        FloatVector epsV = FloatVector.broadcast(F, (float) eps);
        FloatVector lrV = FloatVector.broadcast(F, (float) lr);
        FloatVector rectV = FloatVector.broadcast(F, (float) rect);
        FloatVector one = FloatVector.broadcast(F, 1f);
        for (int i = 0; i < n; i += F.length()) {
            FloatVector pv = FloatVector.fromArray(F, p, po + i);
            FloatVector gv = grad(FloatVector.fromArray(F, g, go + i), pv, false, decay, wd);
            FloatVector mv = mulAdd(FloatVector.fromArray(F, m, mo + i), b1, gv, oneMinusB1);
            FloatVector vv = mulAddSquare(FloatVector.fromArray(F, v, vo + i), b2, gv, oneMinusB2);
            mv.intoArray(m, mo + i);
            vv.intoArray(v, vo + i);
            FloatVector stepV = mv.div(bc1).mul(lrV);
            if (rectified) {
                FloatVector adaptive = one.div(vv.sqrt().add(epsV)).mul(bc2Sqrt);
                stepV = stepV.mul(adaptive).mul(rectV);
            }
            pv.sub(stepV).intoArray(p, po + i);
        }
    }

    @Override
    protected void doubles(double[][] a, int[] o, int n) {
        double[] p = a[0];
        double[] m = a[1];
        double[] v = a[2];
        double[] g = a[3];
        int po = o[0];
        int mo = o[1];
        int vo = o[2];
        int go = o[3];
        boolean decay = weightDecay != 0;
        DoubleVector wd = DoubleVector.broadcast(D, weightDecay);
        DoubleVector b1 = DoubleVector.broadcast(D, beta1);
        DoubleVector oneMinusB1 = DoubleVector.broadcast(D, 1 - beta1);
        DoubleVector b2 = DoubleVector.broadcast(D, beta2);
        DoubleVector oneMinusB2 = DoubleVector.broadcast(D, 1 - beta2);
        DoubleVector bc1 = DoubleVector.broadcast(D, biasCorrection1);
        DoubleVector bc2Sqrt = DoubleVector.broadcast(D, biasCorrection2Sqrt);
        DoubleVector epsV = DoubleVector.broadcast(D, eps);
        DoubleVector lrV = DoubleVector.broadcast(D, lr);
        DoubleVector rectV = DoubleVector.broadcast(D, rect);
        DoubleVector one = DoubleVector.broadcast(D, 1.0);
        for (int i = 0; i < n; i += D.length()) {
            DoubleVector pv = DoubleVector.fromArray(D, p, po + i);
            DoubleVector gv = grad(DoubleVector.fromArray(D, g, go + i), pv, false, decay, wd);
            DoubleVector mv = mulAdd(DoubleVector.fromArray(D, m, mo + i), b1, gv, oneMinusB1);
            DoubleVector vv = mulAddSquare(DoubleVector.fromArray(D, v, vo + i), b2, gv, oneMinusB2);
            mv.intoArray(m, mo + i);
            vv.intoArray(v, vo + i);
            DoubleVector stepV = mv.div(bc1).mul(lrV);
            if (rectified) {
                DoubleVector adaptive = one.div(vv.sqrt().add(epsV)).mul(bc2Sqrt);
                stepV = stepV.mul(adaptive).mul(rectV);
            }
            pv.sub(stepV).intoArray(p, po + i);
        }
    }

    @Override
    protected void onDevice(Tensor[] written, Tensor[] read) {
        Tensor param = written[0];
        Tensor expAvg = written[1];
        Tensor expAvgSq = written[2];
        Tensor grad = DeviceSteps.grad(read[0], param, false, weightDecay);
        DeviceSteps.mulAdd_(expAvg, beta1, grad, 1 - beta1);
        DeviceSteps.mulAddSquare_(expAvgSq, beta2, grad, 1 - beta2);
        Tensor step = expAvg.div(biasCorrection1).mul_(lr);
        if (rectified) {
            // PyTorch's math.sqrt(bias_correction2) / tensor is tensor.reciprocal() * float
            Tensor adaptive = expAvgSq.sqrt().add_(eps).reciprocal().mul_(biasCorrection2Sqrt);
            step.mul_(adaptive).mul_(rect);
        }
        param.add_(step, -1.0);
    }
}
