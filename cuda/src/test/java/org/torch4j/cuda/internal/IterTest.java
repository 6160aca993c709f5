package org.torch4j.cuda.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.torch4j.Tensor;
import org.torch4j.Torch;

/** The kernel structs: dim merging, and the byte layout common.cuh declares (and static_asserts). */
class IterTest {
    @Test
    void contiguousOperandsMergeIntoOneRun() {
        int[][] m = Iter.coalesce("add", new int[] {4, 5, 6}, new int[][] {{30, 6, 1}, {30, 6, 1}});
        assertArrayEquals(new int[] {120}, m[0]);
        assertArrayEquals(new int[] {1}, m[1]);
    }

    @Test
    void broadcastAndTransposedDimsStaySeparateAndSizeOneDimsGo() {
        int[][] m = Iter.coalesce("add", new int[] {4, 1, 5, 6}, new int[][] {{30, 30, 6, 1}, {0, 0, 6, 1}, {1, 7, 4, 20}});
        assertArrayEquals(new int[] {4, 5, 6}, m[0]);
        assertArrayEquals(new int[] {30, 6, 1}, m[1]);
        assertArrayEquals(new int[] {0, 6, 1}, m[2]);
        assertArrayEquals(new int[] {1, 4, 20}, m[3]);
        int[][] partly = Iter.coalesce("add", new int[] {4, 5, 6}, new int[][] {{30, 6, 1}, {0, 6, 1}});
        assertArrayEquals(new int[] {4, 30}, partly[0]);
        assertArrayEquals(new int[] {0, 1}, partly[2]);
    }

    @Test
    void iterBytesFollowTheCLayout() {
        Tensor scalar = Torch.scalarTensor(2.5);
        Iter it = Iter.of("mul", new int[] {3, 4}, Iter.scalar(scalar), Iter.scalar(Torch.tensor(new long[] {7}).view()));
        assertEquals(Iter.ITER_BYTES, it.bytes.length);
        assertEquals(296, Iter.ITER_BYTES);
        assertEquals(72, Iter.DIMS_BYTES);
        ByteBuffer b = ByteBuffer.wrap(it.bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(1, b.getInt(0), "zero strides everywhere: one merged dim");
        assertEquals(12, b.getInt(8));
        assertEquals(12, b.getInt(4));
        int op0 = Iter.OPERANDS_AT;
        assertEquals(0L, b.getLong(op0));
        assertEquals(3, b.getInt(op0 + 8), "float32 is DType ordinal 3");
        assertEquals(2.5, b.getDouble(op0 + 16));
        int op1 = op0 + Iter.OPERAND_BYTES;
        assertEquals(2, b.getInt(op1 + 8), "int64 is DType ordinal 2");
        assertEquals(7L, b.getLong(op1 + 24));
        byte[] dims = Iter.dims("sum", new int[] {2, 3}, new int[] {1, 2});
        ByteBuffer d = ByteBuffer.wrap(dims).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(2, d.getInt(0));
        assertEquals(6, d.getInt(4));
        assertEquals(2, d.getInt(8));
        assertEquals(3, d.getInt(12));
        assertEquals(1, d.getInt(40));
        assertEquals(2, d.getInt(44));
    }
}
