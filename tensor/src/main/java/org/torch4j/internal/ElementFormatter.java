package org.torch4j.internal;

/**
 * PyTorch's {@code torch._tensor_str._Formatter}: chooses how the elements of one tensor print (integer mode
 * {@code 1.}, fixed {@code 1.5000} or scientific {@code 1.5000e-05} for floating dtypes) and the common width
 * they are padded to, from the elements that will be shown.
 */
final class ElementFormatter {
    private final CpuStorage storage;
    private final boolean floating;
    private boolean intMode = true;
    private boolean sciMode;
    private int width = 1;

    /** A formatter for the elements at the given storage positions (the summarized data when summarizing). */
    ElementFormatter(CpuStorage storage, int[] positions) {
        this.storage = storage;
        this.floating = storage.dtype().isFloatingPoint();
        if (!floating) {
            for (int p : positions) {
                width = Math.max(width, raw(p).length());
            }
            return;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int p : positions) {
            double v = storage.getDouble(p);
            if (Double.isFinite(v) && v != 0) {
                min = Math.min(min, Math.abs(v));
                max = Math.max(max, Math.abs(v));
                intMode &= v == Math.ceil(v);
            }
        }
        if (max == 0) {
            return; // no finite non-zero value: integer mode, width 1
        }
        sciMode = max / min > 1000.0 || max > 1.0e8 || (!intMode && min < 1.0e-4);
        for (int p : positions) {
            double v = storage.getDouble(p);
            if (Double.isFinite(v) && v != 0) {
                int length = raw(p).length() + (intMode && !sciMode ? 1 : 0);
                width = Math.max(width, length);
            }
        }
    }

    /** The width every formatted element is padded to. */
    int width() {
        return width;
    }

    /** The element at a storage position, right-aligned to {@link #width()}. */
    String format(int position) {
        String s = raw(position);
        if (floating && intMode && !sciMode && Double.isFinite(storage.getDouble(position))) {
            s += ".";
        }
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    /** The element without padding and without the integer-mode point. */
    private String raw(int position) {
        switch (storage.dtype()) {
            case BOOL: return storage.bools()[position] ? "True" : "False";
            case INT32:
            case INT64: return Long.toString(storage.getLong(position));
            default: {
                double v = storage.getDouble(position);
                return sciMode ? PythonFloatFormat.scientific(v, PrintOptions.PRECISION)
                        : PythonFloatFormat.fixed(v, intMode ? 0 : PrintOptions.PRECISION);
            }
        }
    }
}
