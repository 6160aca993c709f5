package org.torch4j.cuda.internal;

/** The unary operators of the elementwise kernels, in the order of {@code UnaryCode} in elementwise.cu. */
enum CudaUnaryOp {
    NEG(false), ABS(false), SIGN(false), RELU(false), FLOOR(false), CEIL(false), ROUND(false), TRUNC(false),
    EXP(true), LOG(true), LOG2(true), LOG10(true), LOG1P(true), EXPM1(true), SQRT(true), RSQRT(true),
    RECIPROCAL(true), SIN(true), COS(true), TAN(true), ASIN(true), ACOS(true), ATAN(true), SINH(true),
    COSH(true), TANH(true), SIGMOID(true), ERF(true), CLAMP(false);

    /** Whether integer inputs give a floating result (exp, sqrt, ...) rather than keeping their dtype. */
    final boolean floatValued;

    CudaUnaryOp(boolean floatValued) {
        this.floatValued = floatValued;
    }
}
