package org.torch4j.internal.cpu;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** The float64 loops of {@link Softmax}: max, exp(x - max) with its sum, then x - max - log(sum) or a scale. */
final class DoubleSoftmax implements Softmax.Kernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Elements of one column window of the rows form (n rows x width), sized to stay in the L2 cache. */
    private static final int WINDOW = 1 << 14;

    private final double[] in;
    private final double[] out;
    /** Offset of the input's first element (the output starts at 0). */
    private final int inOff;
    /** Columns per window of the rows form. */
    private final int width;
    /** Per-column max and sum of the current window of the rows form. */
    private final double[] maxRow;
    private final double[] sumRow;

    /** Kernels over slices of n rows of {@code inner} elements (inner == 1: lines of n elements). */
    DoubleSoftmax(double[] in, double[] out, int inOff, int n, int inner) {
        this.in = in;
        this.out = out;
        this.inOff = inOff;
        this.width = Math.min(inner, Math.max(L, WINDOW / n / L * L));
        this.maxRow = inner > 1 ? new double[width] : null;
        this.sumRow = inner > 1 ? new double[width] : null;
    }

    private static DoubleVector at(double[] a, int i) {
        return DoubleVector.fromArray(S, a, i);
    }

    @Override
    public void line(int off, int n, boolean log) {
        int io = inOff + off;
        double max = DoubleReduce.run(ReduceKind.MAX, in, io, 1, n);
        int bound = S.loopBound(n);
        DoubleVector vmax = DoubleVector.broadcast(S, max);
        DoubleVector vsum = DoubleVector.zero(S);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector e = at(in, io + i).sub(vmax).lanewise(VectorOperators.EXP);
            e.intoArray(out, off + i);
            vsum = vsum.add(e);
        }
        double sum = vsum.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            double e = Math.exp(in[io + i] - max);
            out[off + i] = e;
            sum += e;
        }
        i = 0;
        if (log) {
            double logSum = Math.log(sum);
            DoubleVector vlog = DoubleVector.broadcast(S, logSum);
            for (; i < bound; i += L) at(in, io + i).sub(vmax).sub(vlog).intoArray(out, off + i);
            for (; i < n; i++) out[off + i] = in[io + i] - max - logSum;
        } else {
            double scale = 1 / sum;
            for (; i < bound; i += L) at(out, off + i).mul(scale).intoArray(out, off + i);
            for (; i < n; i++) out[off + i] *= scale;
        }
    }

    @Override
    public void rows(int base, int n, int inner, boolean log) {
        for (int c = 0; c < inner; c += width) {
            columns(base + c, n, inner, Math.min(width, inner - c), log);
        }
    }

    /** The n rows (stride {@code inner}) of w columns starting at base: max, exp-sum, then scale or shift. */
    private void columns(int base, int n, int inner, int w, boolean log) {
        int io = inOff + base;
        System.arraycopy(in, io, maxRow, 0, w);
        DoubleReduce.rows(ReduceKind.MAX, maxRow, 0, in, io + inner, inner, n - 1, w);
        Arrays.fill(sumRow, 0, w, 0);
        int bound = S.loopBound(w);
        for (int r = 0; r < n; r++) {
            int ri = io + r * inner;
            int ro = base + r * inner;
            int j = 0;
            for (; j < bound; j += L) {
                DoubleVector e = at(in, ri + j).sub(at(maxRow, j)).lanewise(VectorOperators.EXP);
                e.intoArray(out, ro + j);
                e.add(at(sumRow, j)).intoArray(sumRow, j);
            }
            for (; j < w; j++) {
                double e = Math.exp(in[ri + j] - maxRow[j]);
                out[ro + j] = e;
                sumRow[j] += e;
            }
        }
        for (int j = 0; j < w; j++) {
            sumRow[j] = log ? Math.log(sumRow[j]) : 1 / sumRow[j];
        }
        for (int r = 0; r < n; r++) {
            int ri = io + r * inner;
            int ro = base + r * inner;
            int j = 0;
            if (log) {
                for (; j < bound; j += L) {
                    at(in, ri + j).sub(at(maxRow, j)).sub(at(sumRow, j)).intoArray(out, ro + j);
                }
                for (; j < w; j++) out[ro + j] = in[ri + j] - maxRow[j] - sumRow[j];
            } else {
                for (; j < bound; j += L) at(out, ro + j).mul(at(sumRow, j)).intoArray(out, ro + j);
                for (; j < w; j++) out[ro + j] *= sumRow[j];
            }
        }
    }
}
