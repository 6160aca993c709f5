package org.torch4j.optim.internal;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.torch4j.DType;
import org.torch4j.Device;
import org.torch4j.Tensor;
import org.torch4j.internal.CpuStorage;
import org.torch4j.internal.GradMode;
import org.torch4j.internal.Parallel;

/**
 * One optimizer's update of one parameter as a single fused Vector API loop over the parameter, its gradient and
 * its state buffers: the work of PyTorch's single-tensor ({@code _single_tensor_*}) code without its temporary
 * tensors, with the same floating-point operations in the same order (so float32 trajectories match PyTorch).
 *
 * <p>Subclasses hold the step's scalars and write {@link #floats} and {@link #doubles}: loops over whole vectors of
 * the operand arrays. {@link #apply} hands them the arrays of contiguous CPU operands directly (and bumps the
 * written tensors' version counters as an in-place op does); other operands of a CPU parameter (strided, or of
 * another dtype) go through a contiguous copy that is copied back. The tail shorter than a vector runs through the same loop on
 * zero-padded copies, so every element sees exactly the same operations; above ATen's grain size the body is split
 * over the intra-op pool (elementwise, so the bits do not depend on the split). The static helpers below are the
 * per-vector steps several optimizers share; they are small and static, so C2 inlines them into each loop and the
 * vectors stay in registers.
 *
 * <p>A parameter on another device (CUDA) never comes to the host: subclasses also write {@link #onDevice}, PyTorch's
 * single-tensor ops run on that device (with the shared steps of {@link DeviceSteps}).
 */
public abstract class FusedUpdate {
    /** The float32 species. */
    protected static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    /** The float64 species. */
    protected static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    /**
     * The gradient as the update uses it, PyTorch's {@code grad = -grad if maximize else grad} then (with
     * {@code decay}, that is {@code weight_decay != 0}) {@code grad = grad.add(param, alpha=weight_decay)} as one FMA.
     */
    protected static FloatVector grad(FloatVector g, FloatVector param, boolean maximize, boolean decay,
            FloatVector weightDecay) {
        FloatVector d = maximize ? g.neg() : g;
        return decay ? param.fma(weightDecay, d) : d;
    }

    /** The float64 form of {@link #grad(FloatVector, FloatVector, boolean, boolean, FloatVector)}. */
    protected static DoubleVector grad(DoubleVector g, DoubleVector param, boolean maximize, boolean decay,
            DoubleVector weightDecay) {
        DoubleVector d = maximize ? g.neg() : g;
        return decay ? param.fma(weightDecay, d) : d;
    }

    /**
     * A running average, {@code avg.mul_(beta).add_(x, alpha=weight)}: {@code x * weight + avg * beta} with the
     * product and sum fused (PyTorch's CPU kernel of {@code add} with {@code alpha}).
     */
    protected static FloatVector mulAdd(FloatVector avg, FloatVector beta, FloatVector x, FloatVector weight) {
        return x.fma(weight, avg.mul(beta));
    }

    /** The float64 form of {@link #mulAdd(FloatVector, FloatVector, FloatVector, FloatVector)}. */
    protected static DoubleVector mulAdd(DoubleVector avg, DoubleVector beta, DoubleVector x, DoubleVector weight) {
        return x.fma(weight, avg.mul(beta));
    }

    /**
     * A running average of squares, {@code avg.mul_(beta).addcmul_(x, x, value=weight)}:
     * {@code (x * weight) * x + avg * beta} with the last product and the sum fused.
     */
    protected static FloatVector mulAddSquare(FloatVector avg, FloatVector beta, FloatVector x, FloatVector weight) {
        return x.mul(weight).fma(x, avg.mul(beta));
    }

    /** The float64 form of {@link #mulAddSquare(FloatVector, FloatVector, FloatVector, FloatVector)}. */
    protected static DoubleVector mulAddSquare(DoubleVector avg, DoubleVector beta, DoubleVector x,
            DoubleVector weight) {
        return x.mul(weight).fma(x, avg.mul(beta));
    }

    /** {@code param.addcdiv_(x, denom, value=value)}: {@code param + x * value / denom}. */
    protected static FloatVector addcdiv(FloatVector param, FloatVector x, FloatVector value, FloatVector denom) {
        return param.add(x.mul(value).div(denom));
    }

    /** The float64 form of {@link #addcdiv(FloatVector, FloatVector, FloatVector, FloatVector)}. */
    protected static DoubleVector addcdiv(DoubleVector param, DoubleVector x, DoubleVector value,
            DoubleVector denom) {
        return param.add(x.mul(value).div(denom));
    }

    /**
     * Updates elements {@code [0, n)}, {@code n} a multiple of {@code F.length()}. Operand {@code k} is
     * {@code a[k][o[k] + i]}; {@code a[k]} is null for an absent optional operand.
     */
    protected abstract void floats(float[][] a, int[] o, int n);

    /** The float64 form of {@link #floats}; {@code n} a multiple of {@code D.length()}. */
    protected abstract void doubles(double[][] a, int[] o, int n);

    /**
     * The update of a parameter on a device other than the CPU, as PyTorch's {@code _single_tensor_*} code runs it
     * there (non-capturable: the scalars are Java doubles): the same tensor ops in the same order, in place on the
     * {@code written} tensors (same order and nulls as in {@link #apply}); {@code read} are on the parameter's
     * device and of its dtype. Runs without grad mode.
     */
    protected abstract void onDevice(Tensor[] written, Tensor[] read);

