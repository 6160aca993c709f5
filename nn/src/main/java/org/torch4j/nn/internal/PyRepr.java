package org.torch4j.nn.internal;

import java.math.BigDecimal;
import java.util.List;

/** How Python prints the values that appear in reprs and messages: floats, integers, tuples, string lists (not API). */
public final class PyRepr {
    private PyRepr() {
    }

    /** Python's {@code repr(float)}: shortest round-trip digits, fixed notation for 1e-4 to 1e16. */
    public static String floatRepr(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return 1 / x < 0 ? "-0.0" : "0.0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(Math.abs(x))).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        int point = digits.length() - bd.scale();
        String sign = x < 0 ? "-" : "";
        if (point > -4 && point <= 16) {
            if (point <= 0) {
                return sign + "0." + "0".repeat(-point) + digits;
            }
            if (point >= digits.length()) {
                return sign + digits + "0".repeat(point - digits.length()) + ".0";
            }
            return sign + digits.substring(0, point) + "." + digits.substring(point);
        }
        int exp = point - 1;
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
    }

    /** A number that PyTorch's defaults give as a Python int when integral (Softplus' beta), else a float. */
    public static String number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e16 ? Long.toString((long) x) : floatRepr(x);
    }

    /** A Python tuple of ints: {@code (3, 3)}, {@code (3,)}. */
    public static String tuple(int... values) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return sb.append(values.length == 1 ? ",)" : ")").toString();
    }

    /** An int option as the user gave it: a bare int for one value, a tuple for several. */
    public static String intOrTuple(int[] values) {
        return values.length == 1 ? Integer.toString(values[0]) : tuple(values);
    }

    /** A Python list of strings: {@code ['a', 'b']}. */
    public static String strings(List<String> values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append('\'').append(values.get(i)).append('\'');
        }
        return sb.append(']').toString();
    }

    /** A {@code torch.Size}, as shape errors print it: {@code torch.Size([2, 3])}. */
    public static String torchSize(int[] shape) {
        return "torch.Size(" + java.util.Arrays.toString(shape) + ")";
    }

    /** A Python bool. */
    public static String bool(boolean b) {
        return b ? "True" : "False";
    }
}
