package org.torch4j.internal;

/**
 * Stride arrays that tensors share instead of each allocating its own: a tensor's strides, like its shape, are never
 * written once it exists. Covers the layouts small tensors use most: unit strides of 1-d tensors and the row-major
 * and column-major strides of 2-d tensors with short rows or columns (results and their transposes).
 */
public final class SharedStrides {
    private static final int[] NONE = new int[0];
    private static final int[] UNIT = {1};
    /** {@code ROWS[c] = {c, 1}} and {@code COLUMNS[c] = {1, c}} for c in [1, 64). */
    private static final int[][] ROWS = new int[64][];
    private static final int[][] COLUMNS = new int[64][];

    static {
        for (int c = 1; c < ROWS.length; c++) {
            ROWS[c] = new int[] {c, 1};
            COLUMNS[c] = new int[] {1, c};
        }
    }

    private SharedStrides() {
    }

    /** Row-major strides of {@code shape} ({@link Shapes#contiguousStrides}), shared where covered. */
    public static int[] rowMajor(int[] shape) {
        switch (shape.length) {
            case 0: return NONE;
            case 1: return UNIT;
            case 2: return of(Math.max(shape[1], 1), 1);
            default: return Shapes.contiguousStrides(shape);
        }
    }

    /** The strides {@code {s0, s1}} of a 2-d tensor, shared where covered. */
    public static int[] of(int s0, int s1) {
        if (s1 == 1 && s0 >= 1 && s0 < ROWS.length) {
            return ROWS[s0];
        }
        if (s0 == 1 && s1 >= 1 && s1 < COLUMNS.length) {
            return COLUMNS[s1];
        }
        return new int[] {s0, s1};
    }
}
