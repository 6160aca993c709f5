package org.torch4j.cuda.internal;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import jcuda.Pointer;
import jcuda.driver.JCudaDriver;
import org.torch4j.DType;
import org.torch4j.Device;
import org.torch4j.Tensor;
import org.torch4j.internal.CpuStorage;
import org.torch4j.internal.Dispatcher;
import org.torch4j.internal.Shapes;

/**
 * {@code tensor.to(device)} between the CPU and CUDA devices, the only place data crosses: a dense tensor
 * (every element once, no gaps) moves as one block and keeps its strides ({@code torch.preserve_format});
 * any other is first made dense on its own device. A copy to the host waits for the kernels that write the
 * data (it runs on the same stream).
 */
final class Transfer {
    /** How many tensors this class has copied between the host and a device, either way (for tests). */
    private static final AtomicLong CROSSINGS = new AtomicLong();

    private Transfer() {
    }

    static Tensor to(Tensor x, Device device) {
        if (x.device().isCpu()) {
            CROSSINGS.incrementAndGet();
            return toCuda(dense(x), device);
        }
        if (device.isCpu()) {
            CROSSINGS.incrementAndGet();
            return toHost(dense(x));
        }
        return toOtherCuda(dense(x), device);
    }

    /** The tensors copied between the host and a device so far, in either direction. */
    static long crossings() {
        return CROSSINGS.get();
    }

    /** x itself when dense, else a dense copy on x's device. */
    private static Tensor dense(Tensor x) {
        int[] strides = Shapes.denseStrides(x.shape(), x.stride());
        if (strides != null && Arrays.equals(strides, x.stride())) {
            return x;
        }
        return Dispatcher.backend(x.device()).clone(x, false);
    }

    private static Tensor toCuda(Tensor x, Device device) {
        int n = x.numel();
        CudaStorage s = CudaStorage.allocate(CudaRuntime.context(device), x.dtype(), n);
        if (n > 0) {
            CpuStorage host = (CpuStorage) x.storage();
            int from = x.storageOffset();
            Pointer source = x.dtype() == DType.BOOL ? Pointer.to(bytes(host.bools(), from, n))
                    : hostPointer(host, from);
            s.context().enter();
            JCudaDriver.cuMemcpyHtoD(s.pointer(0), source, (long) n * x.dtype().itemSize());
        }
        return Tensor.of(s, x.shape(), x.stride(), 0);
    }

    private static Tensor toHost(Tensor x) {
        int n = x.numel();
        CpuStorage host = CpuStorage.allocate(x.dtype(), n);
        if (n > 0) {
            CudaStorage s = (CudaStorage) x.storage();
            s.context().enter();
            long bytes = (long) n * x.dtype().itemSize();
            if (x.dtype() == DType.BOOL) {
                byte[] b = new byte[n];
                JCudaDriver.cuMemcpyDtoH(Pointer.to(b), s.pointer(x.storageOffset()), bytes);
                boolean[] out = host.bools();
                for (int i = 0; i < n; i++) {
                    out[i] = b[i] != 0;
                }
            } else {
                JCudaDriver.cuMemcpyDtoH(hostPointer(host, 0), s.pointer(x.storageOffset()), bytes);
            }
        }
        return Tensor.of(host, x.shape(), x.stride(), 0);
    }

    private static Tensor toOtherCuda(Tensor x, Device device) {
        int n = x.numel();
        DeviceContext target = CudaRuntime.context(device);
        CudaStorage s = CudaStorage.allocate(target, x.dtype(), n);
        if (n > 0) {
            CudaStorage from = (CudaStorage) x.storage();
            target.enter();
            JCudaDriver.cuMemcpyPeer(s.pointer(0), target.context(), from.pointer(x.storageOffset()),
                    from.context().context(), (long) n * x.dtype().itemSize());
        }
        return Tensor.of(s, x.shape(), x.stride(), 0);
    }

    /** A pointer to element {@code from} of a host storage's array (not bool). */
    private static Pointer hostPointer(CpuStorage host, int from) {
        long offset = (long) from * host.dtype().itemSize();
        switch (host.dtype()) {
            case FLOAT32: return Pointer.to(host.floats()).withByteOffset(offset);
            case FLOAT64: return Pointer.to(host.doubles()).withByteOffset(offset);
            case INT64: return Pointer.to(host.longs()).withByteOffset(offset);
            default: return Pointer.to(host.ints()).withByteOffset(offset);
        }
    }

    private static byte[] bytes(boolean[] values, int from, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = values[from + i] ? (byte) 1 : 0;
        }
        return b;
    }
}
