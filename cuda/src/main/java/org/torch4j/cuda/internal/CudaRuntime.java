package org.torch4j.cuda.internal;

import jcuda.CudaException;
import jcuda.driver.JCudaDriver;
import org.torch4j.Device;

/**
 * The CUDA driver as torch4j finds it: whether it loads and sees a device (probed once, never throwing), and
 * the {@link DeviceContext} of each device, created on first use.
 */
public final class CudaRuntime {
    private CudaRuntime() {
    }

    /** The outcome of the probe: the device count, or why CUDA cannot be used. */
    private static final class Probe {
        static final Probe INSTANCE = run();

        final int deviceCount;
        final String unavailableReason;
        final DeviceContext[] contexts;

        private Probe(int deviceCount, String unavailableReason) {
            this.deviceCount = deviceCount;
            this.unavailableReason = unavailableReason;
            this.contexts = new DeviceContext[deviceCount];
        }

        private static Probe run() {
            try {
                JCudaDriver.setExceptionsEnabled(true);
                JCudaDriver.cuInit(0);
                int[] count = new int[1];
                JCudaDriver.cuDeviceGetCount(count);
                return count[0] > 0 ? new Probe(count[0], null) : new Probe(0, "the CUDA driver found no device");
            } catch (LinkageError e) {
                return new Probe(0, "JCuda could not load the CUDA driver: " + linkFailure(e));
            } catch (CudaException e) {
                return new Probe(0, "cuInit failed: " + e.getMessage());
            }
        }
    }

    /**
     * The line of JCuda's long loading report that says what is missing (for example "libcuda.so.1: cannot open
     * shared object file: No such file or directory"), else its first line.
     */
    private static String linkFailure(LinkageError e) {
        String message = String.valueOf(e.getMessage());
        for (String line : message.split("\n")) {
            int so = line.indexOf(".so: ");
            if (line.contains("cannot open shared object file") && so >= 0) {
                return line.substring(so + 5).trim();
            }
        }
        return message.split("\n")[0];
    }

    /** {@code torch.cuda.is_available()}. */
    public static boolean available() {
        return Probe.INSTANCE.deviceCount > 0;
    }

    /** Why CUDA is not available, or null when it is. */
    public static String unavailableReason() {
        return Probe.INSTANCE.unavailableReason;
    }

    /** {@code torch.cuda.device_count()}: 0 without a usable driver. */
    public static int deviceCount() {
        return Probe.INSTANCE.deviceCount;
    }

    /** The context of a CUDA device, with PyTorch's errors for a missing GPU or a bad ordinal. */
    public static DeviceContext context(Device device) {
        return context(device.index());
    }

    /** The context of CUDA device {@code index}. */
    public static DeviceContext context(int index) {
        Probe p = Probe.INSTANCE;
        if (p.deviceCount == 0) {
            throw new IllegalStateException("No CUDA GPUs are available (" + p.unavailableReason + ")");
        }
        if (index < 0 || index >= p.deviceCount) {
            throw new IllegalArgumentException("CUDA error: invalid device ordinal (device " + index + " of "
                    + p.deviceCount + ")");
        }
        synchronized (p.contexts) {
            if (p.contexts[index] == null) {
                p.contexts[index] = new DeviceContext(index);
            }
            return p.contexts[index];
        }
    }

    /** The contexts created so far (for synchronize and emptyCache over every device). */
    public static DeviceContext[] created() {
        Probe p = Probe.INSTANCE;
        synchronized (p.contexts) {
            return java.util.Arrays.stream(p.contexts).filter(java.util.Objects::nonNull).toArray(DeviceContext[]::new);
        }
    }
}
