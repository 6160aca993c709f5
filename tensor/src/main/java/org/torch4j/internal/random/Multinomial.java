package org.torch4j.internal.random;

import java.util.Arrays;
import org.torch4j.DType;
import org.torch4j.Generator;
import org.torch4j.Tensor;
import org.torch4j.internal.CpuStorage;
import org.torch4j.internal.Shapes;

/**
 * {@code torch.multinomial} as PyTorch 1.13 computes it on the CPU. Without replacement it takes the
 * exponential-race fast path: q ~ Exp(1) over the whole input (in q's memory order), then the top
 * {@code numSamples} of {@code probs / q} per row. With replacement it runs the CPU kernel: per row, the
 * normalised cumulative sum (in the input's precision) and a binary search for one double uniform per sample.
 */
final class Multinomial {
    private static final int MAX_CATEGORIES = 1 << 24;

    private Multinomial() {
    }

    static Tensor sample(Tensor probs, int numSamples, boolean replacement, Generator g) {
        if (probs.dim() < 1 || probs.dim() > 2) {
            throw new IllegalArgumentException("prob_dist must be 1 or 2 dim");
        }
        DType dtype = probs.dtype();
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("multinomial only supports floating-point dtypes for input, got: "
                    + dtype.scalarTypeName());
        }
        if (numSamples <= 0) {
            throw new IllegalArgumentException("cannot sample n_sample <= 0 samples");
        }
        int categories = probs.size(-1);
        if (!replacement && numSamples > categories) {
            throw new IllegalArgumentException(
                    "cannot sample n_sample > prob_dist.size(-1) samples without replacement");
        }
        if (categories > MAX_CATEGORIES) {
            throw new IllegalArgumentException("number of categories cannot exceed 2^24");
        }
        int rows = probs.dim() == 2 ? probs.size(0) : 1;
        int[] shape = probs.dim() == 2 ? new int[] {rows, numSamples} : new int[] {numSamples};
        long[] result = new long[rows * numSamples];
        if (result.length > 0) {
            Rows p = new Rows(probs);
            synchronized (g) {
                if (replacement) {
                    withReplacement(p, numSamples, result, g.impl());
                } else {
                    withoutReplacement(p, numSamples, result, g.impl());
                }
            }
        }
        return Tensor.of(CpuStorage.wrap(result), shape).to(probs.device());
    }

    /** The input as rows of doubles (exact for float32), plus the strides {@code empty_like} would give it. */
    private static final class Rows {
        final int rows;
        final int cols;
        final boolean single;
        final double[] values;
        final int rowStride;
        final int colStride;

        Rows(Tensor probs) {
            rows = probs.dim() == 2 ? probs.size(0) : 1;
            cols = probs.size(-1);
            single = probs.dtype() == DType.FLOAT32;
            values = probs.cpu().contiguous().toDoubleArray();
            int[] like = Shapes.denseStrides(probs.shape(), probs.stride());
            like = like != null ? like : Shapes.contiguousStrides(probs.shape());
            rowStride = probs.dim() == 2 ? like[0] : 0;
            colStride = like[like.length - 1];
        }

        double get(int row, int col) {
            return values[row * cols + col];
        }

        /** Rounds an arithmetic result to the input's precision (exact for +, - and / done in double). */
        double round(double x) {
            return single ? (float) x : x;
        }
    }

    /** The kernel {@code multinomial_with_replacement_apply}. */
    private static void withReplacement(Rows p, int numSamples, long[] result, CpuGenerator g) {
        double[] cum = new double[p.cols];
        for (int i = 0; i < p.rows; i++) {
            double sum = 0;
            for (int j = 0; j < p.cols; j++) {
                double val = p.get(i, j);
                if (!(val >= 0)) {
                    throw new IllegalArgumentException(
                            "invalid multinomial distribution (encountering probability entry < 0)");
                }
                if (!Double.isFinite(val)) {
                    throw new IllegalArgumentException(
                            "invalid multinomial distribution (encountering probability entry = infinity or NaN)");
                }
                sum = p.round(sum + val);
                cum[j] = sum;
            }
            if (!(sum > 0)) {
                throw new IllegalArgumentException("invalid multinomial distribution (sum of probabilities <= 0)");
            }
            for (int j = 0; j < p.cols; j++) {
                cum[j] = p.round(cum[j] / sum);
            }
            cum[p.cols - 1] = 1;
            for (int s = 0; s < numSamples; s++) {
                double u = Distributions.uniform(g, 0.0, 1.0);
                int left = 0;
                int right = p.cols;
                while (right - left > 0) {
                    int mid = left + (right - left) / 2;
                    if (cum[mid] < u) {
                        left = mid + 1;
                    } else {
                        right = mid;
                    }
                }
                result[i * numSamples + s] = left;
            }
        }
    }

    /** The fast path: {@code argmax} (one sample) or {@code topk} of {@code probs / Exp(1)} per row. */
    private static void withoutReplacement(Rows p, int numSamples, long[] result, CpuGenerator g) {
        boolean[] zeroRow = new boolean[p.rows];
        Arrays.fill(zeroRow, true);
        for (int i = 0; i < p.rows; i++) {
            for (int j = 0; j < p.cols; j++) {
                double v = p.get(i, j);
                if (!(v < Double.POSITIVE_INFINITY && v >= 0)) {
                    throw new IllegalArgumentException(
                            "probability tensor contains either `inf`, `nan` or element < 0");
                }
                zeroRow[i] &= v == 0;
            }
        }
        for (boolean zero : zeroRow) {
            if (zero) {
                throw new IllegalArgumentException("invalid multinomial distribution (sum of probabilities <= 0)");
            }
        }
        // q = empty_like(probs).exponential_(1): the k-th draw lands at q's k-th storage position.
        double[] q = new double[p.rows * p.cols];
        for (int k = 0; k < q.length; k++) {
            q[k] = p.round(Distributions.exponential(g, 1.0));
        }
        int[] order = new int[p.cols];
        int[] scratch = new int[p.cols];
        double[] ratio = new double[p.cols];
        for (int i = 0; i < p.rows; i++) {
            for (int j = 0; j < p.cols; j++) {
                double r = p.round(p.get(i, j) / q[i * p.rowStride + j * p.colStride]);
                ratio[j] = Double.isNaN(r) ? Double.POSITIVE_INFINITY : r;
                order[j] = j;
            }
            sortDescending(order, scratch, ratio, 0, p.cols);
            for (int s = 0; s < numSamples; s++) {
                result[i * numSamples + s] = order[s];
            }
        }
    }

    /**
     * Stable merge sort of {@code idx[from, to)} by {@code key} descending: argmax's and topk's order (largest
     * first, NaN mapped above everything). Equal keys keep the lower index first, which is argmax's choice;
     * topk's order among equal keys (only zero-probability picks can tie) comes from libstdc++'s partial sort
     * in PyTorch and may differ.
     */
    private static void sortDescending(int[] idx, int[] scratch, double[] key, int from, int to) {
        if (to - from < 2) {
            return;
        }
        int mid = (from + to) >>> 1;
        sortDescending(idx, scratch, key, from, mid);
        sortDescending(idx, scratch, key, mid, to);
        int a = from;
        int b = mid;
        int k = from;
        while (a < mid && b < to) {
            scratch[k++] = key[idx[b]] > key[idx[a]] ? idx[b++] : idx[a++];
        }
        while (a < mid) {
            scratch[k++] = idx[a++];
        }
        while (b < to) {
            scratch[k++] = idx[b++];
        }
        System.arraycopy(scratch, from, idx, from, to - from);
    }
}
