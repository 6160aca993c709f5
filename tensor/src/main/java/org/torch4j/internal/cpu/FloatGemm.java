package org.torch4j.internal.cpu;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.torch4j.Tensor;

/**
 * The float32 GEMM ({@code torch.mm}, {@code torch.bmm}, {@code torch.addmm}): packing and an 8 x 2-vector
 * register-tiled micro-kernel of FloatVector FMAs under the blocking of {@link PackedGemm}, and the 4 x 3 tile of
 * vector dot products of its dot path.
 */
final class FloatGemm extends PackedGemm<float[]> {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /**
     * The register tile: 8 rows x 2 vectors is 16 accumulators, 2 B vectors and 1 broadcast of A, for the 32
     * vector registers of AVX-512 (on AVX2's 16 they spill). The kernel writes its tile back inline: a helper
     * taking vectors as arguments is not inlined into a method this large, and C2 then boxes every vector.
     */
    private static final int MR = 8;
    private static final int NR = 2 * L;
    /** Per-thread scratch arrays, by slot (see {@link PackedGemm#scratch}). */
    private static final ThreadScratch<float[]> SCRATCH = new ThreadScratch<>(5, float[]::new, a -> a.length);

    private FloatGemm(Tensor a, Tensor b, Tensor c, double alpha) {
        super(MR, NR, a, data(a), b, data(b), c, data(c), alpha);
    }

    private static float[] data(Tensor t) {
        return Elementwise.data(t).floats();
    }

    /**
     * {@code c[t] += a[t] · b[t]} for float32 a (B, m, k), b (B, k, n) and c (B, m, n) with unit column stride, or the
     * same without the batch dim.
     */
    static void multiply(Tensor a, Tensor b, Tensor c) {
        multiply(a, b, c, 1);
    }

    /** {@code c[t] += alpha * a[t] · b[t]}, as {@link #multiply(Tensor, Tensor, Tensor)}. */
    static void multiply(Tensor a, Tensor b, Tensor c, double alpha) {
        if (c.dim() == 2 && unpacked(c.size(0), c.size(1), a.size(1))) {
            // the small path without a GEMM object: the same loops as simple() below
            small(data(a), a.storageOffset(), a.stride(0), a.stride(1), data(b), b.storageOffset(), b.stride(0),
                    b.stride(1), data(c), c.storageOffset(), c.stride(0), c.size(0), c.size(1), a.size(1),
                    (float) alpha, null, 0, 0, 0);
            return;
        }
        new FloatGemm(a, b, c, alpha).run();
    }

    /**
     * {@code c = self + alpha * a · b} for a small 2-d product (the unpacked path of {@link #multiply}), {@code self} a
     * float32 tensor read over c's shape through {@code selfStrides} (its broadcast strides): addmm's copy of self into
     * c and the accumulation in one pass over C, giving the values of the copy followed by {@link #multiply}. Returns
     * false, writing nothing, when the product is not a small one.
     */
    static boolean multiplyOnto(Tensor self, int[] selfStrides, Tensor a, Tensor b, Tensor c, double alpha) {
        if (c.dim() != 2 || !unpacked(c.size(0), c.size(1), a.size(1))) {
            return false;
        }
        small(data(a), a.storageOffset(), a.stride(0), a.stride(1), data(b), b.storageOffset(), b.stride(0),
                b.stride(1), data(c), c.storageOffset(), c.stride(0), c.size(0), c.size(1), a.size(1), (float) alpha,
                data(self), self.storageOffset(), selfStrides[0], selfStrides[1]);
        return true;
    }

    @Override
    int lanes() {
        return L;
    }

    @Override
    float[] scratch(int slot, int length) {
        return SCRATCH.get(slot, length);
    }

    @Override
    void simple(int aBase, int bBase, int cBase) {
        small(a, aBase, aRs, aCs, b, bBase, bRs, bCs, c, cBase, ldc, m, n, k, (float) alpha, null, 0, 0, 0);
    }

    /**
     * {@code c += al * a · b} for an m x k A and a k x n B of any strides into C of unit column stride, unpacked:
     * rows of C as axpys over rows of B when those vectorise, otherwise one dot per element. With an {@code s}, each
     * row of C is first set to that row of S (strides {@code sRs}, {@code sCs}).
     */
    private static void small(float[] a, int aBase, int aRs, int aCs, float[] b, int bBase, int bRs, int bCs,
            float[] c, int cBase, int ldc, int m, int n, int k, float al, float[] s, int sBase, int sRs, int sCs) {
        for (int i = 0; i < m; i++) {
            int ai = aBase + i * aRs;
            int ci = cBase + i * ldc;
            if (s != null) {
                for (int j = 0; j < n; j++) {
                    c[ci + j] = s[sBase + i * sRs + j * sCs];
                }
            }
            if (bCs == 1 && n >= L) {
                for (int p = 0; p < k; p++) {
                    FloatMatVec.axpy(al * a[ai + p * aCs], b, bBase + p * bRs, c, ci, n);
                }
            } else {
                for (int j = 0; j < n; j++) {
                    c[ci + j] += al * dot(a, ai, aCs, b, bBase + j * bCs, bRs, k);
                }
            }
        }
    }

