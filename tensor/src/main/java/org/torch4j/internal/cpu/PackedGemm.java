package org.torch4j.internal.cpu;

import org.torch4j.Tensor;
import org.torch4j.internal.Parallel;
import org.torch4j.internal.Views;

/**
 * The blocked loop nest of a packed GEMM (the Goto/BLIS scheme behind {@code torch.mm} and {@code torch.bmm}),
 * shared by the float32 and float64 kernels: {@code C[b] += A[b] · B[b]} for every batch b, where A, B and C
 * are 3-d strided views (any strides, stride 0 included) and C has unit column stride.
 *
 * <p>Per batch, the columns of C are cut into blocks of {@link #NC}, the depth into blocks of {@link #KC}:
 * each KC x NC block of B is packed once into micro-panels of {@code nr} columns, then the rows are cut into
 * blocks of {@link #MC}, each MC x KC block of A packed into micro-panels of {@code mr} rows, and the
 * register-tiled micro-kernel computes one {@code mr x nr} tile of C per pair of micro-panels. Packing reads
 * the operands through their strides, so transposed, sliced and expanded inputs cost no extra copy. Edge
 * tiles are packed with zero padding and computed into a scratch tile. When C has fewer columns than a tile
 * and more rows, the product is computed transposed ({@code Cᵀ = Bᵀ · Aᵀ}, tiles stored through the scratch
 * tile) so that the padding falls on the short side. Products of at most {@link #SMALL} multiply-adds, and
 * matrix-vector shapes (one row or one column), skip packing and take the subclass's simple loop.
 *
 * <p>The row blocks of one (jc, pc) step write disjoint rows of C and only read the shared packed B, so
 * large products run them in parallel on the intra-op pool ({@link Parallel}), each chunk with its own A
 * buffer and scratch tile.
 *
 * @param <T> the array type of the dtype (float[] or double[])
 */
abstract class PackedGemm<T> {
    /**
     * Depth of a packed block. A B micro-panel (KC x nr: 256 x 32 floats or 256 x 16 doubles = 32 KiB) stays in
     * the 48 KiB L1 while the micro-kernel sweeps down the row block.
     */
    static final int KC = 256;
    /** Rows of a packed A block: MC x KC (96 KiB of floats, 192 KiB of doubles) stays in the 1 MiB L2. */
    static final int MC = 96;
    /** Columns of a packed B block: KC x NC (1 MiB of floats, 2 MiB of doubles) lives in L2/L3. */
    static final int NC = 1024;
    /**
     * Up to this many multiply-adds (about 8 x 8 x 8), packing costs more than it saves; above it the packed
     * path wins even with mostly padded tiles (measured on AVX-512: packed is already faster at 12 x 12 x 12).
     */
    static final long SMALL = 512;

    /** Products of at least this many multiply-adds split their row blocks over the intra-op pool. */
    static final long PARALLEL_WORK = 1L << 21;

    private final int mr;
    private final int nr;
    private final boolean packed;
    final int batches;
    final int m;
    final int n;
    final int k;
    final T a;
    final T b;
    final T c;
    final int aOff;
    final int aBs;
    final int aRs;
    final int aCs;
    final int bOff;
    final int bBs;
    final int bRs;
    final int bCs;
    final int cOff;
    final int cBs;
    final int ldc;
    /** C's column stride: 1, except for a product computed transposed (packed path only). */
    final int cCs;

    /** a (B, m, k), b (B, k, n), c (B, m, n) with c's last stride 1; the data arrays of their storages. */
    PackedGemm(int mr, int nr, Tensor a, T aData, Tensor b, T bData, Tensor c, T cData) {
        this.mr = mr;
        this.nr = nr;
        int rows = c.size(1);
        int cols = c.size(2);
        k = a.size(2);
        packed = (long) rows * cols * k > SMALL && rows > 1 && cols > 1;
        boolean transpose = packed && cols < nr && rows > cols;
        Tensor ta = transpose ? Views.transpose(b, 1, 2) : a;
        Tensor tb = transpose ? Views.transpose(a, 1, 2) : b;
        Tensor tc = transpose ? Views.transpose(c, 1, 2) : c;
        this.a = transpose ? bData : aData;
        this.b = transpose ? aData : bData;
        this.c = cData;
        batches = tc.size(0);
        m = tc.size(1);
        n = tc.size(2);
        aOff = ta.storageOffset();
        aBs = ta.stride(0);
        aRs = ta.stride(1);
        aCs = ta.stride(2);
        bOff = tb.storageOffset();
        bBs = tb.stride(0);
        bRs = tb.stride(1);
        bCs = tb.stride(2);
        cOff = tc.storageOffset();
        cBs = tc.stride(0);
        ldc = tc.stride(1);
        cCs = tc.stride(2);
    }

