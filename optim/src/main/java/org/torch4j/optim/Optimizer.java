package org.torch4j.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.internal.GradMode;

/**
 * Base class of the optimizers; {@code torch.optim.Optimizer}. It holds the parameter groups, the per-parameter
 * state (keyed by tensor identity, as PyTorch keys it by the tensor object), and implements
 * {@link #zeroGrad()}, {@link #step(LossClosure)} (the closure runs with grad enabled, the update without) and
 * {@link #stateDict()} / {@link #loadStateDict(Map)} with PyTorch's structure.
 */
public abstract class Optimizer {
    private final Map<String, Object> defaults;
    private final List<ParamGroup> paramGroups = new ArrayList<>();
    private final Map<Tensor, Map<String, Object>> state = new IdentityHashMap<>();

    /** {@code Optimizer(params, defaults)} with one group holding every parameter. */
    protected Optimizer(Iterable<Tensor> params, OptimizerOptions defaults) {
        this(List.of(new ParamGroup(params)), defaults, true);
    }

    /** {@code Optimizer([{'params': ...}, ...], defaults)}. */
    protected Optimizer(List<ParamGroup> groups, OptimizerOptions defaults) {
        this(groups, defaults, false);
    }

    private Optimizer(List<ParamGroup> groups, OptimizerOptions defaults, boolean single) {
        defaults.validate();
        this.defaults = new LinkedHashMap<>(defaults.asMap());
        if (groups.isEmpty() || single && groups.get(0).params().isEmpty()) {
            throw new IllegalArgumentException("optimizer got an empty parameter list");
        }
        for (ParamGroup group : groups) {
            addParamGroup(group);
        }
    }

    /** {@code optimizer.defaults} (unmodifiable). */
    public final Map<String, Object> defaults() {
        return Collections.unmodifiableMap(defaults);
    }

    /** {@code optimizer.param_groups} (the list is unmodifiable, the groups are live). */
    public final List<ParamGroup> paramGroups() {
        return Collections.unmodifiableList(paramGroups);
    }

    /**
     * {@code optimizer.add_param_group(group)}: adds a group (for example layers unfrozen during fine-tuning); the
     * options it does not set take the defaults.
     */
    public void addParamGroup(ParamGroup group) {
        for (Tensor p : group.params()) {
            if (!(p.isLeaf() || p.retainsGrad())) {
                throw new IllegalArgumentException("can't optimize a non-leaf Tensor");
            }
        }
        Map<Tensor, Boolean> seen = new IdentityHashMap<>();
        for (ParamGroup g : paramGroups) {
            for (Tensor p : g.params()) {
                seen.put(p, true);
            }
        }
        for (Tensor p : group.params()) {
            if (seen.containsKey(p)) {
                throw new IllegalArgumentException("some parameters appear in more than one parameter group");
            }
        }
        group.fillDefaults(defaults);
        paramGroups.add(group);
    }

    /** {@code optimizer.state}: per-parameter state by parameter (identity), unmodifiable; the maps are live. */
    public final Map<Tensor, Map<String, Object>> state() {
        return Collections.unmodifiableMap(state);
    }

    /** {@code optimizer.state[p]}: the state of a parameter, created empty on first use. */
    protected final Map<String, Object> stateOf(Tensor param) {
        return state.computeIfAbsent(param, p -> new LinkedHashMap<>());
    }

    /**
     * The state of a parameter about to take a step, created as PyTorch's {@code if len(state) == 0:} creates it:
     * {@code step = 0} and a zero tensor like the parameter under each of {@code zeroBuffers}.
     */
    final Map<String, Object> initState(Tensor param, String... zeroBuffers) {
        Map<String, Object> s = stateOf(param);
        if (s.isEmpty()) {
            s.put("step", 0L);
            for (String name : zeroBuffers) {
                s.put(name, Torch.zerosLike(param));
            }
        }
        return s;
    }

    /** {@code state['step'] += 1}, returning the new count. */
    static long incrementStep(Map<String, Object> state) {
        long step = ((Number) state.get("step")).longValue() + 1;
        state.put("step", step);
        return step;
    }

    /** {@code optimizer.zero_grad(set_to_none=True)}: drops every gradient (PyTorch 2's and LibTorch's default). */
    public void zeroGrad() {
        zeroGrad(true);
    }

    /**
     * {@code optimizer.zero_grad(set_to_none)}: with false, gradients are detached and filled with zeros (the
     * default of PyTorch 1.13's Python API) instead of dropped.
     */
    public void zeroGrad(boolean setToNone) {
        for (ParamGroup group : paramGroups) {
            for (Tensor p : group.params()) {
                Tensor g = p.grad();
                if (g == null) {
                    continue;
                }
                if (setToNone) {
                    p.setGrad(null);
                } else {
                    if (g.gradFn() != null) {
                        g.detach_();
                    } else {
                        g.requiresGrad_(false);
                    }
                    g.zero_();
                }
            }
        }
    }