    /**
     * {@link FloatMatVec#dot} with the scalar loop that it runs for strided or shorter-than-a-vector operands written out
     * here, so that the tiny depths of small products (one per element of C) cost no call.
     */
    private static float dot(float[] x, int xo, int xs, float[] y, int yo, int ys, int n) {
        if (n >= L && xs == 1 && ys == 1) {
            return FloatMatVec.dot(x, xo, y, yo, n);
        }
        // depths of one and two (Linear(1, n) and Linear(2, n) layers) without entering a loop: the loop's sums
        if (n == 1) {
            return 0f + x[xo] * y[yo];
        }
        if (n == 2) {
            return 0f + x[xo] * y[yo] + x[xo + xs] * y[yo + ys];
        }
        float sum = 0;
        for (int i = 0; i < n; i++) {
            sum += x[xo + i * xs] * y[yo + i * ys];
        }
        return sum;
    }

    /**
     * Row-major A is copied a row at a time; other layouts are read along A's smaller stride, column-major A (the
     * transposed operand of a backward pass) in tiles of {@link #A_TILE} columns. The rows that pad the last
     * micro-panel to MR are zeroed.
     */
    @Override
    void packA(float[] dst, int base, int row0, int rows, int p0, int depth) {
        int src = base + row0 * aRs + p0 * aCs;
        if (aCs == 1) {
            for (int i = 0; i < rows; i++) {
                System.arraycopy(a, src + i * aRs, dst, i * A_STRIDE, depth);
            }
        } else if (Math.abs(aRs) <= Math.abs(aCs)) {
            for (int pb = 0; pb < depth; pb += A_TILE) {
                int pe = Math.min(depth, pb + A_TILE);
                for (int i = 0; i < rows; i++) {
                    int d = i * A_STRIDE;
                    int s = src + i * aRs;
                    for (int p = pb; p < pe; p++) {
                        dst[d + p] = a[s + p * aCs];
                    }
                }
            }
        } else {
            for (int i = 0; i < rows; i++) {
                for (int p = 0; p < depth; p++) {
                    dst[i * A_STRIDE + p] = a[src + i * aRs + p * aCs];
                }
            }
        }
        for (int i = rows; i % MR != 0; i++) {
            Arrays.fill(dst, i * A_STRIDE, i * A_STRIDE + depth, 0f);
        }
    }

