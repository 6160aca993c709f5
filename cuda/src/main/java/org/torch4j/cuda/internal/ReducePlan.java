package org.torch4j.cuda.internal;

import org.torch4j.Tensor;
import org.torch4j.internal.Shapes;

/**
 * How a reduction of x over some dims maps to the reduce kernels: the output elements (x's shape with the
 * reduced dims set to 1, contiguous) walked by an {@link Iter} whose operand 1 is the input element each
 * output's reduced elements start from, and the reduced dims walked by a {@code Dims} struct in x's dim order
 * (so that a reduced element's rank is its row-major index, as argmax reports it). The launch shape is chosen
 * here: a block per output when there are few outputs or each one reads a contiguous run, a thread per output
 * otherwise (the outputs' reads then run side by side).
 */
final class ReducePlan {
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

    /** Threads per block of the rows launch: the reduced count rounded up to a power of two, 32 to 256. */
    int rowThreads() {
        int t = 32;
        while (t < count && t < DeviceContext.THREADS) {
            t *= 2;
        }
        return t;
    }

    /** A keepShape-shaped result seen with the shape the caller asked for. */
    Tensor shape(Tensor keepShaped) {
        return Tensor.of(keepShaped.storage(), outShape);
    }
}
