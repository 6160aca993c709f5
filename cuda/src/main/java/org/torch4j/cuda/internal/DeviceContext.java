package org.torch4j.cuda.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import jcuda.CudaException;
import jcuda.Pointer;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.JCudaDriver;
import org.torch4j.Device;

/**
 * One CUDA device as torch4j uses it: its primary context (made current on the calling thread before each
 * driver call), its caching allocator, the kernels of the PTX modules (loaded and JIT-compiled by the driver
 * on first use) and the launches. Everything runs on the context's legacy default stream, so work is ordered
 * and a device-to-host copy waits for the kernels before it.
 */
public final class DeviceContext {
    private static final ThreadLocal<DeviceContext> CURRENT = new ThreadLocal<>();
    /** Threads per block of the one-dimensional kernels. */
    static final int THREADS = 256;
    /** Most blocks a grid-stride kernel is launched with. */
    private static final int MAX_BLOCKS = 1 << 16;

    private final Device device;
    private final CUcontext context = new CUcontext();
    private final CachingAllocator allocator;
    private final int multiprocessors;
    private final Map<String, CUmodule> modules = new HashMap<>();
    private final Map<String, CUfunction> functions = new HashMap<>();
    private Blas blas;

    DeviceContext(int index) {
        this.device = Device.cuda(index);
        CUdevice d = new CUdevice();
        JCudaDriver.cuDeviceGet(d, index);
        JCudaDriver.cuDevicePrimaryCtxRetain(context, d);
        int[] count = new int[1];
        JCudaDriver.cuDeviceGetAttribute(count, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT, d);
        this.multiprocessors = count[0];
        this.allocator = new CachingAllocator(this);
    }

    public Device device() {
        return device;
    }

    public CachingAllocator allocator() {
        return allocator;
    }

    /** The device's streaming multiprocessors (CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT), read once. */
    int multiprocessors() {
        return multiprocessors;
    }

    /** This device's cuBLAS handle, or null before {@link Blas#of} made it. */
    Blas blas() {
        return blas;
    }

    void setBlas(Blas blas) {
        this.blas = blas;
    }

    /** Makes this device's context current on the calling thread. */
    void enter() {
        if (CURRENT.get() != this) {
            JCudaDriver.cuCtxSetCurrent(context);
            CURRENT.set(this);
        }
    }

    CUcontext context() {
        return context;
    }

    /** Waits for every queued kernel and copy of this device ({@code torch.cuda.synchronize()}). */
    public void synchronize() {
        enter();
        JCudaDriver.cuCtxSynchronize();
    }

    /** The device's name, as {@code torch.cuda.get_device_name}. */
    public String name() {
        enter();
        CUdevice d = new CUdevice();
        JCudaDriver.cuDeviceGet(d, device.index());
        byte[] name = new byte[256];
        JCudaDriver.cuDeviceGetName(name, name.length, d);
        int n = 0;
        while (n < name.length && name[n] != 0) {
            n++;
        }
        return new String(name, 0, n, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Blocks for a grid-stride kernel over n elements. */
    static int blocks(long n, int threads) {
        return (int) Math.max(1, Math.min(MAX_BLOCKS, (n + threads - 1) / threads));
    }

    /** Launches a one-dimensional kernel; arguments are byte[] structs, Integer, Long or Double. */
    void launch(String module, String kernel, int grid, int block, Object... args) {
        launch(module, kernel, new int[] {grid, 1, 1}, new int[] {block, 1, 1}, args);
    }

    /** Launches a kernel over a 3-d grid of 3-d blocks. */
    void launch(String module, String kernel, int[] grid, int[] block, Object... args) {
        enter();
        CUfunction f = function(module, kernel);
        Pointer[] params = new Pointer[args.length];
        for (int i = 0; i < args.length; i++) {
            params[i] = parameter(args[i]);
        }
        JCudaDriver.cuLaunchKernel(f, grid[0], grid[1], grid[2], block[0], block[1], block[2], 0, null,
                Pointer.to(params), null);
    }

    private static Pointer parameter(Object arg) {
        if (arg instanceof byte[]) {
            return Pointer.to((byte[]) arg);
        }
        if (arg instanceof Integer) {
            return Pointer.to(new int[] {(Integer) arg});
        }
        if (arg instanceof Long) {
            return Pointer.to(new long[] {(Long) arg});
        }
        if (arg instanceof Double) {
            return Pointer.to(new double[] {(Double) arg});
        }
        throw new IllegalArgumentException("unsupported kernel argument " + arg);
    }

    private synchronized CUfunction function(String module, String kernel) {
        String key = module + "/" + kernel;
        CUfunction f = functions.get(key);
        if (f == null) {
            f = new CUfunction();
            JCudaDriver.cuModuleGetFunction(f, module(module), kernel);
            functions.put(key, f);
        }
        return f;
    }

    private CUmodule module(String name) {
        CUmodule m = modules.get(name);
        if (m == null) {
            m = new CUmodule();
            try {
                JCudaDriver.cuModuleLoadData(m, ptx(name));
            } catch (CudaException e) {
                throw new IllegalStateException("The CUDA driver could not load torch4j's " + name + " kernels (" + e.getMessage()
                        + "): they are PTX ISA 9.0 from CUDA 13.0 and need an NVIDIA driver of version 580 or newer", e);
            }
            modules.put(name, m);
        }
        return m;
    }

    /** The PTX text of a kernel module, NUL-terminated as cuModuleLoadData wants it. */
    private static byte[] ptx(String name) {
        String resource = "/org/torch4j/cuda/kernels/" + name + ".ptx";
        try (InputStream in = DeviceContext.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing kernel resource " + resource);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            out.write(0);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
