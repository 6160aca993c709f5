package org.torch4j.internal.cpu;

import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.internal.CpuStorage;
import org.torch4j.internal.Parallel;

/**
 * The copy of a transposed matrix into a row-major one ({@code x.t().contiguous()}, the clone of a transposed
 * gradient) in square tiles, so that both the reads down the source's columns and the writes along the
 * destination's rows stay in cache; a strided element loop would miss the cache on every read.
 */
final class TransposeCopy {
    /** Tile edge: a tile of floats and its source lines stay in the L1 cache. */
    private static final int TILE = 32;

    private TransposeCopy() {
    }

    /**
     * Whether {@code dst = src} is a float32/float64 matrix transposition: equal shapes and dtype, dst row-major
     * contiguous, src with unit row stride (column-major, any leading dimension) and at least a tile each way.
     */
    static boolean applies(Tensor dst, Tensor src) {
        if (dst.dim() != 2 || src.dim() != 2 || dst.dtype() != src.dtype()
                || (dst.dtype() != DType.FLOAT32 && dst.dtype() != DType.FLOAT64)) {
            return false;
        }
        int rows = dst.size(0);
        int cols = dst.size(1);
        return src.size(0) == rows && src.size(1) == cols && rows >= TILE && cols >= TILE && dst.isContiguous()
                && src.stride(0) == 1 && src.stride(1) >= rows;
    }

    /** dst = src for a pair that {@link #applies}, row tiles split over the intra-op pool. */
    static void copy(Tensor dst, Tensor src) {
        int rows = dst.size(0);
        int cols = dst.size(1);
        int ld = src.stride(1);
        int d0 = dst.storageOffset();
        int s0 = src.storageOffset();
        int rowTiles = (rows + TILE - 1) / TILE;
        CpuStorage d = Elementwise.data(dst);
        CpuStorage s = Elementwise.data(src);
        boolean floats = dst.dtype() == DType.FLOAT32;
        Parallel.forRange(rowTiles, Math.max(1, Parallel.GRAIN_SIZE / (TILE * cols)), (first, end) -> {
            for (int i0 = first * TILE; i0 < Math.min(rows, end * TILE); i0 += TILE) {
                int i1 = Math.min(rows, i0 + TILE);
                for (int j0 = 0; j0 < cols; j0 += TILE) {
                    int j1 = Math.min(cols, j0 + TILE);
                    if (floats) {
                        tile(d.floats(), d0, cols, s.floats(), s0, ld, i0, i1, j0, j1);
                    } else {
                        tile(d.doubles(), d0, cols, s.doubles(), s0, ld, i0, i1, j0, j1);
                    }
                }
            }
        });
    }

    private static void tile(float[] d, int d0, int cols, float[] s, int s0, int ld, int i0, int i1, int j0, int j1) {
        for (int i = i0; i < i1; i++) {
            int out = d0 + i * cols;
            int in = s0 + i;
            for (int j = j0; j < j1; j++) {
                d[out + j] = s[in + j * ld];
            }
        }
    }

    private static void tile(double[] d, int d0, int cols, double[] s, int s0, int ld, int i0, int i1, int j0, int j1) {
        for (int i = i0; i < i1; i++) {
            int out = d0 + i * cols;
            int in = s0 + i;
            for (int j = j0; j < j1; j++) {
                d[out + j] = s[in + j * ld];
            }
        }
    }
}
