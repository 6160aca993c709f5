package org.torch4j.internal.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * float32 matrix products whose "shifted" operand is one array read at a per-row offset: row k of it is
 * {@code x[offsets[k] .. offsets[k] + cols)}. That is the column matrix of a unit-stride convolution over a
 * widened output (each output row as wide as the input row, the extra cells discarded afterwards), read in place
 * instead of being copied out by im2col.
 *
 * <p>{@link #multiply} is the forward product W · X as register tiles of 8 rows by two vectors of columns;
 * {@link #accumulateDots} is the weight gradient's G · Xᵀ as 4 x 4 tiles of vector dot products whose per-lane
 * sums are kept in a buffer across calls, so that lanes are summed once at the end ({@link #sumLanes}).
 */
final class FloatShiftedProducts {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Floats per vector. */
    static final int L = S.length();
    /** Columns of a {@link #multiply} tile. */
    static final int TILE_COLUMNS = 2 * L;

    private FloatShiftedProducts() {
    }

    /** Rows of a weight matrix padded for {@link #multiply}: a multiple of its tiles' 8. */
    static int paddedRows(int rows) {
        return (rows + 7) & ~7;
    }

    /**
     * Packs w (rows x depth at w[wo], row stride {@code rs}, column stride {@code cs}) into {@link #multiply}'s
     * layout: per tile of 8 rows, depth groups of the tile's 8 row values; padding rows are zero.
     */
    static float[] packWeights(float[] w, int wo, int rs, int cs, int rows, int depth) {
        float[] packed = new float[paddedRows(rows) * depth];
        for (int r = 0; r < rows; r++) {
            int tile = r / 8 * 8 * depth;
            for (int k = 0; k < depth; k++) {
                packed[tile + k * 8 + r % 8] = w[wo + r * rs + k * cs];
            }
        }
        return packed;
    }

    /**
     * out[r * cols + p] = bias[r] + sum over k of W[r][k] * x[x0 + offsets[k] + p], for r below the padded row count
     * of {@code packed} (from {@link #packWeights}) and p below cols, a multiple of {@link #TILE_COLUMNS};
     * {@code bias} (padded as the rows, or null for zero) starts each sum.
     */
    static void multiply(float[] packed, int depth, float[] bias, float[] x, int x0, int[] offsets, float[] out,
            int cols) {
        int padded = packed.length / depth;
        for (int r0 = 0; r0 < padded; r0 += 8) {
            for (int p = 0; p < cols; p += TILE_COLUMNS) {
                tile8(packed, r0 * depth, depth, bias, r0, x, offsets, x0 + p, out, r0 * cols + p, cols);
            }
        }
    }

    private static FloatVector start(float[] bias, int r) {
        return bias == null ? FloatVector.zero(S) : FloatVector.broadcast(S, bias[r]);
    }

    /** One 8-row tile of {@link #multiply}: rows r0.. and two vectors of columns of out from x[offsets[k] + p..]. */
    private static void tile8(float[] w, int wo, int depth, float[] bias, int r0, float[] x, int[] offsets, int p,
            float[] out, int oo, int cols) {
        FloatVector a00 = start(bias, r0), a01 = a00, a10 = start(bias, r0 + 1), a11 = a10;
        FloatVector a20 = start(bias, r0 + 2), a21 = a20, a30 = start(bias, r0 + 3), a31 = a30;
        FloatVector a40 = start(bias, r0 + 4), a41 = a40, a50 = start(bias, r0 + 5), a51 = a50;
        FloatVector a60 = start(bias, r0 + 6), a61 = a60, a70 = start(bias, r0 + 7), a71 = a70;
        for (int k = 0, wk = wo; k < depth; k++, wk += 8) {
            int at = offsets[k] + p;
            FloatVector v0 = FloatVector.fromArray(S, x, at);
            FloatVector v1 = FloatVector.fromArray(S, x, at + L);
            FloatVector b = FloatVector.broadcast(S, w[wk]);
            a00 = b.fma(v0, a00);
            a01 = b.fma(v1, a01);
            b = FloatVector.broadcast(S, w[wk + 1]);
            a10 = b.fma(v0, a10);
            a11 = b.fma(v1, a11);
            b = FloatVector.broadcast(S, w[wk + 2]);
            a20 = b.fma(v0, a20);
            a21 = b.fma(v1, a21);
            b = FloatVector.broadcast(S, w[wk + 3]);
            a30 = b.fma(v0, a30);
            a31 = b.fma(v1, a31);
            b = FloatVector.broadcast(S, w[wk + 4]);
            a40 = b.fma(v0, a40);
            a41 = b.fma(v1, a41);
            b = FloatVector.broadcast(S, w[wk + 5]);
            a50 = b.fma(v0, a50);
            a51 = b.fma(v1, a51);
            b = FloatVector.broadcast(S, w[wk + 6]);
            a60 = b.fma(v0, a60);
            a61 = b.fma(v1, a61);
            b = FloatVector.broadcast(S, w[wk + 7]);
            a70 = b.fma(v0, a70);
            a71 = b.fma(v1, a71);
        }
        a00.intoArray(out, oo);
        a01.intoArray(out, oo + L);
        a10.intoArray(out, oo + cols);
        a11.intoArray(out, oo + cols + L);
        a20.intoArray(out, oo + 2 * cols);
        a21.intoArray(out, oo + 2 * cols + L);
        a30.intoArray(out, oo + 3 * cols);
        a31.intoArray(out, oo + 3 * cols + L);
        a40.intoArray(out, oo + 4 * cols);
        a41.intoArray(out, oo + 4 * cols + L);
        a50.intoArray(out, oo + 5 * cols);
        a51.intoArray(out, oo + 5 * cols + L);
        a60.intoArray(out, oo + 6 * cols);
        a61.intoArray(out, oo + 6 * cols + L);
        a70.intoArray(out, oo + 7 * cols);
        a71.intoArray(out, oo + 7 * cols + L);
    }

    /**
     * lanes[lo + (i * depth + k) * L + lane] += the lane's share of the dot product of g's row i (at g[go + i * gs],
     * {@code len} long, a multiple of L) with x's shifted row k (at x[offsets[k]]), for i below rows and k below
     * depth; {@code fresh} starts the sums at zero instead. Lane j of a dot product sums the elements j, j + L,
     * j + 2L..., so the result does not depend on how the work is split.
     */
    static void accumulateDots(float[] g, int go, int gs, int rows, float[] x, int[] offsets, int depth, int len,
            float[] lanes, int lo, boolean fresh) {
        int i = 0;
        for (; i + 4 <= rows; i += 4) {
            int k = 0;
            for (; k + 4 <= depth; k += 4) {
                int g0 = go + i * gs;
                FloatDotTile.accumulate(g, g0, g0 + gs, g0 + 2 * gs, g0 + 3 * gs, x, offsets[k], offsets[k + 1],
                        offsets[k + 2], offsets[k + 3], len, lanes, lo + (i * depth + k) * L, depth * L, fresh);
            }
            for (; k < depth; k++) {
                for (int r = i; r < i + 4; r++) {
                    dot(g, go + r * gs, x, offsets[k], len, lanes, lo + (r * depth + k) * L, fresh);
                }
            }
        }
        for (; i < rows; i++) {
            for (int k = 0; k < depth; k++) {
                dot(g, go + i * gs, x, offsets[k], len, lanes, lo + (i * depth + k) * L, fresh);
            }
        }
    }

    /** One dot product of {@link #accumulateDots} (the edges of the tiles). */
    private static void dot(float[] g, int go, float[] x, int xo, int len, float[] lanes, int lo, boolean fresh) {
        FloatVector c = FloatDotTile.start(lanes, lo, fresh);
        for (int p = 0; p < len; p += L) {
            c = FloatVector.fromArray(S, g, go + p).fma(FloatVector.fromArray(S, x, xo + p), c);
        }
        c.intoArray(lanes, lo);
    }

    /** Per halving step of a lane sum (L / 2, L / 4 ... 1 apart): the shuffle that swaps lanes that far apart. */
    private static final VectorShuffle<Float>[] HALVES = halves();

    @SuppressWarnings("unchecked")
    private static VectorShuffle<Float>[] halves() {
        int steps = Integer.numberOfTrailingZeros(L);
        VectorShuffle<Float>[] halves = new VectorShuffle[steps];
        for (int i = 0; i < steps; i++) {
            int apart = L >> (i + 1);
            halves[i] = VectorShuffle.fromOp(S, j -> j ^ apart);
        }
        return halves;
    }

    /**
     * out[o + i] = the sum of lanes[i * L .. i * L + L), for i below n, by halving: each lane adds the lane L / 2
     * away, then L / 4... (elementwise adds of shuffled copies, so the order is fixed however the code is run).
     */
    static void sumLanes(float[] lanes, int n, float[] out, int o) {
        for (int i = 0; i < n; i++) {
            FloatVector sum = FloatVector.fromArray(S, lanes, i * L);
            for (VectorShuffle<Float> half : HALVES) {
                sum = sum.add(sum.rearrange(half));
            }
            out[o + i] = sum.lane(0);
        }
    }
}
