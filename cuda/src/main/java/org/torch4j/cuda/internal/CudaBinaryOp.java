package org.torch4j.cuda.internal;

/** The binary operators of the elementwise kernels, in the order of {@code BinaryCode} in elementwise.cu. */
enum CudaBinaryOp {
    ADD, SUB, MUL, DIV, POW, REMAINDER, MAXIMUM, MINIMUM, ATAN2,
    EQ, NE, LT, LE, GT, GE, LOGICAL_AND, LOGICAL_OR, LOGICAL_XOR;

    /** Whether the result is bool whatever the inputs. */
    boolean isPredicate() {
        return ordinal() >= EQ.ordinal();
    }
}
