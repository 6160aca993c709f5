package org.torch4j.internal.cpu;

/**
 * The folds that the reduction kernels know: sum, sum of squares, product, max and min. Each has an identity
 * and a way to combine two partial results (max and min propagate NaN, as PyTorch's reductions do).
 */
enum ReduceKind {
    SUM, SUM_SQ, PROD, MAX, MIN;

    /** Whether partial results add up (the kinds whose float32 rows carry into float64). */
    boolean isSum() {
        return this == SUM || this == SUM_SQ;
    }

    double identity() {
        switch (this) {
            case PROD: return 1;
            case MAX: return Double.NEGATIVE_INFINITY;
            case MIN: return Double.POSITIVE_INFINITY;
            default: return 0;
        }
    }

    long identityLong() {
        switch (this) {
            case PROD: return 1;
            case MAX: return Long.MIN_VALUE;
            case MIN: return Long.MAX_VALUE;
            default: return 0;
        }
    }

    /** Combines two partial results of this fold. */
    double combine(double a, double b) {
        switch (this) {
            case PROD: return a * b;
            case MAX: return Math.max(a, b);
            case MIN: return Math.min(a, b);
            default: return a + b;
        }
    }

    long combine(long a, long b) {
        switch (this) {
            case PROD: return a * b;
            case MAX: return Math.max(a, b);
            case MIN: return Math.min(a, b);
            default: return a + b;
        }
    }
}
