package org.torch4j.internal.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A 4 x 4 register tile of float32 dot products: four rows of one array by four rows of another, each row
 * anywhere, read in place along a shared length (8 loads per 16 FMAs). The sixteen sums stay vectors of lane
 * sums in an array, so that a tile can be continued (over another stretch, or another image) before its lanes are
 * added up. Used by the GEMM's dot-product path and by the direct convolution's weight gradient.
 */
final class FloatDotTile {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private FloatDotTile() {
    }

    /**
     * For i, j below 4: lanes[lo + i * rs + j * L ..] (one vector) += the lane sums of x[ai + p] * y[bj + p] over p
     * below len (a multiple of L), or = them when {@code fresh}.
     */
    static void accumulate(float[] x, int a0, int a1, int a2, int a3, float[] y, int b0, int b1, int b2, int b3,
            int len, float[] lanes, int lo, int rs, boolean fresh) {
        int l1 = lo + rs;
        int l2 = l1 + rs;
        int l3 = l2 + rs;
        FloatVector s00 = start(lanes, lo, fresh), s01 = start(lanes, lo + L, fresh);
        FloatVector s02 = start(lanes, lo + 2 * L, fresh), s03 = start(lanes, lo + 3 * L, fresh);
        FloatVector s10 = start(lanes, l1, fresh), s11 = start(lanes, l1 + L, fresh);
        FloatVector s12 = start(lanes, l1 + 2 * L, fresh), s13 = start(lanes, l1 + 3 * L, fresh);
        FloatVector s20 = start(lanes, l2, fresh), s21 = start(lanes, l2 + L, fresh);
        FloatVector s22 = start(lanes, l2 + 2 * L, fresh), s23 = start(lanes, l2 + 3 * L, fresh);
        FloatVector s30 = start(lanes, l3, fresh), s31 = start(lanes, l3 + L, fresh);
        FloatVector s32 = start(lanes, l3 + 2 * L, fresh), s33 = start(lanes, l3 + 3 * L, fresh);
        for (int p = 0; p < len; p += L) {
            FloatVector y0 = FloatVector.fromArray(S, y, b0 + p);
            FloatVector y1 = FloatVector.fromArray(S, y, b1 + p);
            FloatVector y2 = FloatVector.fromArray(S, y, b2 + p);
            FloatVector y3 = FloatVector.fromArray(S, y, b3 + p);
            FloatVector v = FloatVector.fromArray(S, x, a0 + p);
            s00 = v.fma(y0, s00);
            s01 = v.fma(y1, s01);
            s02 = v.fma(y2, s02);
            s03 = v.fma(y3, s03);
            v = FloatVector.fromArray(S, x, a1 + p);
            s10 = v.fma(y0, s10);
            s11 = v.fma(y1, s11);
            s12 = v.fma(y2, s12);
            s13 = v.fma(y3, s13);
            v = FloatVector.fromArray(S, x, a2 + p);
            s20 = v.fma(y0, s20);
            s21 = v.fma(y1, s21);
            s22 = v.fma(y2, s22);
            s23 = v.fma(y3, s23);
            v = FloatVector.fromArray(S, x, a3 + p);
            s30 = v.fma(y0, s30);
            s31 = v.fma(y1, s31);
            s32 = v.fma(y2, s32);
            s33 = v.fma(y3, s33);
        }
        s00.intoArray(lanes, lo);
        s01.intoArray(lanes, lo + L);
        s02.intoArray(lanes, lo + 2 * L);
        s03.intoArray(lanes, lo + 3 * L);
        s10.intoArray(lanes, l1);
        s11.intoArray(lanes, l1 + L);
        s12.intoArray(lanes, l1 + 2 * L);
        s13.intoArray(lanes, l1 + 3 * L);
        s20.intoArray(lanes, l2);
        s21.intoArray(lanes, l2 + L);
        s22.intoArray(lanes, l2 + 2 * L);
        s23.intoArray(lanes, l2 + 3 * L);
        s30.intoArray(lanes, l3);
        s31.intoArray(lanes, l3 + L);
        s32.intoArray(lanes, l3 + 2 * L);
        s33.intoArray(lanes, l3 + 3 * L);
    }

    /** The lane sums kept at lanes[at], or zero to start afresh. */
    static FloatVector start(float[] lanes, int at, boolean fresh) {
        return fresh ? FloatVector.zero(S) : FloatVector.fromArray(S, lanes, at);
    }
}
