package org.torch4j.cuda.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.torch4j.cuda.CudaAssumptions;

/**
 * The allocator's size buckets, and its segments of small blocks driven directly (no garbage collector involved;
 * CudaAllocatorTest checks the reuse of blocks that tensors give back).
 */
class CachingAllocatorTest {
    private static final long KIB = 1024;

    @Test
    void sizesRoundTo512BytesBelowOneMibAndTo2MibAbove() {
        assertEquals(512, CachingAllocator.roundUp(1));
        assertEquals(1024, CachingAllocator.roundUp(513));
        assertEquals(1 << 20, CachingAllocator.roundUp((1 << 20) - 1));
        assertEquals(2 << 20, CachingAllocator.roundUp((1 << 20) + 1));
        assertEquals(6 << 20, CachingAllocator.roundUp((4 << 20) + 1));
    }

    /** A private allocator of device 0 (the device's own keeps serving the other tests). */
    private static CachingAllocator allocator() {
        CudaAssumptions.requireGpu();
        return new CachingAllocator(CudaRuntime.context(0));
    }

    @Test
    void smallBlocksAreCarvedOneAfterAnotherFromOneSegment() {
        CachingAllocator a = allocator();
        CachingAllocator.Block x = a.allocate(1000);
        CachingAllocator.Block y = a.allocate(100 * KIB);
        CachingAllocator.Block z = a.allocate(1000 * KIB);
        assertSame(x.segment, y.segment);
        assertSame(x.segment, z.segment);
        assertEquals(x.pointer.address() + 1024, y.pointer.address());
        assertEquals(y.pointer.address() + 100 * KIB, z.pointer.address());
        assertEquals(CachingAllocator.SEGMENT, a.reserved(), "one driver allocation for the three");
        assertEquals(1024 + 100 * KIB + 1000 * KIB, a.allocated());
        // 1000 KiB more do not fit in the 2 MiB segment's rest: a second segment
        CachingAllocator.Block w = a.allocate(1000 * KIB);
        assertTrue(w.segment != x.segment);
        assertEquals(2 * CachingAllocator.SEGMENT, a.reserved());
        for (CachingAllocator.Block b : new CachingAllocator.Block[] {x, y, z, w}) {
            a.release(b);
        }
        a.emptyCache();
        assertEquals(0, a.reserved());
        assertEquals(0, a.allocated());
    }

    @Test
    void aReleasedSmallBlockServesTheNextRequestOfItsSize() {
        CachingAllocator a = allocator();
        CachingAllocator.Block x = a.allocate(5000);
        a.release(x);
        CachingAllocator.Block again = a.allocate(4700);
        assertSame(x, again);
        assertEquals(CachingAllocator.SEGMENT, a.reserved());
        a.release(again);
        a.emptyCache();
        assertEquals(0, a.reserved());
    }

    @Test
    void emptyCacheKeepsASegmentWithALiveBlockAndFreesLargeBlocks() {
        CachingAllocator a = allocator();
        CachingAllocator.Block held = a.allocate(2 * KIB);
        CachingAllocator.Block cached = a.allocate(2 * KIB);
        CachingAllocator.Block large = a.allocate(4 << 20);
        a.release(cached);
        a.release(large);
        a.emptyCache();
        assertEquals(CachingAllocator.SEGMENT, a.reserved(), "the large block went back, the segment stays");
        assertSame(cached, a.allocate(2 * KIB), "its cached block still serves");
        a.release(held);
        a.release(cached);
        a.emptyCache();
        assertEquals(0, a.reserved());
    }
}
