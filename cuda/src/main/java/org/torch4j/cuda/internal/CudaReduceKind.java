package org.torch4j.cuda.internal;

/** The reductions of the reduce kernels, in the order of {@code ReduceCode} in reduce.cu. */
enum CudaReduceKind {
    SUM, SUM_ABS, SUM_SQ, SUM_POW, COUNT_NONZERO, PROD, MAX, MIN, MAX_ABS, MIN_ABS, MEAN, NORM2, NORM_P, VAR, STD,
    LOGSUMEXP
}
