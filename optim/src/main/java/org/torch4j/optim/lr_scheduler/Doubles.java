package org.torch4j.optim.lr_scheduler;

import java.util.ArrayList;
import java.util.List;

/** Conversions between the schedulers' {@code double[]} fields and the lists of their state dicts. */
final class Doubles {
    private Doubles() {
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
