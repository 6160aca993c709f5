package org.torch4j.optim.lr_scheduler;

import java.util.ArrayList;
import java.util.List;

/** The schedulers' per-group {@code double[]} values: scaling, and conversions to and from state-dict lists. */
final class Doubles {
    private Doubles() {
    }

    /** Multiplies every value by {@code factor} in place ({@code lr * factor} per group); returns {@code values}. */
    static double[] scale(double[] values, double factor) {
        for (int i = 0; i < values.length; i++) {
            values[i] *= factor;
        }
        return values;
    }

    static List<Double> list(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return out;
    }

    static double[] array(List<?> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) values.get(i)).doubleValue();
        }
        return out;
    }

    /** One value per parameter group: a single value repeated, or one each ({@code _format_param}). */
    static double[] perGroup(String name, double[] values, int groups) {
        if (values.length == 1) {
            double[] out = new double[groups];
            java.util.Arrays.fill(out, values[0]);
            return out;
        }
        if (values.length != groups) {
            throw new IllegalArgumentException("expected " + groups + " values for " + name + ", got " + values.length);
        }
        return values.clone();
    }
}
