package org.torch4j.cuda;

import org.torch4j.cuda.internal.CudaRuntime;
import org.torch4j.cuda.internal.DeviceContext;

/**
 * The {@code torch.cuda} namespace: whether a GPU can be used, how many there are, synchronisation and the
 * caching allocator's statistics. Tensors move with {@code tensor.to(Device.cuda(i))}, {@code tensor.cuda()}
 * and {@code tensor.cpu()}; factories take {@code TensorOptions.device(...)}.
 */
public final class Cuda {
    private Cuda() {
    }

    /** {@code torch.cuda.is_available()}: the driver loads and sees at least one device. Never throws. */
    public static boolean isAvailable() {
        return CudaRuntime.available();
    }

    /** Why {@link #isAvailable()} is false (the driver's or JCuda's error), or null when it is true. */
    public static String unavailableReason() {
        return CudaRuntime.unavailableReason();
    }

    /** {@code torch.cuda.device_count()}: 0 without a usable driver. */
    public static int deviceCount() {
        return CudaRuntime.deviceCount();
    }

    /** {@code torch.cuda.get_device_name(device)}. */
    public static String getDeviceName(int device) {
        return CudaRuntime.context(device).name();
    }

    /** {@code torch.cuda.synchronize()}: waits for all queued work on every device in use. */
    public static void synchronize() {
        for (DeviceContext c : CudaRuntime.created()) {
            c.synchronize();
        }
    }

    /** {@code torch.cuda.empty_cache()}: gives the allocator's cached free blocks back to the driver. */
    public static void emptyCache() {
        for (DeviceContext c : CudaRuntime.created()) {
            c.allocator().emptyCache();
        }
    }

    /** {@code torch.cuda.memory_allocated()} of device 0: bytes held by live tensors. */
    public static long memoryAllocated() {
        return memoryAllocated(0);
    }

    /** {@code torch.cuda.memory_allocated(device)}. */
    public static long memoryAllocated(int device) {
        return CudaRuntime.context(device).allocator().allocated();
    }

    /** {@code torch.cuda.memory_reserved()} of device 0: bytes taken from the driver, held or cached. */
    public static long memoryReserved() {
        return memoryReserved(0);
    }

    /** {@code torch.cuda.memory_reserved(device)}. */
    public static long memoryReserved(int device) {
        return CudaRuntime.context(device).allocator().reserved();
    }
}
