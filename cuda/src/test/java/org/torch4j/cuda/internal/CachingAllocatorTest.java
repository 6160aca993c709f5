package org.torch4j.cuda.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The allocator's size buckets (its reuse is checked on a GPU by CudaAllocatorTest). */
class CachingAllocatorTest {
    @Test
    void sizesRoundTo512BytesBelowOneMibAndTo2MibAbove() {
        assertEquals(512, CachingAllocator.roundUp(1));
        assertEquals(1024, CachingAllocator.roundUp(513));
        assertEquals(1 << 20, CachingAllocator.roundUp((1 << 20) - 1));
        assertEquals(2 << 20, CachingAllocator.roundUp((1 << 20) + 1));
        assertEquals(6 << 20, CachingAllocator.roundUp((4 << 20) + 1));
    }
}