    /**
     * Runs the update. {@code written} are the tensors the update writes (the parameter first, then state buffers;
     * null for an absent optional buffer), {@code read} the ones it only reads (the gradient); operand indices
     * follow that order. All have the parameter's shape; the parameter's dtype must be float32 or float64.
     */
    public final void apply(Tensor[] written, Tensor... read) {
        DType dtype = written[0].dtype();
        if (dtype != DType.FLOAT32 && dtype != DType.FLOAT64) {
            throw new IllegalArgumentException("torch4j optimizers update float32 and float64 parameters, but got "
                    + dtype);
        }
        if (!written[0].device().isCpu()) {
            applyOnDevice(written, read, dtype);
            return;
        }
        int k = written.length + read.length;
        int n = written[0].numel();
        boolean direct = true;
        for (int i = 0; i < k; i++) {
            direct &= isDirect(operand(written, read, i), dtype);
        }
        if (direct) {
            // the usual case: the loops work on every operand's own array, no copies
            run(written, read, n, dtype == DType.FLOAT32);
            for (Tensor t : written) {
                if (t != null) {
                    t.storage().bumpVersion();
                }
            }
            return;
        }
        Tensor[] work = new Tensor[k];
        for (int i = 0; i < k; i++) {
            Tensor t = operand(written, read, i);
            work[i] = t == null ? null : t.to(Device.CPU).to(dtype).contiguous();
        }
        run(work, new Tensor[0], n, dtype == DType.FLOAT32);
        for (int i = 0; i < written.length; i++) {
            Tensor t = written[i];
            if (t == null) {
                continue;
            }
            if (work[i] == t) {
                t.storage().bumpVersion();
            } else {
                t.copy_(work[i]);
            }
        }
    }

    /**
     * {@link #onDevice} for a parameter on a device: read operands held elsewhere or in another dtype (LBFGS's
     * direction is a float64 host vector) are moved to the parameter's device and dtype first; nothing is copied to
     * the host.
     */
    private void applyOnDevice(Tensor[] written, Tensor[] read, DType dtype) {
        Device device = written[0].device();
        Tensor[] operands = new Tensor[read.length];
        for (int i = 0; i < read.length; i++) {
            operands[i] = read[i].to(dtype).to(device);
        }
        boolean previous = GradMode.set(false);
        try {
            onDevice(written, operands);
        } finally {
            GradMode.set(previous);
        }
    }

    /** Whether the loops can work on the tensor's own array: absent, or a contiguous CPU tensor of the dtype. */
    private static boolean isDirect(Tensor t, DType dtype) {
        return t == null || t.device().isCpu() && t.dtype() == dtype && t.isContiguous();
    }

    /** Operand {@code i} of the update: {@code first[i]}, then {@code rest[i - first.length]}. */
    private static Tensor operand(Tensor[] first, Tensor[] rest, int i) {
        return i < first.length ? first[i] : rest[i - first.length];
    }

    /**
     * The update over operands that are contiguous CPU tensors (or null): {@code written} first, then {@code read}
     * (see {@link #operand}); only the written ones are copied back from the padded tail rows.
     */
    private void run(Tensor[] written, Tensor[] read, int n, boolean single) {
        int k = written.length + read.length;
        int[] o = new int[k];
        if (single) {
            float[][] a = new float[k][];
            for (int i = 0; i < k; i++) {
                Tensor t = operand(written, read, i);
                if (t != null) {
                    a[i] = ((CpuStorage) t.storage()).floats();
                    o[i] = t.storageOffset();
                }
            }
            int lanes = F.length();
            int body = n - n % lanes;
            if (body > Parallel.GRAIN_SIZE) {
                Parallel.forRange(body / lanes, Parallel.GRAIN_SIZE / lanes,
                        (first, end) -> floats(a, shifted(o, first * lanes), (end - first) * lanes));
            } else if (body > 0) {
                floats(a, o, body);
            }
            if (body < n) {
                TailRows tail = TailRows.of(k);
                float[][] pad = tail.floatRows(a, lanes);
                for (int i = 0; i < k; i++) {
                    if (a[i] != null) {
                        System.arraycopy(a[i], o[i] + body, pad[i], 0, n - body);
                        Arrays.fill(pad[i], n - body, lanes, 0);
                    }
                }
                floats(pad, tail.zeros, lanes);
                for (int i = 0; i < written.length; i++) {
                    if (a[i] != null) {
                        System.arraycopy(pad[i], 0, a[i], o[i] + body, n - body);
                    }
                }
            }
        } else {
            double[][] a = new double[k][];
            for (int i = 0; i < k; i++) {
                Tensor t = operand(written, read, i);
                if (t != null) {
                    a[i] = ((CpuStorage) t.storage()).doubles();
                    o[i] = t.storageOffset();
                }
            }
            int lanes = D.length();
            int body = n - n % lanes;
            if (body > Parallel.GRAIN_SIZE) {
                Parallel.forRange(body / lanes, Parallel.GRAIN_SIZE / lanes,
                        (first, end) -> doubles(a, shifted(o, first * lanes), (end - first) * lanes));
            } else if (body > 0) {
                doubles(a, o, body);
            }
            if (body < n) {
                TailRows tail = TailRows.of(k);
                double[][] pad = tail.doubleRows(a, lanes);
                for (int i = 0; i < k; i++) {
                    if (a[i] != null) {
                        System.arraycopy(a[i], o[i] + body, pad[i], 0, n - body);
                        Arrays.fill(pad[i], n - body, lanes, 0);
                    }
                }
                doubles(pad, tail.zeros, lanes);
                for (int i = 0; i < written.length; i++) {
                    if (a[i] != null) {
                        System.arraycopy(pad[i], 0, a[i], o[i] + body, n - body);
                    }
                }
            }
        }
    }

    /** The operand offsets {@code o} moved {@code by} elements on (for one thread's part of the body). */
    private static int[] shifted(int[] o, int by) {
        int[] from = o.clone();
        for (int i = 0; i < from.length; i++) {
            from[i] += by;
        }
        return from;
    }
}