    /** A zero-filled array of the dtype. */
    abstract T allocate(int length);

    /**
     * Packs A[row0 .. row0+rows, p0 .. p0+depth) of the batch at {@code base} into {@code dst} as micro-panels of
     * mr rows, each stored depth-major ({@code dst[panel * mr * depth + p * mr + i]}), zero-padding the last.
     */
    abstract void packA(T dst, int base, int row0, int rows, int p0, int depth);

    /**
     * Packs B[p0 .. p0+depth, col0 .. col0+cols) of the batch at {@code base} into {@code dst} as micro-panels of
     * nr columns, each stored depth-major ({@code dst[panel * nr * depth + p * nr + j]}), zero-padding the last.
     */
    abstract void packB(T dst, int base, int p0, int depth, int col0, int cols);

    /**
     * The micro-kernel: {@code target[ti + i * ld + j] += sum_p aPack[ai + p * mr + i] * bPack[bi + p * nr + j]}
     * for the whole mr x nr tile.
     */
    abstract void kernel(int depth, T aPack, int ai, T bPack, int bi, T target, int ti, int ld);

    /**
     * Adds the top-left rows x cols of the scratch tile (row stride nr) into C at {@code ci} (strides ldc and cCs),
     * then zeroes the tile.
     */
    abstract void addTile(T tile, int ci, int rows, int cols);

    /** The unpacked product of one batch for small sizes: C at cBase += A at aBase · B at bBase. */
    abstract void simple(int aBase, int bBase, int cBase);

    /** Computes every batch. */
    final void run() {
        if (batches == 0 || m == 0 || n == 0 || k == 0) {
            return;
        }
        if (!packed) {
            for (int t = 0; t < batches; t++) {
                simple(aOff + t * aBs, bOff + t * bBs, cOff + t * cBs);
            }
            return;
        }
        int mcMax = MC / mr * mr;
        int ncMax = NC / nr * nr;
        int kcMax = Math.min(KC, k);
        int aPackLength = roundUp(Math.min(mcMax, m), mr) * kcMax;
        T aPack = allocate(aPackLength);
        int rowBlocks = (m + mcMax - 1) / mcMax;
        int grain = (long) m * n * k >= PARALLEL_WORK ? 1 : rowBlocks;
        T bPack = allocate(kcMax * roundUp(Math.min(ncMax, n), nr));
        T tile = allocate(mr * nr);
        for (int t = 0; t < batches; t++) {
            int aBase = aOff + t * aBs;
            int bBase = bOff + t * bBs;
            int cBase = cOff + t * cBs;
            for (int jc = 0; jc < n; jc += ncMax) {
                int nc = Math.min(ncMax, n - jc);
                for (int pc = 0; pc < k; pc += KC) {
                    int kc = Math.min(KC, k - pc);
                    packB(bPack, bBase, pc, kc, jc, nc);
                    int colBase = cBase + jc * cCs;
                    int p0 = pc;
                    Parallel.forRange(rowBlocks, grain, (first, end) -> {
                        boolean caller = first == 0;
                        T ownA = caller ? aPack : allocate(aPackLength);
                        T ownTile = caller ? tile : allocate(mr * nr);
                        for (int blk = first; blk < end; blk++) {
                            int ic = blk * mcMax;
                            rowBlock(ownA, bPack, ownTile, aBase, colBase + ic * ldc, ic, Math.min(mcMax, m - ic), p0, kc, nc);
                        }
                    });
                }
            }
        }
    }

    /** One MC x NC block of C (at ci) from rows ic .. ic+mc of A and the packed B block. */
    private void rowBlock(T aPack, T bPack, T tile, int aBase, int ci, int ic, int mc, int pc, int kc, int nc) {
        packA(aPack, aBase, ic, mc, pc, kc);
        for (int jr = 0; jr < nc; jr += nr) {
            int cols = Math.min(nr, nc - jr);
            for (int ir = 0; ir < mc; ir += mr) {
                int rows = Math.min(mr, mc - ir);
                int at = ci + ir * ldc + jr * cCs;
                if (rows == mr && cols == nr && cCs == 1) {
                    kernel(kc, aPack, ir * kc, bPack, jr * kc, c, at, ldc);
                } else {
                    kernel(kc, aPack, ir * kc, bPack, jr * kc, tile, 0, nr);
                    addTile(tile, at, rows, cols);
                }
            }
        }
    }

    private static int roundUp(int x, int step) {
        return (x + step - 1) / step * step;
    }
}
