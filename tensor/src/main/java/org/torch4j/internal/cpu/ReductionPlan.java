package org.torch4j.internal.cpu;

import org.torch4j.Tensor;
import org.torch4j.internal.Parallel;
import org.torch4j.internal.Shapes;

/**
 * Maps the output elements of a reduction to the input elements they reduce (the role TensorIterator plays
 * for ATen's reductions). The input's dims split into kept dims, walked by {@link StridedLoop} together with
 * the output, and reduced dims, sorted by stride and coalesced into runs: the output element whose input base
 * offset is {@code base} reduces, for every {@code r} in {@link #runStarts}, the {@link #innerSize} elements
 * at {@code base + r + k * innerStride}.
 */
final class ReductionPlan {
    /** The input shape with the reduced dims set to 1: the shape of the output with keepdim. */
    final int[] keepShape;
    /** The shape of the result: {@link #keepShape}, or without the reduced dims. */
    final int[] outShape;
    /** How many input elements each output element reduces. */
    final int count;
    /** Length of one run of the reduced dims. */
    final int innerSize;
    /** Step between the elements of a run. */
    final int innerStride;
    /** Offsets of the runs from an output element's base offset (empty when nothing is reduced over). */
    final int[] runStarts;
    private final int[] keptSizes;
    private final int[][] keptStrides;
    private final int inputOffset;

    private ReductionPlan(Tensor x, boolean[] reduced, boolean keepdim) {
        int[] shape = x.shape();
        int[] strides = x.stride();
        int nd = shape.length;
        keepShape = shape.clone();
        int kept = 0;
        int total = 1;
        for (int d = 0; d < nd; d++) {
            if (reduced[d]) {
                keepShape[d] = 1;
                total *= shape[d];
            } else {
                kept++;
            }
        }
        count = total;
        int[] outStrides = Shapes.contiguousStrides(keepShape);
        keptSizes = new int[kept];
        keptStrides = new int[2][kept];
        outShape = keepdim ? keepShape.clone() : new int[kept];
        for (int d = 0, k = 0; d < nd; d++) {
            if (!reduced[d]) {
                keptSizes[k] = shape[d];
                keptStrides[0][k] = outStrides[d];
                keptStrides[1][k] = strides[d];
                if (!keepdim) {
                    outShape[k] = shape[d];
                }
                k++;
            }
        }
        inputOffset = x.storageOffset();
        // the reduced dims of size > 1, by decreasing stride, merged where one continues the next
        int[] sizes = new int[nd];
        int[] steps = new int[nd];
        int m = 0;
        for (int d = 0; d < nd; d++) {
            if (reduced[d] && shape[d] != 1) {
                int j = m++;
                while (j > 0 && Math.abs(steps[j - 1]) < Math.abs(strides[d])) {
                    sizes[j] = sizes[j - 1];
                    steps[j] = steps[j - 1];
                    j--;
                }
                sizes[j] = shape[d];
                steps[j] = strides[d];
            }
        }
        int merged = 0;
        for (int j = 0; j < m; j++) {
            if (merged > 0 && steps[merged - 1] == steps[j] * sizes[j]) {
                sizes[merged - 1] *= sizes[j];
                steps[merged - 1] = steps[j];
            } else {
                sizes[merged] = sizes[j];
                steps[merged] = steps[j];
                merged++;
            }
        }
        innerSize = merged == 0 ? 1 : sizes[merged - 1];
        innerStride = merged == 0 ? 1 : steps[merged - 1];
        runStarts = runStarts(sizes, steps, merged - 1, count == 0 ? 0 : count / innerSize);
    }

    /** Offsets of every combination of indices over the first {@code outer} (size, stride) pairs. */
    private static int[] runStarts(int[] sizes, int[] steps, int outer, int runs) {
        int[] starts = new int[runs];
        int[] index = new int[Math.max(outer, 0)];
        int offset = 0;
        for (int r = 0; r < runs; r++) {
            starts[r] = offset;
            for (int d = outer - 1; d >= 0; d--) {
                offset += steps[d];
                if (++index[d] < sizes[d]) {
                    break;
                }
                offset -= steps[d] * sizes[d];
                index[d] = 0;
            }
        }
        return starts;
    }

    /** The plan reducing {@code x} over {@code dims} (wrapped; empty means every dim). */
    static ReductionPlan of(Tensor x, int[] dims, boolean keepdim) {
        boolean[] reduced = new boolean[x.dim()];
        for (int d = 0; d < reduced.length; d++) {
            reduced[d] = dims.length == 0;
        }
        for (int d : dims) {
            if (d < reduced.length) {
                reduced[d] = true;
            }
        }
        return new ReductionPlan(x, reduced, keepdim);
    }

    /**
     * Walks the output elements of a contiguous output of shape {@link #keepShape}: {@code row} receives runs
     * over two operands, 0 the output and 1 the input base offset of each output element. Output elements are
     * split over the intra-op pool when they reduce at least {@link Parallel#GRAIN_SIZE} input elements in all.
     */
    void forEachOutput(StridedLoop.Row row) {
        StridedLoop.run(keptSizes, keptStrides, new int[] {0, inputOffset}, row,
                Math.max(1, Parallel.GRAIN_SIZE / Math.max(1, count)));
    }

    /** A contiguous keepdim-shaped result seen with the shape the caller asked for. */
    Tensor shape(Tensor keepShaped) {
        return Tensor.of(keepShaped.storage(), outShape);
    }
}
