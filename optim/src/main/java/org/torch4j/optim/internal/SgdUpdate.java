package org.torch4j.optim.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import org.torch4j.Tensor;

/**
 * {@code torch.optim.sgd._single_tensor_sgd} for one parameter. Operands: 0 param, 1 momentum buffer (null without
 * momentum), 2 grad. On the first step with momentum the buffer is written with the gradient, as PyTorch's
 * {@code torch.clone(d_p)}.
 */
public final class SgdUpdate extends FusedUpdate {
    private final double lr;
    private final double momentum;
    private final double dampening;
    private final double weightDecay;
    private final boolean nesterov;
    private final boolean maximize;
    private final boolean firstStep;

    /** The update with the group's options; {@code firstStep} when the momentum buffer is new. */
    public SgdUpdate(double lr, double momentum, double dampening, double weightDecay, boolean nesterov,
            boolean maximize, boolean firstStep) {
        this.lr = lr;
        this.momentum = momentum;
        this.dampening = dampening;
        this.weightDecay = weightDecay;
        this.nesterov = nesterov;
        this.maximize = maximize;
        this.firstStep = firstStep;
    }

    @Override
    protected void floats(float[][] a, int[] o, int n) {
        float[] p = a[0];
        float[] buf = a[1];
        float[] g = a[2];
        int po = o[0];
        int bo = o[1];
        int go = o[2];
        boolean decay = weightDecay != 0;
        boolean useMomentum = momentum != 0;
        // only the vectors this configuration uses are built (plain SGD needs just the learning rate)
        FloatVector wd = decay ? FloatVector.broadcast(F, (float) weightDecay) : null;
        FloatVector momV = useMomentum ? FloatVector.broadcast(F, (float) momentum) : null;
        FloatVector damp = useMomentum ? FloatVector.broadcast(F, (float) (1 - dampening)) : null;
        FloatVector negLr = FloatVector.broadcast(F, (float) -lr);
        for (int i = 0; i < n; i += F.length()) {
            FloatVector pv = FloatVector.fromArray(F, p, po + i);
            FloatVector d = grad(FloatVector.fromArray(F, g, go + i), pv, maximize, decay, wd);
            if (useMomentum) {
                FloatVector b = firstStep ? d : mulAdd(FloatVector.fromArray(F, buf, bo + i), momV, d, damp);
                b.intoArray(buf, bo + i);
                d = nesterov ? b.fma(momV, d) : b;
            }
            d.fma(negLr, pv).intoArray(p, po + i);
        }
    }

    @Override
    protected void doubles(double[][] a, int[] o, int n) {
        double[] p = a[0];
        double[] buf = a[1];
        double[] g = a[2];
        int po = o[0];
        int bo = o[1];
        int go = o[2];
        boolean decay = weightDecay != 0;
        boolean useMomentum = momentum != 0;
        // only the vectors this configuration uses are built (plain SGD needs just the learning rate)
        DoubleVector wd = decay ? DoubleVector.broadcast(D, weightDecay) : null;
        DoubleVector momV = useMomentum ? DoubleVector.broadcast(D, momentum) : null;
        DoubleVector damp = useMomentum ? DoubleVector.broadcast(D, 1 - dampening) : null;
        DoubleVector negLr = DoubleVector.broadcast(D, -lr);
        for (int i = 0; i < n; i += D.length()) {
            DoubleVector pv = DoubleVector.fromArray(D, p, po + i);
            DoubleVector d = grad(DoubleVector.fromArray(D, g, go + i), pv, maximize, decay, wd);
            if (useMomentum) {
                DoubleVector b = firstStep ? d : mulAdd(DoubleVector.fromArray(D, buf, bo + i), momV, d, damp);
                b.intoArray(buf, bo + i);
                d = nesterov ? b.fma(momV, d) : b;
            }
            d.fma(negLr, pv).intoArray(p, po + i);
        }
    }

    @Override
    protected void onDevice(Tensor[] written, Tensor[] read) {
        Tensor param = written[0];
        Tensor d = DeviceSteps.grad(read[0], param, maximize, weightDecay);
        if (momentum != 0) {
            // the new buffer (zeros) takes the gradient, as PyTorch's torch.clone(d_p)
            Tensor buf = firstStep ? written[1].copy_(d) : DeviceSteps.mulAdd_(written[1], momentum, d, 1 - dampening);
            d = nesterov ? d.add(buf, momentum) : buf;
        }
        param.add_(d, -lr);
    }
}
