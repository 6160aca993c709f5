package org.torch4j.cuda.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.torch4j.Torch;

/**
 * The launch shapes ReducePlan picks, checked without a GPU on an H100's 132 multiprocessors: few outputs of
 * many elements split into parts up to two blocks per multiprocessor, many outputs or short reductions do not,
 * and no part is empty. Inputs are expanded views (only shapes and strides matter).
 */
class ReducePlanTest {
    private static final int H100 = 132;

    /** A view with the given shape whose last dim is contiguous (stride 1) and the others broadcast (stride 0). */
    private static ReducePlan rowMajor(int rows, int cols, int... dims) {
        return new ReducePlan(Torch.zeros(1, cols).expand(rows, cols), dims, false);
    }

    @Test
    void aWholeTensorSplitsIntoTwoBlocksPerMultiprocessor() {
        ReducePlan all = new ReducePlan(Torch.zeros(1).expand(10_000_000), new int[0], false);
        assertTrue(all.rows());
        assertEquals(2 * H100, all.parts(H100));
        assertEquals((10_000_000 + 263) / 264, all.chunk(264));
    }

    @Test
    void fewOutputsOfLongRunsSplitWithBlocksOrThreads() {
        ReducePlan tallThin = rowMajor(1_000_000, 4, 0);
        assertTrue(tallThin.rows());
        assertEquals(66, tallThin.parts(H100));
        ReducePlan wide = rowMajor(2, 5_000_000, 1);
        assertEquals(132, wide.parts(H100));
        ReducePlan columns = rowMajor(10_000, 10_000, 0);
        assertFalse(columns.rows());
        assertEquals(7, columns.parts(H100));
        assertFalse(columns.combineRows(7));
        ReducePlan hundred = rowMajor(1_000_000, 100, 0);
        assertEquals(676, hundred.parts(H100));
        assertTrue(hundred.combineRows(676));
        assertEquals(256, hundred.combineThreads(676));
    }

    @Test
    void manyOutputsOrShortReductionsKeepOnePart() {
        assertEquals(1, rowMajor(1000, 100_000, 1).parts(H100));
        assertEquals(1, new ReducePlan(Torch.zeros(1).expand(8000), new int[0], false).parts(H100));
        assertEquals(1, rowMajor(1000, 100_000, 0).parts(H100));
        assertEquals(1, rowMajor(0, 5, 0).parts(H100));
    }

    @Test
    void noPartIsEmpty() {
        for (int count : new int[] {8192, 8193, 12_345, 100_001, 1 << 20}) {
            ReducePlan p = new ReducePlan(Torch.zeros(1).expand(count), new int[0], false);
            for (int sms : new int[] {1, 4, 7, 132, 1000}) {
                int parts = p.parts(sms);
                int chunk = p.chunk(parts);
                assertTrue((long) (parts - 1) * chunk < count && (long) parts * chunk >= count, count + " on " + sms);
            }
        }
    }
}
