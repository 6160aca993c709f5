package org.torch4j.cuda.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.internal.CpuStorage;
import org.torch4j.internal.ResultLayout;

/**
 * The structs that the kernels take by value (src/main/cuda/common.cuh): an {@code Iter} walks a shape over up
 * to four operands with their own strides, a {@code Dims} walks a shape with one set of strides. Dims of size 1
 * are dropped and neighbouring dims that are contiguous for every operand merged first, so a contiguous tensor
 * is walked as one run; what remains must fit in {@link #MAX_DIMS} dims.
 */
final class Iter {
    static final int MAX_DIMS = 8;
    static final int MAX_OPERANDS = 4;
    /** sizeof(Operand): ptr, dtype, pad, dvalue, lvalue, strides[8]. */
    static final int OPERAND_BYTES = 64;
    /** offsetof(Iter, op): ndim, numel, shape[8]. */
    static final int OPERANDS_AT = 40;
    static final int ITER_BYTES = OPERANDS_AT + MAX_OPERANDS * OPERAND_BYTES;
    /** sizeof(Dims): ndim, numel, shape[8], strides[8]. */
    static final int DIMS_BYTES = 8 + 8 * MAX_DIMS;

    /** One operand: an array in device memory, or a scalar held by value (address 0). */
    static final class Operand {
        final long address;
        final DType dtype;
        final double dvalue;
        final long lvalue;
        final int[] strides;

        private Operand(long address, DType dtype, double dvalue, long lvalue, int[] strides) {
            this.address = address;
            this.dtype = dtype;
            this.dvalue = dvalue;
            this.lvalue = lvalue;
            this.strides = strides;
        }
    }

    /** The element count of the walk (0: nothing to launch). */
    final int numel;
    /** The struct's bytes. */
    final byte[] bytes;

    private Iter(int numel, byte[] bytes) {
        this.numel = numel;
        this.bytes = bytes;
    }

    /** t broadcast to {@code shape}. */
    static Operand of(Tensor t, int[] shape) {
        return withStrides(t, ResultLayout.broadcastStrides(t, shape));
    }

    /**
     * t walked with the given strides (one per dim of the walk's shape). A CPU tensor (only 0-dim ones may join a
     * CUDA operator) becomes a scalar operand.
     */
    static Operand withStrides(Tensor t, int[] strides) {
        if (!t.device().isCuda()) {
            if (t.numel() != 1) {
                throw new IllegalStateException("a CPU tensor of shape " + java.util.Arrays.toString(t.shape())
                        + " cannot be an operand of a CUDA kernel (only 0-dim CPU tensors may join CUDA operators)");
            }
            return scalar(t);
        }
        return new Operand(address(t), t.dtype(), 0, 0, strides);
    }

    /** The value of a one-element CPU tensor as a scalar operand. */
    static Operand scalar(Tensor t) {
        CpuStorage s = (CpuStorage) t.storage();
        int i = t.storageOffset();
        if (t.dtype().isFloatingPoint()) {
            double v = s.getDouble(i);
            return new Operand(0, t.dtype(), v, (long) v, null);
        }
        long v = s.getLong(i);
        return new Operand(0, t.dtype(), v, v, null);
    }

    /** An operand the kernel skips (address 0), such as the values of argmax. */
    static Operand none() {
        return new Operand(0, DType.INT64, 0, 0, null);
    }

    /** The device address of t's element at its storage offset. */
    static long address(Tensor t) {
        return ((CudaStorage) t.storage()).address() + (long) t.storageOffset() * t.dtype().itemSize();
    }

    /** The walk of {@code shape} over the operands ({@code op} names the operator in errors). */
    static Iter of(String op, int[] shape, Operand... operands) {
        int[][] strides = new int[operands.length][];
        for (int k = 0; k < operands.length; k++) {
            strides[k] = operands[k].strides != null ? operands[k].strides : new int[shape.length];
        }
        int[][] merged = coalesce(op, shape, strides);
        int[] dims = merged[0];
        ByteBuffer b = ByteBuffer.allocate(ITER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        int numel = numel(shape);
        b.putInt(dims.length).putInt(numel);
        putInts(b, dims);
        for (int k = 0; k < operands.length; k++) {
            Operand o = operands[k];
            b.position(OPERANDS_AT + k * OPERAND_BYTES);
            b.putLong(o.address).putInt(o.dtype.ordinal()).putInt(0).putDouble(o.dvalue).putLong(o.lvalue);
            putInts(b, merged[k + 1]);
        }
        return new Iter(numel, b.array());
    }

    /** The {@code Dims} struct of a shape walked with one set of strides, in row-major order. */
    static byte[] dims(String op, int[] shape, int[] strides) {
        int[][] merged = coalesce(op, shape, new int[][] {strides});
        ByteBuffer b = ByteBuffer.allocate(DIMS_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(merged[0].length).putInt(numel(shape));
        putInts(b, merged[0]);
        b.position(8 + 4 * MAX_DIMS);
        putInts(b, merged[1]);
        return b.array();
    }

    private static int numel(int[] shape) {
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        return (int) n;
    }

    private static void putInts(ByteBuffer b, int[] values) {
        int at = b.position();
        for (int v : values) {
            b.putInt(v);
        }
        b.position(at + 4 * MAX_DIMS);
    }

    /**
     * {shape, strides of operand 0, ...} with size-1 dims dropped and dims merged where every operand steps
     * from one to the next contiguously (row-major order of the walk is kept).
     */
    static int[][] coalesce(String op, int[] shape, int[][] strides) {
        int ops = strides.length;
        int[] dims = new int[shape.length];
        int[][] st = new int[ops][shape.length];
        int nd = 0;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] == 1) {
                continue;
            }
            boolean merge = nd > 0 && shape[d] != 0 && dims[nd - 1] != 0;
            for (int k = 0; k < ops && merge; k++) {
                merge = st[k][nd - 1] == strides[k][d] * shape[d];
            }
            if (merge) {
                dims[nd - 1] *= shape[d];
                for (int k = 0; k < ops; k++) {
                    st[k][nd - 1] = strides[k][d];
                }
                continue;
            }
            dims[nd] = shape[d];
            for (int k = 0; k < ops; k++) {
                st[k][nd] = strides[k][d];
            }
            nd++;
        }
        if (nd > MAX_DIMS) {
            throw CudaBackend.notImplemented(op, "tensors whose layout needs more than " + MAX_DIMS + " dims after merging");
        }
        int[][] out = new int[ops + 1][];
        out[0] = java.util.Arrays.copyOf(dims, nd);
        for (int k = 0; k < ops; k++) {
            out[k + 1] = java.util.Arrays.copyOf(st[k], nd);
        }
        return out;
    }
}
