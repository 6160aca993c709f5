package org.torch4j.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options of an optimizer (its Python keyword arguments) under PyTorch's names, as LibTorch's
 * {@code OptimizerOptions}. Each optimizer's nested {@code Options} class fills in PyTorch's defaults and has one
 * setter per option, for example {@code new SGD.Options(0.01).momentum(0.9)}.
 */
public abstract class OptimizerOptions {
    private final Map<String, Object> values = new LinkedHashMap<>();

    protected OptimizerOptions() {
    }

    /** Sets an option; for the subclasses' setters. */
    protected final void put(String name, Object value) {
        values.put(name, value);
    }

    /** The value of an option ({@code Double}, {@code Integer}, {@code Boolean}, {@code List<Double>} for betas). */
    public final Object get(String name) {
        return values.get(name);
    }

    /** The learning rate ({@code lr}). */
    public final double lr() {
        return ((Number) values.get("lr")).doubleValue();
    }

    /** All options by PyTorch name, in PyTorch's order (unmodifiable). */
    public final Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /**
     * The argument checks of the optimizer's Python constructor, in its order, throwing its messages; the
     * {@link Optimizer} constructor runs them before anything else. None by default.
     */
    void validate() {
    }
}