    /**
     * Row-major B: the full panels are copied a few rows at a time across the panels, so that B is read as a few
     * sequential streams (a panel at a time, its rows are a page apart and the prefetchers do not follow them: three
     * times slower from memory); the last partial panel is copied row by row. Other layouts read along B's smaller
     * stride.
     */
    @Override
    void packB(float[] dst, int dstOff, int base, int p0, int depth, int col0, int cols) {
        int full = 0;
        if (bCs == 1) {
            full = cols / NR * NR;
            int src = base + p0 * bRs + col0;
            for (int p = 0; p < depth; p += B_ROWS) {
                int h = Math.min(B_ROWS, depth - p);
                for (int jr = 0; jr < full; jr += NR) {
                    int d = dstOff + jr * depth + p * NR;
                    int s = src + p * bRs + jr;
                    for (int q = 0; q < h; q++, d += NR, s += bRs) {
                        FloatVector.fromArray(S, b, s).intoArray(dst, d);
                        FloatVector.fromArray(S, b, s + L).intoArray(dst, d + L);
                    }
                }
            }
        }
        for (int jr = full; jr < cols; jr += NR) {
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
        FloatVector c60 = c00;
        FloatVector c61 = c00;
        FloatVector c70 = c00;
        FloatVector c71 = c00;
        for (int p = 0; p < depth; p++) {
            int ia = ai + p;
            int ib = bi + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, bp, ib);
            FloatVector b1 = FloatVector.fromArray(S, bp, ib + L);
            FloatVector x = FloatVector.broadcast(S, ap[ia]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, ap[ia + A_STRIDE]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, ap[ia + 2 * A_STRIDE]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, ap[ia + 3 * A_STRIDE]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, ap[ia + 4 * A_STRIDE]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, ap[ia + 5 * A_STRIDE]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(S, ap[ia + 6 * A_STRIDE]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(S, ap[ia + 7 * A_STRIDE]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
        }
        FloatVector al = FloatVector.broadcast(S, (float) alpha);
        c00.fma(al, FloatVector.fromArray(S, t, ti)).intoArray(t, ti);
        c01.fma(al, FloatVector.fromArray(S, t, ti + L)).intoArray(t, ti + L);
        c10.fma(al, FloatVector.fromArray(S, t, ti + ld)).intoArray(t, ti + ld);
        c11.fma(al, FloatVector.fromArray(S, t, ti + ld + L)).intoArray(t, ti + ld + L);
        c20.fma(al, FloatVector.fromArray(S, t, ti + 2 * ld)).intoArray(t, ti + 2 * ld);
        c21.fma(al, FloatVector.fromArray(S, t, ti + 2 * ld + L)).intoArray(t, ti + 2 * ld + L);
        c30.fma(al, FloatVector.fromArray(S, t, ti + 3 * ld)).intoArray(t, ti + 3 * ld);
        c31.fma(al, FloatVector.fromArray(S, t, ti + 3 * ld + L)).intoArray(t, ti + 3 * ld + L);
        c40.fma(al, FloatVector.fromArray(S, t, ti + 4 * ld)).intoArray(t, ti + 4 * ld);
        c41.fma(al, FloatVector.fromArray(S, t, ti + 4 * ld + L)).intoArray(t, ti + 4 * ld + L);
        c50.fma(al, FloatVector.fromArray(S, t, ti + 5 * ld)).intoArray(t, ti + 5 * ld);
        c51.fma(al, FloatVector.fromArray(S, t, ti + 5 * ld + L)).intoArray(t, ti + 5 * ld + L);
        c60.fma(al, FloatVector.fromArray(S, t, ti + 6 * ld)).intoArray(t, ti + 6 * ld);
        c61.fma(al, FloatVector.fromArray(S, t, ti + 6 * ld + L)).intoArray(t, ti + 6 * ld + L);
        c70.fma(al, FloatVector.fromArray(S, t, ti + 7 * ld)).intoArray(t, ti + 7 * ld);
        c71.fma(al, FloatVector.fromArray(S, t, ti + 7 * ld + L)).intoArray(t, ti + 7 * ld + L);
    }

    @Override
    void packTails(float[] tail, int aBase, int bBase) {
        int p0 = k - k % L;
        Arrays.fill(tail, 0, (m + n) * L, 0f);
        for (int i = 0; i < m; i++) {
            System.arraycopy(a, aBase + i * aRs + p0, tail, i * L, k - p0);
        }
        for (int j = 0; j < n; j++) {
            System.arraycopy(b, bBase + j * bCs + p0, tail, (m + j) * L, k - p0);
        }
    }

    /**
     * Sixteen dot products along the depth, four rows of A by four columns of B (a short tile repeats its last row
     * or column and drops the repeat): the whole vectors in place, then the zero-padded tails.
     */
    @Override
    void dotTile(int aBase, int bBase, float[] tail, float[] sums, int i0, int rows, int j0, int cols, int ci) {
        int[] r = {i0, i0 + Math.min(1, rows - 1), i0 + Math.min(2, rows - 1), i0 + Math.min(3, rows - 1)};
        int[] q = {j0, j0 + Math.min(1, cols - 1), j0 + Math.min(2, cols - 1), j0 + Math.min(3, cols - 1)};
        FloatDotTile.accumulate(a, aBase + r[0] * aRs, aBase + r[1] * aRs, aBase + r[2] * aRs, aBase + r[3] * aRs,
                b, bBase + q[0] * bCs, bBase + q[1] * bCs, bBase + q[2] * bCs, bBase + q[3] * bCs, k - k % L, sums, 0,
                DOT_COLS * L, true);
        if (tail != null) {
            FloatDotTile.accumulate(tail, r[0] * L, r[1] * L, r[2] * L, r[3] * L, tail, (m + q[0]) * L,
                    (m + q[1]) * L, (m + q[2]) * L, (m + q[3]) * L, L, sums, 0, DOT_COLS * L, false);
        }
        float al = (float) alpha;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                c[ci + i * ldc + j * cCs] += al * FloatVector.fromArray(S, sums, (i * DOT_COLS + j) * L)
                        .reduceLanes(VectorOperators.ADD);
            }
        }
    }
}
