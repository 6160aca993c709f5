package org.torch4j.optim.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import org.torch4j.Tensor;

/**
 * {@code torch.optim.nadam._single_tensor_nadam} for one parameter. Operands: 0 param, 1 exp_avg, 2 exp_avg_sq,
 * 3 grad. The momentum product is computed by the caller (PyTorch keeps it in a float32 0-dim tensor).
 */
public final class NadamUpdate extends FusedUpdate {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final double biasCorrection2;
    private final double gradScale;
    private final double avgScale;

    /**
     * The update of step number {@code step}, with {@code mu}, {@code muNext} and the momentum products (already
     * multiplied by this step's mu) that {@code NAdam} tracks.
     */
    public NadamUpdate(double lr, double beta1, double beta2, double eps, double weightDecay, long step, double mu,
            double muNext, double muProduct, double muProductNext) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.biasCorrection2 = 1 - Math.pow(beta2, step);
        this.gradScale = -lr * (1. - mu) / (1. - muProduct);
        this.avgScale = -lr * muNext / (1. - muProductNext);
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
        FloatVector bc2 = FloatVector.broadcast(F, (float) biasCorrection2);
        FloatVector epsV = FloatVector.broadcast(F, (float) eps);
        FloatVector gScale = FloatVector.broadcast(F, (float) gradScale);
        FloatVector mScale = FloatVector.broadcast(F, (float) avgScale);
        for (int i = 0; i < n; i += F.length()) {
            FloatVector pv = FloatVector.fromArray(F, p, po + i);
            FloatVector gv = grad(FloatVector.fromArray(F, g, go + i), pv, false, decay, wd);
            FloatVector mv = mulAdd(FloatVector.fromArray(F, m, mo + i), b1, gv, oneMinusB1);
            FloatVector vv = mulAddSquare(FloatVector.fromArray(F, v, vo + i), b2, gv, oneMinusB2);
            mv.intoArray(m, mo + i);
            vv.intoArray(v, vo + i);
            FloatVector denom = vv.div(bc2).sqrt().add(epsV);
            addcdiv(addcdiv(pv, gv, gScale, denom), mv, mScale, denom).intoArray(p, po + i);
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
        DoubleVector bc2 = DoubleVector.broadcast(D, biasCorrection2);
        DoubleVector epsV = DoubleVector.broadcast(D, eps);
        DoubleVector gScale = DoubleVector.broadcast(D, gradScale);
        DoubleVector mScale = DoubleVector.broadcast(D, avgScale);
        for (int i = 0; i < n; i += D.length()) {
            DoubleVector pv = DoubleVector.fromArray(D, p, po + i);
            DoubleVector gv = grad(DoubleVector.fromArray(D, g, go + i), pv, false, decay, wd);
            DoubleVector mv = mulAdd(DoubleVector.fromArray(D, m, mo + i), b1, gv, oneMinusB1);
            DoubleVector vv = mulAddSquare(DoubleVector.fromArray(D, v, vo + i), b2, gv, oneMinusB2);
            mv.intoArray(m, mo + i);
            vv.intoArray(v, vo + i);
            DoubleVector denom = vv.div(bc2).sqrt().add(epsV);
            addcdiv(addcdiv(pv, gv, gScale, denom), mv, mScale, denom).intoArray(p, po + i);
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
        Tensor denom = expAvgSq.div(biasCorrection2).sqrt_().add_(eps);
        DeviceSteps.addcdiv_(param, grad, denom, gradScale);
        DeviceSteps.addcdiv_(param, expAvg, denom, avgScale);
    }
}
