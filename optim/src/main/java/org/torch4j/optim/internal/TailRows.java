package org.torch4j.optim.internal;

/**
 * The calling thread's zero-padded rows for the tail of a {@link FusedUpdate} shorter than a vector: one row per
 * operand, the row table handed to the loop (a null row for an absent operand) and its all-zero offsets, kept per
 * thread so that the update of a tiny parameter allocates none of them.
 */
final class TailRows {
    private static final ThreadLocal<TailRows> MINE = new ThreadLocal<>();

    /** The operand count these rows serve. */
    private final int operands;
    /** The offsets of the padded rows: all zero. */
    final int[] zeros;
    private float[][] floatRows;
    private float[][] floatTable;
    private double[][] doubleRows;
    private double[][] doubleTable;

    private TailRows(int operands) {
        this.operands = operands;
        this.zeros = new int[operands];
    }

    /** This thread's rows for {@code operands} operands. */
    static TailRows of(int operands) {
        TailRows rows = MINE.get();
        if (rows == null || rows.operands != operands) {
            rows = new TailRows(operands);
            MINE.set(rows);
        }
        return rows;
    }

    /** The row table for operand arrays {@code a}: a row of {@code lanes} floats where {@code a[i]} is present. */
    float[][] floatRows(float[][] a, int lanes) {
        if (floatRows == null || floatRows[0].length != lanes) {
            floatRows = new float[operands][lanes];
            floatTable = new float[operands][];
        }
        for (int i = 0; i < operands; i++) {
            floatTable[i] = a[i] == null ? null : floatRows[i];
        }
        return floatTable;
    }

    /** The float64 form of {@link #floatRows}. */
    double[][] doubleRows(double[][] a, int lanes) {
        if (doubleRows == null || doubleRows[0].length != lanes) {
            doubleRows = new double[operands][lanes];
            doubleTable = new double[operands][];
        }
        for (int i = 0; i < operands; i++) {
            doubleTable[i] = a[i] == null ? null : doubleRows[i];
        }
        return doubleTable;
    }
}
