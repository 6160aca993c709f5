package org.torch4j.internal.cpu;

/** The elementwise unary operators of the CPU backend, with their scalar semantics (PyTorch's). */
enum UnaryOp {
    NEG(false), ABS(false), SIGN(false), RELU(false), FLOOR(false), CEIL(false), ROUND(false), TRUNC(false),
    EXP(true), LOG(true), LOG2(true), LOG10(true), LOG1P(true), EXPM1(true), SQRT(true), RSQRT(true),
    RECIPROCAL(true), SIN(true), COS(true), TAN(true), ASIN(true), ACOS(true), ATAN(true), SINH(true),
    COSH(true), TANH(true), SIGMOID(true), ERF(true);

    /** Whether integer inputs give a floating result (exp, sqrt, ...) rather than keeping their dtype. */
    final boolean floatValued;

    UnaryOp(boolean floatValued) {
        this.floatValued = floatValued;
    }

    double apply(double x) {
        switch (this) {
            case NEG: return -x;
            case ABS: return Math.abs(x);
            case SIGN: return Double.isNaN(x) ? 0 : Math.signum(x);
            case RELU: return x > 0 || Double.isNaN(x) ? x : 0;
            case FLOOR: return Math.floor(x);
            case CEIL: return Math.ceil(x);
            case ROUND: return Math.rint(x);
            case TRUNC: return x < 0 ? Math.ceil(x) : Math.floor(x);
            case EXP: return Math.exp(x);
            case LOG: return Math.log(x);
            case LOG2: return Math.log(x) / Math.log(2);
            case LOG10: return Math.log10(x);
            case LOG1P: return Math.log1p(x);
            case EXPM1: return Math.expm1(x);
            case SQRT: return Math.sqrt(x);
            case RSQRT: return 1 / Math.sqrt(x);
            case RECIPROCAL: return 1 / x;
            case SIN: return Math.sin(x);
            case COS: return Math.cos(x);
            case TAN: return Math.tan(x);
            case ASIN: return Math.asin(x);
            case ACOS: return Math.acos(x);
            case ATAN: return Math.atan(x);
            case SINH: return Math.sinh(x);
            case COSH: return Math.cosh(x);
            case TANH: return Math.tanh(x);
            case SIGMOID: return 1 / (1 + Math.exp(-x));
            default: return Erf.erf(x);
        }
    }

    /** The float version: the double result rounded once, except where PyTorch computes in float. */
    float apply(float x) {
        switch (this) {
            case NEG: return -x;
            case ABS: return Math.abs(x);
            case RELU: return x > 0 || Float.isNaN(x) ? x : 0f;
            case RECIPROCAL: return 1f / x;
            case SIGMOID: return 1f / (1f + (float) Math.exp(-x));
            default: return (float) apply((double) x);
        }
    }

    long apply(long x) {
        switch (this) {
            case NEG: return -x;
            case ABS: return Math.abs(x);
            case SIGN: return Long.signum(x);
            case RELU: return Math.max(x, 0);
            default: return x;
        }
    }
}
