package org.torch4j.internal.cpu;

/** The elementwise binary operators of the CPU backend, with their scalar semantics (PyTorch's). */
enum BinaryOp {
    ADD, SUB, MUL, DIV, POW, REMAINDER, MAXIMUM, MINIMUM, ATAN2,
    EQ, NE, LT, LE, GT, GE, LOGICAL_AND, LOGICAL_OR, LOGICAL_XOR;

    /** Whether the result is bool whatever the inputs. */
    boolean isPredicate() {
        return ordinal() >= EQ.ordinal();
    }

    /** Whether this is one of the six comparisons (EQ, NE, LT, LE, GT, GE). */
    boolean compares() {
        return this == EQ || this == NE || this == LT || this == LE || this == GT || this == GE;
    }

    double apply(double a, double b) {
        switch (this) {
            case ADD: return a + b;
            case SUB: return a - b;
            case MUL: return a * b;
            case DIV: return a / b;
            case POW: return Math.pow(a, b);
            case REMAINDER: {
                double r = a % b;
                return r != 0 && (r < 0) != (b < 0) ? r + b : r;
            }
            case MAXIMUM: return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.max(a, b);
            case MINIMUM: return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.min(a, b);
            case ATAN2: return Math.atan2(a, b);
            default: return test(a, b) ? 1 : 0;
        }
    }

    float apply(float a, float b) {
        switch (this) {
            case ADD: return a + b;
            case SUB: return a - b;
            case MUL: return a * b;
            case DIV: return a / b;
            case POW: return (float) Math.pow(a, b);
            case REMAINDER: {
                float r = a % b;
                return r != 0 && (r < 0) != (b < 0) ? r + b : r;
            }
            case MAXIMUM: return Float.isNaN(a) || Float.isNaN(b) ? Float.NaN : Math.max(a, b);
            case MINIMUM: return Float.isNaN(a) || Float.isNaN(b) ? Float.NaN : Math.min(a, b);
            case ATAN2: return (float) Math.atan2(a, b);
            default: return test(a, b) ? 1 : 0;
        }
    }

    long apply(long a, long b) {
        switch (this) {
            case ADD: return a + b;
            case SUB: return a - b;
            case MUL: return a * b;
            case DIV: return a / b;
            case POW: return intPow(a, b);
            case REMAINDER: {
                if (b == 0) {
                    throw new ArithmeticException("ZeroDivisionError");
                }
                return Math.floorMod(a, b);
            }
            case MAXIMUM: return Math.max(a, b);
            case MINIMUM: return Math.min(a, b);
            default: return testLong(a, b) ? 1 : 0;
        }
    }

    boolean test(double a, double b) {
        switch (this) {
            case EQ: return a == b;
            case NE: return a != b;
            case LT: return a < b;
            case LE: return a <= b;
            case GT: return a > b;
            case GE: return a >= b;
            case LOGICAL_AND: return a != 0 && b != 0;
            case LOGICAL_OR: return a != 0 || b != 0;
            case LOGICAL_XOR: return (a != 0) != (b != 0);
            default: throw new IllegalStateException(name() + " is not a predicate");
        }
    }

    boolean testLong(long a, long b) {
        switch (this) {
            case EQ: return a == b;
            case NE: return a != b;
            case LT: return a < b;
            case LE: return a <= b;
            case GT: return a > b;
            case GE: return a >= b;
            case LOGICAL_AND: return a != 0 && b != 0;
            case LOGICAL_OR: return a != 0 || b != 0;
            case LOGICAL_XOR: return (a != 0) != (b != 0);
            default: throw new IllegalStateException(name() + " is not a predicate");
        }
    }

    private static long intPow(long base, long exp) {
        if (exp < 0) {
            throw new IllegalArgumentException("Integers to negative integer powers are not allowed.");
        }
        long result = 1;
        long b = base;
        long e = exp;
        while (e > 0) {
            if ((e & 1) == 1) {
                result *= b;
            }
            b *= b;
            e >>= 1;
        }
        return result;
    }
}
