package org.torch4j.cuda.internal;

import org.torch4j.Tensor;
import org.torch4j.internal.Shapes;

/**
 * How a reduction of x over some dims maps to the reduce kernels: the output elements (x's shape with the
 * reduced dims set to 1, contiguous) walked by an {@link Iter} whose operand 1 is the input element each
 * output's reduced elements start from, and the reduced dims walked by a {@code Dims} struct in x's dim order
 * (so that a reduced element's rank is its row-major index, as argmax reports it). The launch shape is chosen
 * here: a block per output when there are few outputs or each one reads a contiguous run, a thread per output
 * otherwise (the outputs' reads then run side by side); and, with few outputs of many elements, how many parts
 * each output's elements are split into ({@link #parts}).
 */
final class ReducePlan {
    /** Bytes of the partial state of one part of a split reduce_* (State in reduce.cu). */
    static final int STATE_BYTES = 24;
    /** Bytes of the partial state of one part of a split argreduce_* (ArgState in reduce.cu). */
    static final int ARG_STATE_BYTES = 16;
    /** Fewest elements a part of a split rows launch reads: 16 per thread of a 256-thread block. */
    static final int ROW_PART = 4096;
    /** Fewest elements a part of a split cols launch reads (one thread reads them in turn). */
    static final int COL_PART = 1024;
    /** Most parts an output is split into. */
    static final int MAX_PARTS = 1024;
    /** Fewest parts merged by a block per output ({@link #combineRows}). */
    static final int COMBINE_ROWS = 8;

    /** x's shape with the reduced dims set to 1: the output's shape with keepdim. */
    final int[] keepShape;
    /** The result's shape: {@link #keepShape}, or without the reduced dims. */
    final int[] outShape;
    /** Elements reduced per output. */
    final int count;
    /** Number of outputs. */
    final int outputs;
    private final Tensor x;
    private final int[] redShape;
    private final int[] redStrides;

    /** The plan reducing x over dims (wrapped; empty means every dim). */
    ReducePlan(Tensor x, int[] dims, boolean keepdim) {
        this.x = x;
        int nd = x.dim();
        boolean[] reduced = new boolean[nd];
        for (int d = 0; d < nd; d++) {
            reduced[d] = dims.length == 0;
        }
        for (int d : dims) {
            if (d < nd) {
                reduced[d] = true;
            }
        }
        int[] shape = x.shape();
        int[] strides = x.stride();
        keepShape = shape.clone();
        int kept = 0;
        int r = 0;
        for (int d = 0; d < nd; d++) {
            if (reduced[d]) {
                keepShape[d] = 1;
                r++;
            } else {
                kept++;
            }
        }
        redShape = new int[r];
        redStrides = new int[r];
        outShape = keepdim ? keepShape.clone() : new int[kept];
        for (int d = 0, i = 0, k = 0; d < nd; d++) {
            if (reduced[d]) {
                redShape[i] = shape[d];
                redStrides[i++] = strides[d];
            } else if (!keepdim) {
                outShape[k++] = shape[d];
            }
        }
        count = Shapes.numel(redShape);
        outputs = Shapes.numel(keepShape);
    }

    /** The output walk: operand 0 the (contiguous, keepShape) output, 1 x, 2 the indices (or nothing). */
    Iter outputs(String op, Tensor out, Tensor indices) {
        Iter.Operand values = out == null ? Iter.none() : Iter.withStrides(out, Shapes.contiguousStrides(keepShape));
        Iter.Operand input = Iter.withStrides(x, x.stride());
        if (indices == null) {
            return Iter.of(op, keepShape, values, input);
        }
        return Iter.of(op, keepShape, values, input, Iter.withStrides(indices, Shapes.contiguousStrides(keepShape)));
    }

    /** The reduced dims' walk. */
    byte[] reduced(String op) {
        return Iter.dims(op, redShape, redStrides);
    }

    /** Whether a block per output (rather than a thread) reduces. */
    boolean rows() {
        if (outputs <= 64) {
            return true;
        }
        int innermost = 0;
        for (int i = redShape.length - 1; i >= 0; i--) {
            if (redShape[i] != 1) {
                innermost = redStrides[i];
                break;
            }
        }
        return innermost == 1 && count >= 32;
    }

    /**
     * How many parts each output's elements are split into on a device with that many multiprocessors (1: none).
     * The rows launch gives every output one block and the cols launch one thread, so few outputs leave most of
     * the GPU idle however many elements each reduces (x.sum() of 1e7 elements would run on one multiprocessor).
     * Where the outputs alone make fewer than two blocks per multiprocessor (rows: fewer outputs than that; cols:
     * fewer than that many blocks of 256 threads), each output's elements are split into enough consecutive parts
     * to reach it, as long as every part keeps {@link #ROW_PART} (rows) or {@link #COL_PART} (cols) elements, so
     * that the reads outweigh the cost of the partial states and of the second launch merging them. Many outputs
     * or short reductions keep one part (and one launch).
     */
    int parts(int multiprocessors) {
        long target = 2L * multiprocessors * (rows() ? 1 : DeviceContext.THREADS);
        long wanted = (target + outputs - 1) / Math.max(1, outputs);
        long most = count / (rows() ? ROW_PART : COL_PART);
        long parts = Math.min(MAX_PARTS, Math.min(wanted, most));
        if (parts <= 1) {
            return 1;
        }
        return (int) ((count + chunk((int) parts) - 1L) / chunk((int) parts));
    }

    /** Elements per part (the last part may have fewer). */
    int chunk(int parts) {
        return (int) ((count + parts - 1L) / parts);
    }

    /** Threads per block of the reduction (rows: the reduced count rounded up to a power of two, 32 to 256). */
    int threads() {
        return rows() ? powerOfTwoThreads(count) : DeviceContext.THREADS;
    }

    /** Blocks of the reduction of parts parts per output. */
    int blocks(int parts) {
        return DeviceContext.blocks((long) outputs * parts, rows() ? 1 : DeviceContext.THREADS);
    }

    /**
     * Whether a block per output (rather than a thread) merges the states of its parts: from
     * {@link #COMBINE_ROWS} parts on, so that a thread never reads hundreds of states in turn (a cols split of
     * 100 outputs on 132 multiprocessors has 676 parts).
     */
    boolean combineRows(int parts) {
        return parts >= COMBINE_ROWS;
    }

    /** Threads per block of the merge of parts parts per output. */
    int combineThreads(int parts) {
        return combineRows(parts) ? powerOfTwoThreads(parts) : DeviceContext.THREADS;
    }

    /** Blocks of the merge of parts parts per output. */
    int combineBlocks(int parts) {
        return DeviceContext.blocks(outputs, combineRows(parts) ? 1 : DeviceContext.THREADS);
    }

    /** n rounded up to a power of two, 32 to 256. */
    private static int powerOfTwoThreads(int n) {
        int t = 32;
        while (t < n && t < DeviceContext.THREADS) {
            t *= 2;
        }
        return t;
    }

    /** A keepShape-shaped result seen with the shape the caller asked for. */
    Tensor shape(Tensor keepShaped) {
        return Tensor.of(keepShaped.storage(), outShape);
    }
}
