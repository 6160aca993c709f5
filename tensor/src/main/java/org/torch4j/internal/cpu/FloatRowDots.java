package org.torch4j.internal.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * float32 products of rows with rows, C += A · Bᵀ for row-major A and B (the weight gradient of a
 * convolution: output gradient times the transposed column matrix), as register tiles of 4 x 4 dot products
 * over the shared contiguous length, without packing.
 */
final class FloatRowDots {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private FloatRowDots() {
    }

    /**
     * c[co + i * ldc + j] += the dot product of rows i of a and j of b (each {@code len} long and contiguous, at
     * a[ao + i * len] and b[bo + j * len]), for i below m and j below n.
     */
    static void accumulate(float[] a, int ao, float[] b, int bo, float[] c, int co, int ldc, int m, int n, int len) {
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int j = 0;
            for (; j + 4 <= n; j += 4) {
                tile(a, ao + i * len, b, bo + j * len, c, co + i * ldc + j, ldc, len);
            }
            for (; j < n; j++) {
                for (int r = i; r < i + 4; r++) {
                    c[co + r * ldc + j] += FloatMatVec.dot(a, ao + r * len, b, bo + j * len, len);
                }
            }
        }
        for (; i < m; i++) {
            for (int j = 0; j < n; j++) {
                c[co + i * ldc + j] += FloatMatVec.dot(a, ao + i * len, b, bo + j * len, len);
            }
        }
    }

    /** One 4 x 4 block of {@link #accumulate(float[], int, float[], int, float[], int, int, int, int, int)}. */
    private static void tile(float[] a, int ao, float[] b, int bo, float[] c, int co, int ldc, int len) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = c00, c02 = c00, c03 = c00, c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00, c23 = c00, c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        int a1 = ao + len;
        int a2 = a1 + len;
        int a3 = a2 + len;
        int b1 = bo + len;
        int b2 = b1 + len;
        int b3 = b2 + len;
        int l = 0;
        for (int bound = S.loopBound(len); l < bound; l += L) {
            FloatVector x0 = FloatVector.fromArray(S, a, ao + l);
            FloatVector x1 = FloatVector.fromArray(S, a, a1 + l);
            FloatVector x2 = FloatVector.fromArray(S, a, a2 + l);
            FloatVector x3 = FloatVector.fromArray(S, a, a3 + l);
            FloatVector y = FloatVector.fromArray(S, b, bo + l);
            c00 = x0.fma(y, c00);
            c10 = x1.fma(y, c10);
            c20 = x2.fma(y, c20);
            c30 = x3.fma(y, c30);
            y = FloatVector.fromArray(S, b, b1 + l);
            c01 = x0.fma(y, c01);
            c11 = x1.fma(y, c11);
            c21 = x2.fma(y, c21);
            c31 = x3.fma(y, c31);
            y = FloatVector.fromArray(S, b, b2 + l);
            c02 = x0.fma(y, c02);
            c12 = x1.fma(y, c12);
            c22 = x2.fma(y, c22);
            c32 = x3.fma(y, c32);
            y = FloatVector.fromArray(S, b, b3 + l);
            c03 = x0.fma(y, c03);
            c13 = x1.fma(y, c13);
            c23 = x2.fma(y, c23);
            c33 = x3.fma(y, c33);
        }
        store(c, co, c00, c01, c02, c03, a, ao, b, bo, len, l);
        store(c, co + ldc, c10, c11, c12, c13, a, a1, b, bo, len, l);
        store(c, co + 2 * ldc, c20, c21, c22, c23, a, a2, b, bo, len, l);
        store(c, co + 3 * ldc, c30, c31, c32, c33, a, a3, b, bo, len, l);
    }

    /** Adds one row of a tile (its four sums plus the scalar tails from {@code l}) into c[co .. co + 4). */
    private static void store(float[] c, int co, FloatVector s0, FloatVector s1, FloatVector s2, FloatVector s3,
            float[] a, int ar, float[] b, int bo, int len, int l) {
        float t0 = s0.reduceLanes(VectorOperators.ADD);
        float t1 = s1.reduceLanes(VectorOperators.ADD);
        float t2 = s2.reduceLanes(VectorOperators.ADD);
        float t3 = s3.reduceLanes(VectorOperators.ADD);
        for (int k = l; k < len; k++) {
            float x = a[ar + k];
            t0 += x * b[bo + k];
            t1 += x * b[bo + len + k];
            t2 += x * b[bo + 2 * len + k];
            t3 += x * b[bo + 3 * len + k];
        }
        c[co] += t0;
        c[co + 1] += t1;
        c[co + 2] += t2;
        c[co + 3] += t3;
    }
}
