package org.torch4j.optim.internal;

import java.util.function.DoubleBinaryOperator;
import org.torch4j.DType;

/**
 * A number in LBFGS's arithmetic as PyTorch runs it: a Python float (a double), or a 0-dim tensor of the
 * parameters' dtype. A Python float meeting a tensor is first converted to the tensor's dtype, and a tensor result
 * is rounded to it, so float32 line searches take the same branches as PyTorch's. (+, -, *, / and sqrt of float32
 * values computed in double and rounded once give the float32 result.)
 */
public final class Scalar {
    private final double value;
    private final DType dtype;

    private Scalar(double value, DType dtype) {
        this.value = value;
        this.dtype = dtype;
    }

    /** A Python float (or int). */
    public static Scalar of(double value) {
        return new Scalar(value, null);
    }

    /** A 0-dim tensor of {@code dtype} holding {@code value} (rounded to the dtype). */
    public static Scalar tensor(double value, DType dtype) {
        return new Scalar(round(value, dtype), dtype);
    }

    /** The value ({@code float(x)}). */
    public double value() {
        return value;
    }

    private static double round(double v, DType dtype) {
        return dtype == DType.FLOAT32 ? (double) (float) v : v;
    }

    private DType common(Scalar other) {
        return dtype != null ? dtype : other.dtype;
    }

    private Scalar apply(Scalar other, DoubleBinaryOperator op) {
        DType dt = common(other);
        if (dt == null) {
            return of(op.applyAsDouble(value, other.value));
        }
        return tensor(op.applyAsDouble(round(value, dt), round(other.value, dt)), dt);
    }

    /** {@code self + other}. */
    public Scalar add(Scalar other) {
        return apply(other, (a, b) -> a + b);
    }

    /** {@code self - other}. */
    public Scalar sub(Scalar other) {
        return apply(other, (a, b) -> a - b);
    }

    /** {@code self * other}. */
    public Scalar mul(Scalar other) {
        return apply(other, (a, b) -> a * b);
    }

    /** {@code self / other}. */
    public Scalar div(Scalar other) {
        return apply(other, (a, b) -> a / b);
    }

    /** {@code x ** 2}. */
    public Scalar square() {
        return mul(this);
    }

    /** {@code -self}. */
    public Scalar neg() {
        return new Scalar(-value, dtype);
    }

    /** {@code abs(x)}. */
    public Scalar abs() {
        return new Scalar(Math.abs(value), dtype);
    }

    /** {@code x.sqrt()}. */
    public Scalar sqrt() {
        return new Scalar(round(Math.sqrt(value), dtype), dtype);
    }

    private int compare(Scalar other) {
        DType dt = common(other);
        double a = dt == null ? value : round(value, dt);
        double b = dt == null ? other.value : round(other.value, dt);
        return a < b ? -1 : a > b ? 1 : a == b ? 0 : 2;
    }

    /** {@code self < other}. */
    public boolean lt(Scalar other) {
        return compare(other) == -1;
    }

    /** {@code self <= other}. */
    public boolean le(Scalar other) {
        int c = compare(other);
        return c == -1 || c == 0;
    }

    /** {@code self > other}. */
    public boolean gt(Scalar other) {
        return compare(other) == 1;
    }

    /** {@code self >= other}. */
    public boolean ge(Scalar other) {
        int c = compare(other);
        return c == 1 || c == 0;
    }

    /** Python's {@code max(a, b)}: {@code b} only if {@code b > a}. */
    public static Scalar max(Scalar a, Scalar b) {
        return b.gt(a) ? b : a;
    }

    /** Python's {@code min(a, b)}: {@code b} only if {@code b < a}. */
    public static Scalar min(Scalar a, Scalar b) {
        return b.lt(a) ? b : a;
    }
}
