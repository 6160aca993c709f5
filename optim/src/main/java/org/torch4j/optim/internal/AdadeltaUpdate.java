package org.torch4j.optim.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import org.torch4j.Tensor;

/**
 * {@code torch.optim.adadelta._single_tensor_adadelta} for one parameter. Operands: 0 param, 1 square_avg,
 * 2 acc_delta, 3 grad.
 */
public final class AdadeltaUpdate extends FusedUpdate {
    private final double lr;
    private final double rho;
    private final double eps;
    private final double weightDecay;
    private final boolean maximize;

    /** The update with the group's options. */
    public AdadeltaUpdate(double lr, double rho, double eps, double weightDecay, boolean maximize) {
        this.lr = lr;
        this.rho = rho;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.maximize = maximize;
    }

    @Override
    protected void floats(float[][] a, int[] o, int n) {
        float[] p = a[0];
        float[] sq = a[1];
        float[] acc = a[2];
        float[] g = a[3];
        int po = o[0];
        int so = o[1];
        int ao = o[2];
        int go = o[3];
        boolean decay = weightDecay != 0;
        FloatVector wd = FloatVector.broadcast(F, (float) weightDecay);
        FloatVector rhoV = FloatVector.broadcast(F, (float) rho);
        FloatVector oneMinusRho = FloatVector.broadcast(F, (float) (1 - rho));
        FloatVector epsV = FloatVector.broadcast(F, (float) eps);
        FloatVector negLr = FloatVector.broadcast(F, (float) -lr);
        for (int i = 0; i < n; i += F.length()) {
            FloatVector pv = FloatVector.fromArray(F, p, po + i);
            FloatVector gv = grad(FloatVector.fromArray(F, g, go + i), pv, maximize, decay, wd);
            FloatVector sv = mulAddSquare(FloatVector.fromArray(F, sq, so + i), rhoV, gv, oneMinusRho);
            sv.intoArray(sq, so + i);
            FloatVector std = sv.add(epsV).sqrt();
            FloatVector av = FloatVector.fromArray(F, acc, ao + i);
            FloatVector delta = av.add(epsV).sqrt().div(std).mul(gv);
            mulAddSquare(av, rhoV, delta, oneMinusRho).intoArray(acc, ao + i);
            delta.fma(negLr, pv).intoArray(p, po + i);
        }
    }

    @Override
    protected void doubles(double[][] a, int[] o, int n) {
        double[] p = a[0];
        double[] sq = a[1];
        double[] acc = a[2];
        double[] g = a[3];
        int po = o[0];
        int so = o[1];
        int ao = o[2];
        int go = o[3];
        boolean decay = weightDecay != 0;
        DoubleVector wd = DoubleVector.broadcast(D, weightDecay);
        DoubleVector rhoV = DoubleVector.broadcast(D, rho);
        DoubleVector oneMinusRho = DoubleVector.broadcast(D, 1 - rho);
        DoubleVector epsV = DoubleVector.broadcast(D, eps);
        DoubleVector negLr = DoubleVector.broadcast(D, -lr);
        for (int i = 0; i < n; i += D.length()) {
            DoubleVector pv = DoubleVector.fromArray(D, p, po + i);
            DoubleVector gv = grad(DoubleVector.fromArray(D, g, go + i), pv, maximize, decay, wd);
            DoubleVector sv = mulAddSquare(DoubleVector.fromArray(D, sq, so + i), rhoV, gv, oneMinusRho);
            sv.intoArray(sq, so + i);
            DoubleVector std = sv.add(epsV).sqrt();
            DoubleVector av = DoubleVector.fromArray(D, acc, ao + i);
            DoubleVector delta = av.add(epsV).sqrt().div(std).mul(gv);
            mulAddSquare(av, rhoV, delta, oneMinusRho).intoArray(acc, ao + i);
            delta.fma(negLr, pv).intoArray(p, po + i);
        }
    }

    @Override
    protected void onDevice(Tensor[] written, Tensor[] read) {
        Tensor param = written[0];
        Tensor squareAvg = written[1];
        Tensor accDelta = written[2];
        Tensor grad = DeviceSteps.grad(read[0], param, maximize, weightDecay);
        DeviceSteps.mulAddSquare_(squareAvg, rho, grad, 1 - rho);
        Tensor std = squareAvg.add(eps).sqrt_();
        Tensor delta = accDelta.add(eps).sqrt_().div_(std).mul_(grad);
        DeviceSteps.mulAddSquare_(accDelta, rho, delta, 1 - rho);
        param.add_(delta, -lr);
    }
}
