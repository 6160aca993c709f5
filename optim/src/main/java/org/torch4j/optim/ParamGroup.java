package org.torch4j.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.torch4j.Tensor;

/**
 * A parameter group: tensors optimized with common options, the dict in PyTorch's {@code optimizer.param_groups}
 * (LibTorch's {@code OptimizerParamGroup}). Options not given here take the optimizer's defaults when the group is
 * added; schedulers change them (for example {@code lr}) between steps.
 *
 * <pre>{@code
 * new SGD(List.of(new ParamGroup(base), new ParamGroup(head).set("lr", 1e-3)), new SGD.Options(1e-2));
 * }</pre>
 */
public final class ParamGroup {
    private final List<Tensor> params;
    private final Map<String, Object> options = new LinkedHashMap<>();

    /** A group that takes every option from the optimizer's defaults ({@code {'params': params}}). */
    public ParamGroup(Iterable<Tensor> params) {
        List<Tensor> list = new ArrayList<>();
        params.forEach(list::add);
        this.params = Collections.unmodifiableList(list);
    }

    /** A group with all of {@code options} (LibTorch's {@code OptimizerParamGroup(params, options)}). */
    public ParamGroup(Iterable<Tensor> params, OptimizerOptions options) {
        this(params);
        this.options.putAll(options.asMap());
    }

    /** Sets one option of this group (a key of the Python dict), returning this group. */
    public ParamGroup set(String name, Object value) {
        options.put(name, value);
        return this;
    }

    /** {@code group['params']}. */
    public List<Tensor> params() {
        return params;
    }

    /** The group's options by PyTorch name, without {@code params} (unmodifiable, live). */
    public Map<String, Object> options() {
        return Collections.unmodifiableMap(options);
    }

    /** Whether the group has the option ({@code name in group}). */
    public boolean has(String name) {
        return options.containsKey(name);
    }

    /** {@code group[name]}, or null. */
    public Object get(String name) {
        return options.get(name);
    }

    /** {@code group[name]} as a double. */
    public double getDouble(String name) {
        return ((Number) require(name)).doubleValue();
    }

    /** {@code group[name]} as an int. */
    public int getInt(String name) {
        return ((Number) require(name)).intValue();
    }

    /** {@code group[name]} as a boolean. */
    public boolean getBoolean(String name) {
        return (Boolean) require(name);
    }

    /** Element {@code i} of a pair option such as {@code betas}. */
    public double getDouble(String name, int i) {
        return ((Number) ((List<?>) require(name)).get(i)).doubleValue();
    }

    /** {@code group['lr']}. */
    public double lr() {
        return getDouble("lr");
    }

    /** {@code group['lr'] = lr}. */
    public void setLr(double lr) {
        options.put("lr", lr);
    }

    private Object require(String name) {
        Object v = options.get(name);
        if (v == null) {
            throw new IllegalArgumentException("parameter group has no option '" + name + "'");
        }
        return v;
    }

    /** Replaces all options (load_state_dict); for the optimizer. */
    void replaceOptions(Map<String, Object> replacement) {
        options.clear();
        options.putAll(replacement);
    }

    /** Fills the options this group does not set from the optimizer's defaults; for the optimizer. */
    void fillDefaults(Map<String, Object> defaults) {
        defaults.forEach(options::putIfAbsent);
    }
}
