package org.torch4j.internal.cpu;

import org.torch4j.Tensor;
import org.torch4j.internal.Parallel;

/**
 * The blocked loop nest of a packed GEMM (the Goto/BLIS scheme behind {@code torch.mm} and {@code torch.bmm}),
 * shared by the float32 and float64 kernels: {@code C[b] += A[b] · B[b]} for every batch b, where A, B and C
 * are 3-d strided views (any strides, stride 0 included) and C has unit column stride.
 *
 * <p>Per batch, the columns of C are cut into blocks of {@link #NC}, the depth into equal blocks of at most
 * {@link #KC}: each KC x NC block of B is packed once into micro-panels of {@code nr} columns, then the rows are
 * cut into blocks of {@link #MC}, each MC x KC block of A packed row by row (rows {@link #A_STRIDE} apart), and
 * the register-tiled micro-kernel computes one {@code mr x nr} tile of C per micro-panel of B and {@code mr} rows
 * of the A block. Packing reads the operands through their strides, so transposed, sliced and expanded inputs
 * cost no extra copy. Edge tiles are packed with zero padding and computed into a scratch tile. When C has fewer columns than a tile
 * and more rows, the product is computed transposed ({@code Cᵀ = Bᵀ · Aᵀ}, tiles stored through the scratch
 * tile) so that the padding falls on the short side. Products of at most {@link #SMALL} multiply-adds, and
 * matrix-vector shapes (one row or one column), skip packing and take the subclass's simple loop. Every path
 * scales the product by {@code alpha} as it adds it into C ({@code torch.addmm}'s {@code C = beta * self +
 * alpha * A · B}, with C initialised by the caller).
 *
 * <p>When the rows of A and the columns of B both run along the depth with unit stride ({@code x · Wᵀ}, the
 * product of {@code nn.Linear}), packing would transpose both operands; the dot path packs nothing instead: each
 * tile of {@link #DOT_ROWS} x {@link #DOT_COLS} elements of C is a set of dot products of vectors along the
 * depth, read in place. It serves products with a short side (at most {@link #DOT_SHORT}), where packed panels
 * would be reused too little to pay for the transposing copy. B, re-read for every row tile of A, must stay in
 * L2 (at most {@link #DOT_STREAM} elements; the product is computed transposed when only A is that small);
 * larger products take the packed path. The last, shorter-than-a-vector piece of the depth is copied
 * zero-padded into a small tail buffer so that every load is a whole vector.
 *
 * <p>Large products pack each B block in parallel (disjoint micro-panels), then split the rows of C into
 * ranges of micro-panels that the threads of the intra-op pool ({@link Parallel}) claim one by one: the ranges
 * write disjoint rows of C and only read the shared packed B, each thread with its own A buffer and scratch
 * tile. Packing buffers are kept per thread, so a product allocates nothing but its result.
 */
abstract class PackedGemm<T> {
    /**
     * Largest depth of a packed block (the depth is cut into blocks of equal size up to this). Every depth block
     * reads and writes all of C once, so deep blocks save passes over C, whose lines the micro-kernel cannot
     * prefetch; a B micro-panel (up to KC x nr: 1024 x 32 floats or 1024 x 16 doubles = 128 KiB) then streams from
     * L2/L3 through the 48 KiB L1 at each call, which the prefetchers keep up with. (Measured at n=1024 and 2048 on
     * 1 and 2 threads: 4-8 % faster than 256, which kept the micro-panel in L1, and 1-4 % faster than 512.)
     */
    static final int KC = 1024;
    /**
     * Rows of a packed A block: MC x {@link #A_STRIDE} (195 KiB of floats, 390 KiB of doubles) stays in the 1 MiB L2
     * beside the B micro-panels streaming past.
     */
    static final int MC = 48;
    /** Columns of a packed B block: KC x NC (4 MiB of floats, 8 MiB of doubles) lives in L3. */
    static final int NC = 1024;
    /**
     * Rows of a row-major B that packing copies together across a block's micro-panels: four sequential streams
     * through B (measured from memory: 16 GB/s, against 5 GB/s a micro-panel at a time and 12 GB/s a row at a time).
     */
    static final int B_ROWS = 4;
    /**
     * Row stride of a packed A block: KC plus 16 elements, so that the mr rows of a micro-panel, which the
     * micro-kernel reads side by side, fall in different L1 sets (at a multiple of 4 KiB apart they would all fall in
     * one, with the B micro-panel). Row-major A is then packed by copying its rows.
     */
    static final int A_STRIDE = KC + 16;
    /**
     * Columns of a column-major A that packing copies together, a row of the block at a time: each row's piece is
     * written whole and the tile's columns stay in L1 for the next row (column by column, every element went to a
     * different packed row). Measured on float32 from n=128 to 2048: 4-17 % faster products than column by
     * column (float64: no change); 16 and 64 did no better.
     */
    static final int A_TILE = 32;
    /**
     * Up to this many multiply-adds (about 8 x 8 x 8), packing costs more than it saves; above it the packed
     * path wins even with mostly padded tiles (measured on AVX-512: packed is already faster at 12 x 12 x 12).
     */
    static final long SMALL = 512;

