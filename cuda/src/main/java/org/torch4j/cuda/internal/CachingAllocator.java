package org.torch4j.cuda.internal;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import jcuda.CudaException;
import jcuda.driver.JCudaDriver;

/**
 * Device memory of one GPU through a cache, as PyTorch's CUDA caching allocator: sizes are rounded up (to
 * 512 bytes below 1 MiB, to 2 MiB above), freed blocks wait in free lists by size and serve later requests of
 * the same bucket (up to a quarter larger), and only {@link #emptyCache()} gives memory back to the driver.
 * Small blocks (up to 1 MiB) are carved one after another from segments of {@link #SEGMENT} bytes, as PyTorch's
 * small pool does, so that a small tensor costs one driver allocation per segment rather than one each (about
 * 3–10 µs apiece on an H100, where a whole elementwise kernel takes a few µs). Blocks come back when their storage
 * becomes unreachable ({@link CudaStorage} registers a Cleaner); all work is on one stream, so a block reused by a
 * later kernel is only touched after the earlier ones.
 */
public final class CachingAllocator {
    private static final long SMALL = 1 << 20;
    private static final long SMALL_ROUND = 512;
    private static final long LARGE_ROUND = 2 << 20;
    /** Bytes of a segment that small blocks are carved from. */
    static final long SEGMENT = 2 << 20;

    /** One allocation: its pointer, its rounded size in bytes, and the segment it was carved from (or null). */
    static final class Block {
        final DevicePointer pointer;
        final long size;
        final Segment segment;

        Block(DevicePointer pointer, long size, Segment segment) {
            this.pointer = pointer;
            this.size = size;
            this.segment = segment;
        }
    }

    /** A driver allocation that small blocks are carved from, front to back. */
    static final class Segment {
        final DevicePointer base;
        /** Bytes carved so far. */
        long carved;
        /** Carved blocks held by storages (the others wait in the free lists). */
        int live;

        Segment(DevicePointer base) {
            this.base = base;
        }
    }

    private final DeviceContext device;
    private final TreeMap<Long, ArrayDeque<Block>> free = new TreeMap<>();
    /** The segment small blocks are carved from now, or null. */
    private Segment carving;
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

    /** A block of at least {@code bytes} (bytes > 0), from the cache, a segment or the driver. */
    Block allocate(long bytes) {
        long size = roundUp(bytes);
        synchronized (this) {
            Block b = take(size);
            if (b != null) {
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
            Block b = take(size);
            if (b == null) {
                throw new IllegalStateException("CUDA out of memory. Tried to allocate " + mib(size) + " (GPU "
                        + device.device().index() + "; " + mib(allocated) + " already allocated; " + mib(reserved)
                        + " reserved in total by torch4j)");
            }
            return b;
        }
    }

    /** A block of a rounded size, counted as allocated; null when the driver is out of memory. */
    private Block take(long size) {
        Block b = fromCache(size);
        if (b == null) {
            b = size <= SMALL ? carve(size) : fromDriver(size);
        }
        if (b != null) {
            allocated += b.size;
            if (b.segment != null) {
                b.segment.live++;
            }
        }
        return b;
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

    /** The next {@code size} bytes of the current segment, or of a new one when they do not fit; null on out-of-memory. */
    private Block carve(long size) {
        if (carving == null || carving.carved + size > SEGMENT) {
            DevicePointer base = driverAllocation(SEGMENT);
            if (base == null) {
                return null;
            }
            carving = new Segment(base);
        }
        Block b = new Block(new DevicePointer(carving.base, carving.carved), size, carving);
        carving.carved += size;
        return b;
    }

    private Block fromDriver(long size) {
        DevicePointer p = driverAllocation(size);
        return p == null ? null : new Block(p, size, null);
    }

    /** New device memory from the driver; on out-of-memory, the cache is emptied and the driver asked again; null if that fails. */
    private DevicePointer driverAllocation(long size) {
        device.enter();
        for (int attempt = 0; attempt < 2; attempt++) {
            DevicePointer p = new DevicePointer();
            try {
                JCudaDriver.cuMemAlloc(p, size);
                reserved += size;
                return p;
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
        if (b.segment != null) {
            b.segment.live--;
        }
        free.computeIfAbsent(b.size, k -> new ArrayDeque<>()).push(b);
    }

    /**
     * Gives the cached memory back to the driver ({@code torch.cuda.empty_cache()}): every cached large block, and
     * every segment none of whose blocks is held (a segment with a live block keeps its cached blocks).
     */
    public synchronized void emptyCache() {
        if (free.isEmpty()) {
            return;
        }
        device.synchronize();
        Set<Segment> idle = new HashSet<>();
        for (Iterator<ArrayDeque<Block>> lists = free.values().iterator(); lists.hasNext(); ) {
            ArrayDeque<Block> blocks = lists.next();
            blocks.removeIf(b -> {
                if (b.segment == null) {
                    JCudaDriver.cuMemFree(b.pointer);
                    reserved -= b.size;
                    return true;
                }
                if (b.segment.live == 0) {
                    idle.add(b.segment);
                    return true;
                }
                return false;
            });
            if (blocks.isEmpty()) {
                lists.remove();
            }
        }
        for (Segment s : idle) {
            JCudaDriver.cuMemFree(s.base);
            reserved -= SEGMENT;
            if (s == carving) {
                carving = null;
            }
        }
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
