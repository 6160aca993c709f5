package org.torch4j.internal.cpu;

import org.torch4j.Tensor;
import org.torch4j.internal.Parallel;

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
 * <p>Large products pack each B block in parallel (disjoint micro-panels), then split the rows of C into
 * ranges of micro-panels that the threads of the intra-op pool ({@link Parallel}) claim one by one: the ranges
 * write disjoint rows of C and only read the shared packed B, each thread with its own A buffer and scratch
 * tile. Packing buffers are kept per thread, so a product allocates nothing but its result.
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

    /**
     * a (B, m, k), b (B, k, n), c (B, m, n) with c's last stride 1, or the same as matrices without the batch
     * dim; the data arrays of their storages.
     */
    PackedGemm(int mr, int nr, Tensor a, T aData, Tensor b, T bData, Tensor c, T cData) {
        this.mr = mr;
        this.nr = nr;
        int o = c.dim() - 2;
        int rows = c.size(o);
        int cols = c.size(o + 1);
        k = a.size(o + 1);
        packed = (long) rows * cols * k > SMALL && rows > 1 && cols > 1;
        boolean transpose = packed && cols < nr && rows > cols;
        // computed transposed, Cᵀ = Bᵀ · Aᵀ: a and b swap roles and every row stride swaps with its column stride
        int row = o + (transpose ? 1 : 0);
        int col = o + (transpose ? 0 : 1);
        Tensor ta = transpose ? b : a;
        Tensor tb = transpose ? a : b;
        this.a = transpose ? bData : aData;
        this.b = transpose ? aData : bData;
        this.c = cData;
        batches = o == 0 ? 1 : c.size(0);
        m = transpose ? cols : rows;
        n = transpose ? rows : cols;
        aOff = ta.storageOffset();
        aBs = o == 0 ? 0 : ta.stride(0);
        aRs = ta.stride(row);
        aCs = ta.stride(col);
        bOff = tb.storageOffset();
        bBs = o == 0 ? 0 : tb.stride(0);
        bRs = tb.stride(row);
        bCs = tb.stride(col);
        cOff = c.storageOffset();
        cBs = o == 0 ? 0 : c.stride(0);
        ldc = c.stride(row);
        cCs = c.stride(col);
    }

    /** Scratch slot of the packed A block. */
    static final int A_PACK = 0;
    /** Scratch slot of the packed B block. */
    static final int B_PACK = 1;
    /** Scratch slot of the edge tile (all zero between uses). */
    static final int TILE = 2;

    /**
     * The calling thread's scratch array of the dtype for a slot, at least {@code length} long: kept per thread
     * so that products allocate nothing but their result. Packing writes every element it reads back, and the
     * tile is zeroed after each use.
     */
    abstract T scratch(int slot, int length);

    /**
     * Packs A[row0 .. row0+rows, p0 .. p0+depth) of the batch at {@code base} into {@code dst} as micro-panels of
     * mr rows, each stored depth-major ({@code dst[panel * mr * depth + p * mr + i]}), zero-padding the last.
     */
    abstract void packA(T dst, int base, int row0, int rows, int p0, int depth);

    /**
     * Packs B[p0 .. p0+depth, col0 .. col0+cols) of the batch at {@code base} into {@code dst} from {@code dstOff}
     * as micro-panels of nr columns, each stored depth-major ({@code dst[dstOff + panel * nr * depth + p * nr + j]}),
     * zero-padding the last.
     */
    abstract void packB(T dst, int dstOff, int base, int p0, int depth, int col0, int cols);

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
        T bPack = scratch(B_PACK, kcMax * roundUp(Math.min(ncMax, n), nr));
        int rowPanels = (m + mr - 1) / mr;
        boolean parallel = (long) m * n * k >= PARALLEL_WORK;
        for (int t = 0; t < batches; t++) {
            int aBase = aOff + t * aBs;
            int bBase = bOff + t * bBs;
            int cBase = cOff + t * cBs;
            for (int jc = 0; jc < n; jc += ncMax) {
                int nc = Math.min(ncMax, n - jc);
                int colPanels = (nc + nr - 1) / nr;
                for (int pc = 0; pc < k; pc += KC) {
                    int kc = Math.min(KC, k - pc);
                    int p0 = pc;
                    int col0 = jc;
                    Parallel.forRange(colPanels, parallel ? 1 : colPanels, (first, end) -> packB(bPack,
                            first * nr * kc, bBase, p0, kc, col0 + first * nr, Math.min(nc, end * nr) - first * nr));
                    int colBase = cBase + jc * cCs;
                    Parallel.forRange(rowPanels, parallel ? 1 : rowPanels, (first, end) -> {
                        T ownA = scratch(A_PACK, aPackLength);
                        T ownTile = scratch(TILE, mr * nr);
                        int last = Math.min(m, end * mr);
                        for (int ic = first * mr; ic < last; ic += mcMax) {
                            rowBlock(ownA, bPack, ownTile, aBase, colBase + ic * ldc, ic, Math.min(mcMax, last - ic), p0, kc, nc);
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
