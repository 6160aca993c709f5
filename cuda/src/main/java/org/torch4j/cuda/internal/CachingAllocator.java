package org.torch4j.cuda.internal;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeMap;
import jcuda.CudaException;
import jcuda.driver.JCudaDriver;

/**
 * Device memory of one GPU through a cache, as PyTorch's CUDA caching allocator: sizes are rounded up (to
 * 512 bytes below 1 MiB, to 2 MiB above), freed blocks wait in free lists by size and serve later requests of
 * the same bucket (up to a quarter larger), and only {@link #emptyCache()} gives memory back to the driver.
 * Blocks come back when their storage becomes unreachable ({@link CudaStorage} registers a Cleaner); all work
 * is on one stream, so a block reused by a later kernel is only touched after the earlier ones.
 */
public final class CachingAllocator {
    private static final long SMALL = 1 << 20;
    private static final long SMALL_ROUND = 512;
    private static final long LARGE_ROUND = 2 << 20;

    /** One allocation: its pointer and its rounded size in bytes. */
    static final class Block {
        final DevicePointer pointer;
        final long size;

        Block(DevicePointer pointer, long size) {
            this.pointer = pointer;
            this.size = size;
        }
    }

    private final DeviceContext device;
    private final TreeMap<Long, ArrayDeque<Block>> free = new TreeMap<>();
    private long allocated;
    private long reserved;

    CachingAllocator(DeviceContext device) {
        this.device = device;
    }

    /** The rounded size a request of {@code bytes} takes. */
    static long roundUp(long bytes) {
        long unit = bytes < SMALL ? SMALL_ROUND : LARGE_ROUND;
        return (bytes + unit - 1) / unit * unit;
    }

    /** A block of at least {@code bytes} (bytes > 0), from the cache or the driver. */
    Block allocate(long bytes) {
        long size = roundUp(bytes);
        synchronized (this) {
            Block b = fromCache(size);
            if (b == null) {
                b = fromDriver(size);
            }
            if (b != null) {
                allocated += b.size;
                return b;
            }
        }
        // Out of memory with every cached block released: unreachable storages may still hold blocks until the
        // garbage collector finds them, so collect, give their blocks back to the driver and try once more.
        System.gc();
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            emptyCache();
            Block b = fromDriver(size);
            if (b == null) {
                throw new IllegalStateException("CUDA out of memory. Tried to allocate " + mib(size) + " (GPU "
                        + device.device().index() + "; " + mib(allocated) + " already allocated; " + mib(reserved)
                        + " reserved in total by torch4j)");
            }
            allocated += b.size;
            return b;
        }
    }

    private static String mib(long bytes) {
        return String.format("%.2f MiB", bytes / 1048576.0);
    }

    private Block fromCache(long size) {
        Map.Entry<Long, ArrayDeque<Block>> e = free.ceilingEntry(size);
        if (e == null || e.getKey() > size + size / 4) {
            return null;
        }
        Block b = e.getValue().pop();
        if (e.getValue().isEmpty()) {
            free.remove(e.getKey());
        }
        return b;
    }

    /** A new block from the driver; on out-of-memory, the cache is emptied and the driver asked again; null if that fails. */
    private Block fromDriver(long size) {
        device.enter();
        for (int attempt = 0; attempt < 2; attempt++) {
            DevicePointer p = new DevicePointer();
            try {
                JCudaDriver.cuMemAlloc(p, size);
                reserved += size;
                return new Block(p, size);
            } catch (CudaException e) {
                if (!e.getMessage().contains("OUT_OF_MEMORY")) {
                    throw e;
                }
                emptyCache();
            }
        }
        return null;
    }

    /** Returns a block to the cache (called by the Cleaner of its storage). */
    synchronized void release(Block b) {
        allocated -= b.size;
        free.computeIfAbsent(b.size, k -> new ArrayDeque<>()).push(b);
    }

    /** Gives every cached block back to the driver ({@code torch.cuda.empty_cache()}). */
    public synchronized void emptyCache() {
        if (free.isEmpty()) {
            return;
        }
        device.synchronize();
        for (ArrayDeque<Block> blocks : free.values()) {
            for (Block b : blocks) {
                JCudaDriver.cuMemFree(b.pointer);
                reserved -= b.size;
            }
        }
        free.clear();
    }

    /** Bytes in blocks held by live storages ({@code torch.cuda.memory_allocated()}). */
    public synchronized long allocated() {
        return allocated;
    }

    /** Bytes taken from the driver, held or cached ({@code torch.cuda.memory_reserved()}). */
    public synchronized long reserved() {
        return reserved;
    }
}
