package org.torch4j;

/**
 * The keyword arguments of PyTorch's factory functions ({@code dtype=}, {@code device=},
 * {@code requires_grad=}); LibTorch's {@code TensorOptions}. Immutable: each setter returns a copy.
 */
public final class TensorOptions {
    private static final TensorOptions DEFAULT = new TensorOptions(DType.FLOAT32, Device.CPU, false);

    private final DType dtype;
    private final Device device;
    private final boolean requiresGrad;

    private TensorOptions(DType dtype, Device device, boolean requiresGrad) {
        this.dtype = dtype;
        this.device = device;
        this.requiresGrad = requiresGrad;
    }

    /** float32 on the CPU, no grad. */
    public static TensorOptions defaults() {
        return DEFAULT;
    }

    /** {@code dtype=d}. */
    public static TensorOptions ofDType(DType d) {
        return DEFAULT.dtype(d);
    }

    /** {@code device=d}. */
    public static TensorOptions ofDevice(Device d) {
        return DEFAULT.device(d);
    }

    public TensorOptions dtype(DType d) {
        return new TensorOptions(d, device, requiresGrad);
    }

    public TensorOptions device(Device d) {
        return new TensorOptions(dtype, d, requiresGrad);
    }

    public TensorOptions requiresGrad(boolean r) {
        return new TensorOptions(dtype, device, r);
    }

    public DType dtype() {
        return dtype;
    }

    public Device device() {
        return device;
    }

    public boolean requiresGrad() {
        return requiresGrad;
    }
}
