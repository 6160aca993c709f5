package org.torch4j.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.torch4j.Device;
import org.torch4j.Tensor;
import org.torch4j.TensorOptions;
import org.torch4j.Torch;

/** The caching allocator: freed blocks come back through the garbage collector and serve the next request. */
class CudaAllocatorTest {
    private static final long MIB = 1 << 20;

    @BeforeEach
    void gpu() {
        CudaAssumptions.requireGpu();
    }

    private static Tensor block() {
        return Torch.empty(new int[] {1024, 1024}, TensorOptions.ofDevice(Device.cuda(0)));
    }

    /** Collects garbage until the allocated bytes drop to at most target (the Cleaner runs on its own thread). */
    private static void awaitAllocatedAtMost(long target) throws InterruptedException {
        for (int i = 0; i < 100 && Cuda.memoryAllocated() > target; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertTrue(Cuda.memoryAllocated() <= target, "allocated " + Cuda.memoryAllocated() + " > " + target);
    }

    /** Collects garbage until earlier tests' tensors are all returned (allocated bytes stop changing). */
    private static long settle() throws InterruptedException {
        long last = -1;
        for (int stable = 0, i = 0; stable < 3 && i < 200; i++) {
            System.gc();
            Thread.sleep(20);
            long now = Cuda.memoryAllocated();
            stable = now == last ? stable + 1 : 0;
            last = now;
        }
        return last;
    }

    @Test
    void freedBlocksAreReusedAndEmptyCacheReturnsThem() throws InterruptedException {
        Cuda.synchronize();
        long baseAllocated = settle();
        Tensor a = block();
        assertEquals(baseAllocated + 4 * MIB, Cuda.memoryAllocated());
        long reserved = Cuda.memoryReserved();
        a = null;
        awaitAllocatedAtMost(baseAllocated);
        assertEquals(reserved, Cuda.memoryReserved(), "a freed block stays cached");
        Tensor b = block();
        assertEquals(reserved, Cuda.memoryReserved(), "the cached block serves the same request");
        assertEquals(baseAllocated + 4 * MIB, Cuda.memoryAllocated());
        Cuda.emptyCache();
        assertTrue(Cuda.memoryReserved() >= 4 * MIB, "a live block is not given back");
        b = null;
        awaitAllocatedAtMost(baseAllocated);
        long cached = Cuda.memoryReserved();
        Cuda.emptyCache();
        // segments of small blocks that live tensors still use stay reserved (CachingAllocatorTest)
        assertTrue(Cuda.memoryReserved() <= cached - 4 * MIB, "empty_cache gives the cached block back");
    }
}
