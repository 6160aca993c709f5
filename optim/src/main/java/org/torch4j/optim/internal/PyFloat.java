package org.torch4j.optim.internal;

import java.math.BigDecimal;

/** Python's {@code str(float)} (the shortest repr), so that validation messages read exactly as PyTorch's. */
public final class PyFloat {
    private PyFloat() {
    }

    /** {@code repr(v)}: {@code 0.1}, {@code -1.0}, {@code 1e-05}, {@code 1e+16}, {@code nan}, {@code inf}. */
    public static String repr(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0.0" : "0.0";
        }
        BigDecimal d = new BigDecimal(Double.toString(Math.abs(v))).stripTrailingZeros();
        String digits = d.unscaledValue().toString();
        int exponent = digits.length() - d.scale() - 1;
        String sign = v < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            String plain = d.toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String e = String.format("%02d", Math.abs(exponent));
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + e;
    }
}