    /** Products of at least this many multiply-adds split their row blocks over the intra-op pool. */
    static final long PARALLEL_WORK = 1L << 21;

    /** Rows of A in one tile of the dot path: they stay in L1 while the columns of B stream past. */
    static final int DOT_ROWS = 4;
    /** Columns of B in one tile of the dot path: 4 x 4 accumulators, 8 loads per 16 FMAs. */
    static final int DOT_COLS = 4;
    /**
     * The dot path is taken when C has at most this many rows or columns: each packed panel would be reused by
     * that few tiles only, so transposing both operands costs more than one reduction per element of C. (Measured:
     * 64 x 1000 x 100 and 32 x 784 x 128 run ~1.5x faster on the dot path, 256 x 256 x 256 and 128 x 512 x 256
     * faster packed.)
     */
    static final int DOT_SHORT = 64;
    /** Largest B (in elements) that the dot path streams once per row tile of A: half of a 1 MiB L2. */
    static final long DOT_STREAM = 1L << 17;

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
    /** The factor of the product added into C. */
    final double alpha;
    /** Whether the product takes the dot path (A's rows and B's columns contiguous along the depth). */
    private final boolean dot;

    /**
     * a (B, m, k), b (B, k, n), c (B, m, n) with c's last stride 1, or the same as matrices without the batch
     * dim; the data arrays of their storages.
     */
    PackedGemm(int mr, int nr, Tensor a, T aData, Tensor b, T bData, Tensor c, T cData, double alpha) {
        this.mr = mr;
        this.nr = nr;
        this.alpha = alpha;
        int o = c.dim() - 2;
        int rows = c.size(o);
        int cols = c.size(o + 1);
        k = a.size(o + 1);
        boolean large = !unpacked(rows, cols, k);
        dot = large && a.stride(o + 1) == 1 && b.stride(o) == 1 && k >= 2 * lanes()
                && Math.min(rows, cols) <= DOT_SHORT && Math.min((long) rows * k, (long) cols * k) <= DOT_STREAM;
        packed = large && !dot;
        // the dot path streams B: when only A is small enough, it runs on the transposed product
        boolean transpose = packed ? cols < nr && rows > cols : dot && (long) cols * k > DOT_STREAM;
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

    /**
     * Whether a rows x cols product of depth k takes the unpacked simple loop: at most {@link #SMALL} multiply-adds,
     * or one row or one column.
     */
    static boolean unpacked(int rows, int cols, int k) {
        return (long) rows * cols * k <= SMALL || rows <= 1 || cols <= 1;
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
     * Packs A[row0 .. row0+rows, p0 .. p0+depth) of the batch at {@code base} into {@code dst} row by row, row i at
     * {@code dst[i * A_STRIDE]}, with zero rows after the last up to a multiple of mr (the last micro-panel's padding).
     */
    abstract void packA(T dst, int base, int row0, int rows, int p0, int depth);

    /**
     * Packs B[p0 .. p0+depth, col0 .. col0+cols) of the batch at {@code base} into {@code dst} from {@code dstOff}
     * as micro-panels of nr columns, each stored depth-major ({@code dst[dstOff + panel * nr * depth + p * nr + j]}),
     * zero-padding the last.
     */
    abstract void packB(T dst, int dstOff, int base, int p0, int depth, int col0, int cols);

    /**
     * The micro-kernel: {@code target[ti + i * ld + j] += alpha * sum_p aPack[ai + i * A_STRIDE + p] *
     * bPack[bi + p * nr + j]} for the whole mr x nr tile.
     */
    abstract void kernel(int depth, T aPack, int ai, T bPack, int bi, T target, int ti, int ld);

    /**
     * Adds the top-left rows x cols of the scratch tile (row stride nr, already scaled by alpha) into C at {@code ci}
     * (strides ldc and cCs), then zeroes the tile.
     */
    abstract void addTile(T tile, int ci, int rows, int cols);

    /** The unpacked product of one batch for small sizes: C at cBase += alpha * A at aBase · B at bBase. */
    abstract void simple(int aBase, int bBase, int cBase);

    /** Lanes of the dtype's vector species. */
    abstract int lanes();

    /**
     * Copies the depth's last {@code k % lanes()} elements of every row of A (row i at {@code i * lanes()}) and
     * every column of B (column j at {@code (m + j) * lanes()}) of one batch into {@code tail}, zero-padded.
     */
    abstract void packTails(T tail, int aBase, int bBase);

    /**
     * One tile of the dot path: {@code C[i][j] += alpha * dot(A row i, B column j)} for the rows i0 .. i0+rows and
     * columns j0 .. j0+cols (at most DOT_ROWS x DOT_COLS) of one batch, C's element (i0, j0) at {@code ci}; the
     * depth's tail comes from {@code tail} (see {@link #packTails}) when k is not a multiple of the lanes (null
     * otherwise). {@code sums} is the thread's scratch for the tile's dot products.
     */
    abstract void dotTile(int aBase, int bBase, T tail, T sums, int i0, int rows, int j0, int cols, int ci);

    /** Scratch slot of the zero-padded depth tails of the dot path. */
    static final int TAIL = 3;
    /** Scratch slot of the dot path's DOT_ROWS x DOT_COLS vectors of lane sums of one tile. */
    static final int SUMS = 4;

    /** Computes every batch. */
    final void run() {
        if (batches == 0 || m == 0 || n == 0 || k == 0) {
            return;
        }
        if (dot) {
            runDot();
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
        // depth blocks of equal size: a short last block would cost a whole pass over C
        int depthBlocks = (k + KC - 1) / KC;
        int kcMax = (k + depthBlocks - 1) / depthBlocks;
        int aPackLength = roundUp(Math.min(mcMax, m), mr) * A_STRIDE;
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
                for (int pc = 0; pc < k; pc += kcMax) {
                    int kc = Math.min(kcMax, k - pc);
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

    /**
     * The dot path: each thread takes row tiles of A, which stay in L1 while the inner loop streams every column
     * of B (which stays in L2) past them.
     */
    private void runDot() {
        int rowTiles = (m + DOT_ROWS - 1) / DOT_ROWS;
        int colTiles = (n + DOT_COLS - 1) / DOT_COLS;
        boolean parallel = (long) m * n * k >= PARALLEL_WORK;
        boolean tails = k % lanes() != 0;
        for (int t = 0; t < batches; t++) {
            int aBase = aOff + t * aBs;
            int bBase = bOff + t * bBs;
            int cBase = cOff + t * cBs;
            T tail = tails ? scratch(TAIL, (m + n) * lanes()) : null;
            if (tails) {
                packTails(tail, aBase, bBase);
            }
            Parallel.forRange(rowTiles, parallel ? 1 : rowTiles, (first, end) -> {
                T sums = scratch(SUMS, DOT_ROWS * DOT_COLS * lanes());
                for (int it = first; it < end; it++) {
                    int i0 = it * DOT_ROWS;
                    for (int jt = 0; jt < colTiles; jt++) {
                        int j0 = jt * DOT_COLS;
                        dotTile(aBase, bBase, tail, sums, i0, Math.min(DOT_ROWS, m - i0), j0,
                                Math.min(DOT_COLS, n - j0), cBase + i0 * ldc + j0 * cCs);
                    }
                }
            });
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
                    kernel(kc, aPack, ir * A_STRIDE, bPack, jr * kc, c, at, ldc);
                } else {
                    kernel(kc, aPack, ir * A_STRIDE, bPack, jr * kc, tile, 0, nr);
                    addTile(tile, at, rows, cols);
                }
            }
        }
    }

    private static int roundUp(int x, int step) {
        return (x + step - 1) / step * step;
    }
}
