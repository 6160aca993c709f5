package org.torch4j.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code format(x, '.Nf')} and {@code format(x, '.Ne')} for a double: correctly rounded (half to even
 * on the exact binary value, as CPython's dtoa does), {@code nan}, {@code inf}, {@code -inf}, a kept sign on
 * negative zero and negative values that round to zero, and an exponent of at least two digits.
 */
final class PythonFloatFormat {
    private PythonFloatFormat() {
    }

    /** {@code format(v, '.{precision}f')}, for example {@code 1.5000} or {@code -0.0000}. */
    static String fixed(double v, int precision) {
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        return sign(v) + new BigDecimal(Math.abs(v)).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** {@code format(v, '.{precision}e')}, for example {@code 1.0000e-05} or {@code 1.0000e+100}. */
    static String scientific(double v, int precision) {
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        String digits;
        int exponent;
        if (v == 0) {
            digits = "0".repeat(precision + 1);
            exponent = 0;
        } else {
            BigDecimal rounded = new BigDecimal(Math.abs(v))
                    .round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
            String unscaled = rounded.unscaledValue().toString();
            exponent = unscaled.length() - 1 - rounded.scale();
            digits = (unscaled + "0".repeat(precision)).substring(0, precision + 1);
        }
        StringBuilder sb = new StringBuilder(sign(v)).append(digits.charAt(0));
        if (precision > 0) {
            sb.append('.').append(digits, 1, digits.length());
        }
        int e = Math.abs(exponent);
        return sb.append(exponent < 0 ? "e-" : "e+").append(e < 10 ? "0" : "").append(e).toString();
    }

    private static String nonFinite(double v) {
        return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
    }

    private static String sign(double v) {
        return Double.doubleToRawLongBits(v) < 0 ? "-" : "";
    }
}