    /** {@code optimizer.step()}: one update of every parameter that has a gradient. */
    public Tensor step() {
        return step(null);
    }

    /**
     * {@code optimizer.step(closure)}: evaluates the closure (with grad enabled) when given, then updates every
     * parameter that has a gradient, without recording autograd history. Returns the closure's loss, or null.
     */
    public Tensor step(LossClosure closure) {
        Tensor loss = closure == null ? null : evaluate(closure);
        boolean previous = GradMode.set(false);
        try {
            for (ParamGroup group : paramGroups) {
                update(group);
            }
        } finally {
            GradMode.set(previous);
        }
        return loss;
    }

    /** Runs a closure with grad mode enabled ({@code with torch.enable_grad(): closure()}). */
    protected static Tensor evaluate(LossClosure closure) {
        boolean previous = GradMode.set(true);
        try {
            return closure.call();
        } finally {
            GradMode.set(previous);
        }
    }

    /** Updates the parameters of one group that have a gradient; runs without grad mode. */
    protected abstract void update(ParamGroup group);

    /**
     * {@code optimizer.state_dict()}: {@code "state"} maps a parameter's index (its position across the groups) to
     * its state, {@code "param_groups"} lists each group's options with {@code "params"} holding those indices.
     * The state maps are copies; the tensors in them are the optimizer's own, as in PyTorch.
     */
    public Map<String, Object> stateDict() {
        Map<Tensor, Integer> index = new IdentityHashMap<>();
        List<Tensor> order = new ArrayList<>();
        List<Map<String, Object>> groups = new ArrayList<>();
        int start = 0;
        for (ParamGroup group : paramGroups) {
            Map<String, Object> packed = new LinkedHashMap<>(group.options());
            List<Integer> ids = new ArrayList<>();
            int i = start;
            for (Tensor p : group.params()) {
                if (!index.containsKey(p)) {
                    index.put(p, i);
                    order.add(p);
                }
                i++;
                ids.add(index.get(p));
            }
            packed.put("params", ids);
            start += group.params().size();
            groups.add(packed);
        }
        Map<Integer, Map<String, Object>> packedState = new LinkedHashMap<>();
        for (Tensor p : order) {
            Map<String, Object> s = state.get(p);
            if (s != null) {
                packedState.put(index.get(p), new LinkedHashMap<>(s));
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("state", packedState);
        result.put("param_groups", groups);
        return result;
    }

    /**
     * {@code optimizer.load_state_dict(state_dict)}: takes a (deep) copy of a {@link #stateDict()}, matching its
     * parameter indices to this optimizer's parameters in order; floating-point state tensors are converted to
     * the parameter's dtype and device (except {@code step}).
     */
    @SuppressWarnings("unchecked")
    public void loadStateDict(Map<String, Object> stateDict) {
        List<Map<String, Object>> savedGroups = (List<Map<String, Object>>) stateDict.get("param_groups");
        if (savedGroups.size() != paramGroups.size()) {
            throw new IllegalArgumentException("loaded state dict has a different number of parameter groups");
        }
        Map<Integer, Tensor> idMap = new LinkedHashMap<>();
        for (int g = 0; g < savedGroups.size(); g++) {
            List<?> savedIds = (List<?>) savedGroups.get(g).get("params");
            List<Tensor> params = paramGroups.get(g).params();
            if (savedIds.size() != params.size()) {
                throw new IllegalArgumentException("loaded state dict contains a parameter group that doesn't match "
                        + "the size of optimizer's group");
            }
        }
        for (int g = 0; g < savedGroups.size(); g++) {
            List<?> savedIds = (List<?>) savedGroups.get(g).get("params");
            List<Tensor> params = paramGroups.get(g).params();
            for (int i = 0; i < params.size(); i++) {
                idMap.put(((Number) savedIds.get(i)).intValue(), params.get(i));
            }
        }
        state.clear();
        Map<?, ?> savedState = (Map<?, ?>) stateDict.get("state");
        for (Map.Entry<?, ?> e : savedState.entrySet()) {
            Tensor param = idMap.get(((Number) e.getKey()).intValue());
            if (param != null) {
                state.put(param, (Map<String, Object>) StateCopy.cast(param, e.getValue(), null));
            }
        }
        for (int g = 0; g < savedGroups.size(); g++) {
            Map<String, Object> options = new LinkedHashMap<>();
            savedGroups.get(g).forEach((k, v) -> {
                if (!k.equals("params")) {
                    options.put(k, StateCopy.copy(v));
                }
            });
            paramGroups.get(g).replaceOptions(options);
        }
    }
}
