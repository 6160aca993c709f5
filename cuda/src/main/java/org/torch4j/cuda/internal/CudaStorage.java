package org.torch4j.cuda.internal;

import java.lang.ref.Cleaner;
import jcuda.driver.CUdeviceptr;
import org.torch4j.DType;
import org.torch4j.Device;
import org.torch4j.internal.Storage;

/**
 * Storage in device memory: a block of a device's {@link CachingAllocator}, given back to the cache when the
 * storage becomes unreachable.
 */
public final class CudaStorage extends Storage {
    private static final Cleaner CLEANER = Cleaner.create();

    private final DeviceContext context;
    private final int length;
    /** The block, or null for an empty storage. */
    private final CachingAllocator.Block block;

    private CudaStorage(DeviceContext context, DType dtype, int length, CachingAllocator.Block block) {
        super(dtype);
        this.context = context;
        this.length = length;
        this.block = block;
    }

    /** An uninitialised storage of {@code length} elements on a device. */
    public static CudaStorage allocate(DeviceContext context, DType dtype, int length) {
        if (length == 0) {
            return new CudaStorage(context, dtype, 0, null);
        }
        CachingAllocator allocator = context.allocator();
        CachingAllocator.Block block = allocator.allocate((long) length * dtype.itemSize());
        CudaStorage s = new CudaStorage(context, dtype, length, block);
        CLEANER.register(s, () -> allocator.release(block));
        return s;
    }

    @Override
    public Device device() {
        return context.device();
    }

    @Override
    public int length() {
        return length;
    }

    public DeviceContext context() {
        return context;
    }

    /** The device address of element 0 (0 for an empty storage). */
    long address() {
        return block == null ? 0 : block.pointer.address();
    }

    /** A pointer to the element {@code index} for the driver's copy functions. */
    CUdeviceptr pointer(long index) {
        return block.pointer.withByteOffset(index * dtype().itemSize());
    }
}
