package org.torch4j.internal;

import java.util.EnumMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.torch4j.Device;
import org.torch4j.Tensor;
import org.torch4j.internal.cpu.CpuBackend;

/**
 * Picks the op table implementation for a call, as PyTorch's dispatcher does with dispatch keys: the
 * autograd layer when grad mode is on and an input requires grad, otherwise the backend of the inputs'
 * device. Also checks that the inputs share a device (0-dim CPU scalars may join any device).
 */
public final class Dispatcher {
    private static final Map<Device.Type, OpTable> BACKENDS = new EnumMap<>(Device.Type.class);
    private static final AutogradHook AUTOGRAD;

    static {
        BACKENDS.put(Device.Type.CPU, CpuBackend.INSTANCE);
        for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) {
            BACKENDS.put(p.deviceType(), p.table());
        }
        AUTOGRAD = ServiceLoader.load(AutogradHook.class).findFirst().orElse(null);
    }

    private Dispatcher() {
    }

    /** The backend for a device, bypassing autograd (what the autograd layer calls below itself). */
    public static OpTable backend(Device device) {
        OpTable table = BACKENDS.get(device.type());
        if (table == null) {
            throw new IllegalStateException("No backend for device " + device
                    + ": add torch4j-" + device.type().name().toLowerCase() + " to the class path");
        }
        return table;
    }

    /** The registered autograd module, or null. */
    public static AutogradHook autograd() {
        return AUTOGRAD;
    }

    /** The table for an op on one tensor. */
    public static OpTable of(Tensor x) {
        if (AUTOGRAD != null && x.requiresGrad() && GradMode.isEnabled()) {
            return AUTOGRAD.layer();
        }
        return backend(x.device());
    }

    /** The table for an op on two tensors. */
    public static OpTable of(Tensor a, Tensor b) {
        Device device = commonDevice(a, b);
        if (AUTOGRAD != null && (a.requiresGrad() || b.requiresGrad()) && GradMode.isEnabled()) {
            return AUTOGRAD.layer();
        }
        return backend(device);
    }

    /** The table for an op on any number of tensors. */
    public static OpTable of(Tensor... tensors) {
        Tensor anchor = tensors[0];
        boolean needsGrad = false;
        for (Tensor t : tensors) {
            commonDevice(anchor, t);
            if (anchor.device().isCpu() && anchor.dim() == 0) {
                anchor = t;
            }
            needsGrad |= t.requiresGrad();
        }
        if (AUTOGRAD != null && needsGrad && GradMode.isEnabled()) {
            return AUTOGRAD.layer();
        }
        return backend(anchor.device());
    }

    /** The device two operands run on; PyTorch's error when they differ. */
    public static Device commonDevice(Tensor a, Tensor b) {
        Device da = a.device();
        Device db = b.device();
        if (da.equals(db)) {
            return da;
        }
        if (db.isCpu() && b.dim() == 0) {
            return da;
        }
        if (da.isCpu() && a.dim() == 0) {
            return db;
        }
        throw new IllegalArgumentException("Expected all tensors to be on the same device, but found at least two devices, "
                + da + " and " + db + "!");
    }
}
