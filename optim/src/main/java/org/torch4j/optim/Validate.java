package org.torch4j.optim;

import java.util.List;
import org.torch4j.optim.internal.PyFloat;

/** The argument checks of PyTorch's optimizer constructors, with their messages. */
final class Validate {
    private Validate() {
    }

    private static double value(OptimizerOptions options, String name) {
        return ((Number) options.get(name)).doubleValue();
    }

    /** {@code if not 0.0 <= value: raise ValueError("Invalid {what}: {value}")} (NaN fails). */
    static void notNegative(OptimizerOptions options, String name, String what) {
        double v = value(options, name);
        if (!(0.0 <= v)) {
            throw invalid(what, v);
        }
    }

    /** {@code if value < 0.0: raise ...} (SGD's form, which lets NaN through). */
    static void notBelowZero(OptimizerOptions options, String name, String what) {
        double v = value(options, name);
        if (v < 0.0) {
            throw invalid(what, v);
        }
    }

    /** {@code if not 0.0 <= value <= 1.0: raise ...} (Adadelta's rho; NaN fails). */
    static void inUnitInterval(OptimizerOptions options, String name, String what) {
        double v = value(options, name);
        if (!(0.0 <= v && v <= 1.0)) {
            throw invalid(what, v);
        }
    }

    /** {@code if not 0.0 <= betas[i] < 1.0: raise ValueError("Invalid beta parameter at index i: ...")}. */
    static void betas(OptimizerOptions options) {
        List<?> betas = (List<?>) options.get("betas");
        for (int i = 0; i < 2; i++) {
            double b = ((Number) betas.get(i)).doubleValue();
            if (!(0.0 <= b && b < 1.0)) {
                throw invalid("beta parameter at index " + i, b);
            }
        }
    }

    private static IllegalArgumentException invalid(String what, double value) {
        return new IllegalArgumentException("Invalid " + what + ": " + PyFloat.repr(value));
    }
}
