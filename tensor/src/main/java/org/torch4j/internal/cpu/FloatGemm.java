package org.torch4j.internal.cpu;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.torch4j.Tensor;

/**
 * The float32 GEMM ({@code torch.mm}, {@code torch.bmm}): packing and a 6 x 2-vector register-tiled
 * micro-kernel of FloatVector FMAs under the blocking of {@link PackedGemm}.
 */
final class FloatGemm extends PackedGemm<float[]> {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /**
     * The register tile: 6 rows x 2 vectors is 12 accumulators, 2 B vectors and 1 broadcast of A, which fits
     * the 16 vector registers of AVX2 as well as AVX-512's 32. (Larger tiles measured slower on the JIT.)
     */
    private static final int MR = 6;
    private static final int NR = 2 * L;
    /** Per-thread scratch arrays, by slot (see {@link PackedGemm#scratch}). */
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[3][]);

    private FloatGemm(Tensor a, Tensor b, Tensor c) {
        super(MR, NR, a, data(a), b, data(b), c, data(c));
    }

    private static float[] data(Tensor t) {
        return Elementwise.data(t).floats();
    }

    /**
     * {@code c[t] += a[t] · b[t]} for float32 a (B, m, k), b (B, k, n) and c (B, m, n) with unit column stride, or the
     * same without the batch dim.
     */
    static void multiply(Tensor a, Tensor b, Tensor c) {
        new FloatGemm(a, b, c).run();
    }

    @Override
    float[] scratch(int slot, int length) {
        float[][] mine = SCRATCH.get();
        if (mine[slot] == null || mine[slot].length < length) {
            mine[slot] = new float[length];
        }
        return mine[slot];
    }

    /** Rows of C as axpys over rows of B when those vectorise, otherwise one dot per element. */
    @Override
    void simple(int aBase, int bBase, int cBase) {
        for (int i = 0; i < m; i++) {
            int ai = aBase + i * aRs;
            int ci = cBase + i * ldc;
            if (bCs == 1 && n >= L) {
                for (int p = 0; p < k; p++) {
                    FloatMatVec.axpy(a[ai + p * aCs], b, bBase + p * bRs, c, ci, n);
                }
            } else {
                for (int j = 0; j < n; j++) {
                    c[ci + j] += FloatMatVec.dot(a, ai, aCs, b, bBase + j * bCs, bRs, k);
                }
            }
        }
    }

    /**
     * Full panels read their MR rows side by side (six streams along A's rows, or along its columns for
     * column-major A) and write each depth step's MR values contiguously; the last partial panel is zero-padded.
     */
    @Override
    void packA(float[] dst, int base, int row0, int rows, int p0, int depth) {
        for (int ir = 0; ir < rows; ir += MR) {
            int h = Math.min(MR, rows - ir);
            int panel = ir * depth;
            int src = base + (row0 + ir) * aRs + p0 * aCs;
            if (h == MR) {
                packFullPanel(dst, panel, src, depth);
                continue;
            }
            for (int p = 0; p < depth; p++) {
                for (int i = 0; i < MR; i++) {
                    dst[panel + p * MR + i] = i < h ? a[src + i * aRs + p * aCs] : 0f;
                }
            }
        }
    }

    private void packFullPanel(float[] dst, int d, int s, int depth) {
        int r = aRs;
        for (int p = 0; p < depth; p++, d += MR, s += aCs) {
            dst[d] = a[s];
            dst[d + 1] = a[s + r];
            dst[d + 2] = a[s + 2 * r];
            dst[d + 3] = a[s + 3 * r];
            dst[d + 4] = a[s + 4 * r];
            dst[d + 5] = a[s + 5 * r];
        }
    }

    /** Copies row runs of row-major B whole; otherwise reads along B's smaller stride. */
    @Override
    void packB(float[] dst, int dstOff, int base, int p0, int depth, int col0, int cols) {
        for (int jr = 0; jr < cols; jr += NR) {
            int w = Math.min(NR, cols - jr);
            int panel = dstOff + jr * depth;
            int src = base + p0 * bRs + (col0 + jr) * bCs;
            if (bCs == 1) {
                for (int p = 0; p < depth; p++) {
                    System.arraycopy(b, src + p * bRs, dst, panel + p * NR, w);
                }
            } else if (Math.abs(bRs) <= Math.abs(bCs)) {
                for (int j = 0; j < w; j++) {
                    for (int p = 0; p < depth; p++) {
                        dst[panel + p * NR + j] = b[src + j * bCs + p * bRs];
                    }
                }
            } else {
                for (int p = 0; p < depth; p++) {
                    for (int j = 0; j < w; j++) {
                        dst[panel + p * NR + j] = b[src + j * bCs + p * bRs];
                    }
                }
            }
            if (w < NR) {
                for (int p = 0; p < depth; p++) {
                    Arrays.fill(dst, panel + p * NR + w, panel + (p + 1) * NR, 0f);
                }
            }
        }
    }

    @Override
    void addTile(float[] tile, int ci, int rows, int cols) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                c[ci + i * ldc + j * cCs] += tile[i * NR + j];
            }
        }
        Arrays.fill(tile, 0f);
    }

    @Override
    void kernel(int depth, float[] ap, int ai, float[] bp, int bi, float[] t, int ti, int ld) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        FloatVector c40 = c00;
        FloatVector c41 = c00;
        FloatVector c50 = c00;
        FloatVector c51 = c00;
        for (int p = 0; p < depth; p++) {
            int ia = ai + p * MR;
            int ib = bi + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, bp, ib);
            FloatVector b1 = FloatVector.fromArray(S, bp, ib + L);
            FloatVector x = FloatVector.broadcast(S, ap[ia]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, ap[ia + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, ap[ia + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, ap[ia + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, ap[ia + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, ap[ia + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
        }
        addRow(t, ti, c00, c01);
        addRow(t, ti + ld, c10, c11);
        addRow(t, ti + 2 * ld, c20, c21);
        addRow(t, ti + 3 * ld, c30, c31);
        addRow(t, ti + 4 * ld, c40, c41);
        addRow(t, ti + 5 * ld, c50, c51);
    }

    private static void addRow(float[] t, int i, FloatVector v0, FloatVector v1) {
        FloatVector.fromArray(S, t, i).add(v0).intoArray(t, i);
        FloatVector.fromArray(S, t, i + L).add(v1).intoArray(t, i + L);
    }
}
