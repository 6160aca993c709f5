package org.torch4j.optim.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import org.torch4j.Tensor;

/**
 * {@code torch.optim.rmsprop._single_tensor_rmsprop} for one parameter. Operands: 0 param, 1 square_avg,
 * 2 grad_avg (null unless centered), 3 momentum_buffer (null without momentum), 4 grad.
 */
public final class RmspropUpdate extends FusedUpdate {
    private final double lr;
    private final double alpha;
    private final double eps;
    private final double weightDecay;
    private final double momentum;
    private final boolean centered;
    private final boolean maximize;

    /** The update with the group's options. */
    public RmspropUpdate(double lr, double alpha, double eps, double weightDecay, double momentum, boolean centered,
            boolean maximize) {
        this.lr = lr;
        this.alpha = alpha;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.momentum = momentum;
        this.centered = centered;
        this.maximize = maximize;
    }

    @Override
    protected void floats(float[][] a, int[] o, int n) {
        float[] p = a[0];
        float[] sq = a[1];
        float[] ga = a[2];
        float[] buf = a[3];
        float[] g = a[4];
        int po = o[0];
        int so = o[1];
        int ao = o[2];
        int bo = o[3];
        int go = o[4];
        boolean decay = weightDecay != 0;
        boolean useMomentum = momentum > 0;
        FloatVector wd = FloatVector.broadcast(F, (float) weightDecay);
        FloatVector alphaV = FloatVector.broadcast(F, (float) alpha);
        FloatVector oneMinusAlpha = FloatVector.broadcast(F, (float) (1 - alpha));
        FloatVector epsV = FloatVector.broadcast(F, (float) eps);
        FloatVector mom = FloatVector.broadcast(F, (float) momentum);
        FloatVector negLr = FloatVector.broadcast(F, (float) -lr);
        for (int i = 0; i < n; i += F.length()) {
            FloatVector pv = FloatVector.fromArray(F, p, po + i);
            FloatVector gv = grad(FloatVector.fromArray(F, g, go + i), pv, maximize, decay, wd);
            FloatVector sv = mulAddSquare(FloatVector.fromArray(F, sq, so + i), alphaV, gv, oneMinusAlpha);
            sv.intoArray(sq, so + i);
            FloatVector avg;
            if (centered) {
                FloatVector av = mulAdd(FloatVector.fromArray(F, ga, ao + i), alphaV, gv, oneMinusAlpha);
                av.intoArray(ga, ao + i);
                avg = av.neg().fma(av, sv).sqrt();
            } else {
                avg = sv.sqrt();
            }
            avg = avg.add(epsV);
            if (useMomentum) {
                FloatVector bv = FloatVector.fromArray(F, buf, bo + i).mul(mom).add(gv.div(avg));
                bv.intoArray(buf, bo + i);
                bv.fma(negLr, pv).intoArray(p, po + i);
            } else {
                addcdiv(pv, gv, negLr, avg).intoArray(p, po + i);
            }
        }
    }

    @Override
    protected void doubles(double[][] a, int[] o, int n) {
        double[] p = a[0];
        double[] sq = a[1];
        double[] ga = a[2];
        double[] buf = a[3];
        double[] g = a[4];
        int po = o[0];
        int so = o[1];
        int ao = o[2];
        int bo = o[3];
        int go = o[4];
        boolean decay = weightDecay != 0;
        boolean useMomentum = momentum > 0;
        DoubleVector wd = DoubleVector.broadcast(D, weightDecay);
        DoubleVector alphaV = DoubleVector.broadcast(D, alpha);
        DoubleVector oneMinusAlpha = DoubleVector.broadcast(D, 1 - alpha);
        DoubleVector epsV = DoubleVector.broadcast(D, eps);
        DoubleVector mom = DoubleVector.broadcast(D, momentum);
        DoubleVector negLr = DoubleVector.broadcast(D, -lr);
        for (int i = 0; i < n; i += D.length()) {
            DoubleVector pv = DoubleVector.fromArray(D, p, po + i);
            DoubleVector gv = grad(DoubleVector.fromArray(D, g, go + i), pv, maximize, decay, wd);
            DoubleVector sv = mulAddSquare(DoubleVector.fromArray(D, sq, so + i), alphaV, gv, oneMinusAlpha);
            sv.intoArray(sq, so + i);
            DoubleVector avg;
            if (centered) {
                DoubleVector av = mulAdd(DoubleVector.fromArray(D, ga, ao + i), alphaV, gv, oneMinusAlpha);
                av.intoArray(ga, ao + i);
                avg = av.neg().fma(av, sv).sqrt();
            } else {
                avg = sv.sqrt();
            }
            avg = avg.add(epsV);
            if (useMomentum) {
                DoubleVector bv = DoubleVector.fromArray(D, buf, bo + i).mul(mom).add(gv.div(avg));
                bv.intoArray(buf, bo + i);
                bv.fma(negLr, pv).intoArray(p, po + i);
            } else {
                addcdiv(pv, gv, negLr, avg).intoArray(p, po + i);
            }
        }
    }

    @Override
    protected void onDevice(Tensor[] written, Tensor[] read) {
        Tensor param = written[0];
        Tensor squareAvg = written[1];
        Tensor grad = DeviceSteps.grad(read[0], param, maximize, weightDecay);
        DeviceSteps.mulAddSquare_(squareAvg, alpha, grad, 1 - alpha);
        Tensor avg;
        if (centered) {
            Tensor gradAvg = DeviceSteps.mulAdd_(written[2], alpha, grad, 1 - alpha);
            avg = DeviceSteps.addcmul(squareAvg, gradAvg, gradAvg, -1).sqrt_();
        } else {
            avg = squareAvg.sqrt();
        }
        avg.add_(eps);
        if (momentum > 0) {
            Tensor buf = DeviceSteps.addcdiv_(written[3].mul_(momentum), grad, avg, 1);
            param.add_(buf, -lr);
        } else {
            DeviceSteps.addcdiv_(param, grad, avg, -lr);
        }
    }
}
