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

    /** These options with {@code dtype=d}. */
    public TensorOptions dtype(DType d) {
        return new TensorOptions(d, device, requiresGrad);
    }

    /** These options with {@code device=d}. */
    public TensorOptions device(Device d) {
        return new TensorOptions(dtype, d, requiresGrad);
    }

    /** These options with {@code requires_grad=r}. */
    public TensorOptions requiresGrad(boolean r) {
        return new TensorOptions(dtype, device, r);
    }

    /** The {@code dtype=} argument. */
    public DType dtype() {
        return dtype;
    }

    /** The {@code device=} argument. */
    public Device device() {
        return device;
    }

    /** The {@code requires_grad=} argument. */
    public boolean requiresGrad() {
        return requiresGrad;
    }
}
