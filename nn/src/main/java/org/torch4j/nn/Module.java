package org.torch4j.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.torch4j.DType;
import org.torch4j.Device;
import org.torch4j.GradGuard;
import org.torch4j.Tensor;
import org.torch4j.nn.internal.PyRepr;

/**
 * The base class of every layer and model; the equivalent of {@code torch.nn.Module}.
 *
 * <p>A module owns named parameters, buffers and child modules, registered in order (the order of
 * {@link #parameters()} and {@link #stateDict()}). Subclasses register them in their constructor and
 * override the {@code forward} they need; forward may use any Java control flow and call a child several
 * times (weight sharing).
 *
 * <pre>{@code
 * class Net extends Module {
 *     final Linear fc1 = registerModule("fc1", new Linear(1, 2));
 *     final Linear fc2 = registerModule("fc2", new Linear(2, 1));
 *
 *     @Override public Tensor forward(Tensor x) {
 *         return fc2.forward(Torch.sigmoid(fc1.forward(x)));
 *     }
 * }
 * }</pre>
 *
 * <p>Layers read their parameters by name ({@link #param(String)}), so that {@link #to(DType)}, which
 * replaces the registered tensors with converted ones, is seen by them.
 */
public abstract class Module {
    private final Map<String, Tensor> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Set<String> nonPersistentBuffers = new HashSet<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    // ------------------------------------------------------------------ forward

    /**
     * {@code module(input)}: the computation of single-input modules. Modules with other signatures
     * (losses, attention, recurrent layers) add their own {@code forward} overloads.
     */
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException("Module [" + name() + "] is missing the required \"forward\" function");
    }

    // ------------------------------------------------------------------ registration

    /** {@code module.register_module(name, module)} (or {@code self.name = module}); returns the child. */
    public <M extends Module> M registerModule(String name, M module) {
        checkName("module", name, children);
        children.put(name, module);
        return module;
    }

    /**
     * {@code module.register_parameter(name, param)}: registers a leaf tensor as a parameter that requires
     * grad (LibTorch's {@code register_parameter}); a null tensor registers an absent parameter (Python's
     * {@code None}), which iteration and the state dict skip.
     */
    public Tensor registerParameter(String name, Tensor tensor) {
        return registerParameter(name, tensor, true);
    }

    /** {@code register_parameter(name, tensor, requires_grad)} of LibTorch. */
    public Tensor registerParameter(String name, Tensor tensor, boolean requiresGrad) {
        checkName("parameter", name, parameters);
        if (tensor != null) {
            if (!tensor.isLeaf()) {
                throw new IllegalArgumentException("Cannot assign non-leaf Tensor to parameter '" + name + "'. Model "
                        + "parameters must be created explicitly. To express '" + name + "' as a function of another "
                        + "Tensor, compute the value in the forward() method.");
            }
            if (tensor.isFloatingPoint() || requiresGrad) {
                tensor.requiresGrad_(requiresGrad);
            }
        }
        parameters.put(name, tensor);
        return tensor;
    }

    /** {@code module.register_buffer(name, tensor)}: state that is saved but not trained. */
    public Tensor registerBuffer(String name, Tensor tensor) {
        return registerBuffer(name, tensor, true);
    }

    /** {@code module.register_buffer(name, tensor, persistent)}; non-persistent buffers stay out of the state dict. */
    public Tensor registerBuffer(String name, Tensor tensor, boolean persistent) {
        checkName("buffer", name, buffers);
        buffers.put(name, tensor);
        if (persistent) {
            nonPersistentBuffers.remove(name);
        } else {
            nonPersistentBuffers.add(name);
        }
        return tensor;
    }

    private void checkName(String kind, String name, Map<String, ?> own) {
        if (name.contains(".")) {
            String got = kind.equals("module") ? ", got: " + name : "";
            throw new IllegalArgumentException(kind + " name can't contain \".\"" + got);
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException(kind + " name can't be empty string \"\"");
        }
        if (hasMember(name) && !own.containsKey(name)) {
            throw new IllegalArgumentException("attribute '" + name + "' already exists");
        }
    }

    /** Whether this module has a parameter, buffer or child of that name (an absent one included). */
    private boolean hasMember(String name) {
        return parameters.containsKey(name) || buffers.containsKey(name) || children.containsKey(name);
    }

    /** This module's own parameter or buffer by name (null for an absent one); how layers read their state. */
    protected Tensor param(String name) {
        Tensor t = parameters.get(name);
        return t != null || parameters.containsKey(name) ? t : buffers.get(name);
    }

    /** Replaces the value of an existing buffer (running statistics are updated this way). */
    protected void setBuffer(String name, Tensor tensor) {
        if (!buffers.containsKey(name)) {
            throw new IllegalArgumentException("no buffer named '" + name + "'");
        }
        buffers.put(name, tensor);
    }

    // ------------------------------------------------------------------ lookup by dotted path

    /**
     * {@code module.get_submodule(target)}: "" is this module, "a.b" a grandchild; a name that is not a
     * child (a parameter, or an absent child) fails as in PyTorch.
     */
    public Module getSubmodule(String target) {
        if (target.isEmpty()) {
            return this;
        }
        Module m = this;
        for (String item : target.split("\\.", -1)) {
            m.checkHasMember(item);
            Module child = m.children.get(item);
            if (child == null) {
                throw new IllegalArgumentException("`" + item + "` is not an nn.Module");
            }
            m = child;
        }
        return m;
    }

    /** {@code module.get_parameter(target)}, e.g. {@code "fc1.weight"}; an absent parameter fails. */
    public Tensor getParameter(String target) {
        Tensor p = member(target, m -> m.parameters, "an nn.Parameter");
        if (p == null) {
            throw new IllegalArgumentException("`" + target.substring(target.lastIndexOf('.') + 1)
                    + "` is not an nn.Parameter");
        }
        return p;
    }

    /** {@code module.get_buffer(target)}; null for a buffer registered as absent. */
    public Tensor getBuffer(String target) {
        return member(target, m -> m.buffers, "a buffer");
    }

    /** The member named by the last atom of target, in the map that {@code of} picks from its owner. */
    private Tensor member(String target, Function<Module, Map<String, Tensor>> of, String kind) {
        int dot = target.lastIndexOf('.');
        Module owner = getSubmodule(dot < 0 ? "" : target.substring(0, dot));
        String name = target.substring(dot + 1);
        owner.checkHasMember(name);
        Map<String, Tensor> members = of.apply(owner);
        if (!members.containsKey(name)) {
            throw new IllegalArgumentException("`" + name + "` is not " + kind);
        }
        return members.get(name);
    }

    private void checkHasMember(String name) {
        if (!hasMember(name)) {
            throw new IllegalArgumentException(name() + " has no attribute `" + name + "`");
        }
    }

    // ------------------------------------------------------------------ iteration

    /** {@code module.parameters()}: every parameter of this module and its descendants, each once. */
    public List<Tensor> parameters() {
        return parameters(true);
    }

    /** {@code module.parameters(recurse)}. */
    public List<Tensor> parameters(boolean recurse) {
        List<Tensor> out = new ArrayList<>();
        forEachMember(recurse, false, m -> m.parameters, (name, p) -> out.add(p));
        return out;
    }

    /** {@code module.named_parameters()}: names such as {@code "fc1.weight"}, in registration order. */
    public Map<String, Tensor> namedParameters() {
        return namedParameters(true);
    }

    /** {@code module.named_parameters(recurse=recurse)}. */
    public Map<String, Tensor> namedParameters(boolean recurse) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        forEachMember(recurse, true, m -> m.parameters, out::put);
        return out;
    }

    /** {@code module.buffers()}. */
    public List<Tensor> buffers() {
        List<Tensor> out = new ArrayList<>();
        forEachMember(true, false, m -> m.buffers, (name, b) -> out.add(b));
        return out;
    }

    /** {@code module.named_buffers()}. */
    public Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        forEachMember(true, true, m -> m.buffers, out::put);
        return out;
    }

    /**
     * Passes each present tensor that {@code of} picks from this module (and its descendants when
     * {@code recurse}) to sink once, in named_modules order; the dotted names are built only when
     * {@code named} (else sink gets null), since parameters() runs in training loops.
     */
    private void forEachMember(boolean recurse, boolean named, Function<Module, Map<String, Tensor>> of,
            BiConsumer<String, Tensor> sink) {
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        BiConsumer<String, Module> perModule = (path, m) -> {
            for (Map.Entry<String, Tensor> e : of.apply(m).entrySet()) {
                if (e.getValue() != null && seen.add(e.getValue())) {
                    sink.accept(named ? (path.isEmpty() ? "" : path + ".") + e.getKey() : null, e.getValue());
                }
            }
        };
        if (recurse) {
            visitModules(named ? "" : null, perModule, Collections.newSetFromMap(new IdentityHashMap<>()));
        } else {
            perModule.accept(named ? "" : null, this);
        }
    }

    /** {@code module.children()}: the direct children, each once. */
    public List<Module> children() {
        return new ArrayList<>(namedChildren().values());
    }

    /** {@code module.named_children()}. */
    public Map<String, Module> namedChildren() {
        Map<String, Module> out = new LinkedHashMap<>();
        Set<Module> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<String, Module> e : children.entrySet()) {
            if (e.getValue() != null && seen.add(e.getValue())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** The registered children by name in order, repeats included (what containers iterate); read-only. */
    protected Map<String, Module> childMap() {
        return Collections.unmodifiableMap(children);
    }

    /** {@code module.modules()}: this module and every descendant, depth first, each once. */
    public List<Module> modules() {
        List<Module> out = new ArrayList<>();
        visitModules(null, (path, m) -> out.add(m), Collections.newSetFromMap(new IdentityHashMap<>()));
        return out;
    }

    /** {@code module.named_modules()}: "" for this module, dotted paths for descendants. */
    public Map<String, Module> namedModules() {
        Map<String, Module> out = new LinkedHashMap<>();
        visitModules("", out::put, Collections.newSetFromMap(new IdentityHashMap<>()));
        return out;
    }

    /** Depth first, each module once, visit(path, module); paths are built only when prefix is not null. */
    private void visitModules(String prefix, BiConsumer<String, Module> visit, Set<Module> seen) {
        if (!seen.add(this)) {
            return;
        }
        visit.accept(prefix, this);
        for (Map.Entry<String, Module> e : children.entrySet()) {
            if (e.getValue() != null) {
                String path = prefix == null ? null : prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                e.getValue().visitModules(path, visit, seen);
            }
        }
    }

    /** {@code module.apply(fn)}: fn on every descendant (children first) and then on this module. */
    public Module apply(Consumer<Module> fn) {
        for (Module child : children()) {
            child.apply(fn);
        }
        fn.accept(this);
        return this;
    }

    // ------------------------------------------------------------------ modes and gradients

    /** {@code module.training}. */
    public boolean isTraining() {
        return training;
    }

    /** {@code module.train(mode)}: sets training mode here and in every descendant. */
    public Module train(boolean mode) {
        training = mode;
        for (Module child : children()) {
            child.train(mode);
        }
        return this;
    }

    /** {@code module.train()}. */
    public Module train() {
        return train(true);
    }

    /** {@code module.eval()}: {@code train(false)}. */
    public Module eval() {
        return train(false);
    }

    /** {@code module.requires_grad_(flag)}: freezes ({@code false}) or unfreezes every parameter. */
    public Module requiresGrad_(boolean flag) {
        for (Tensor p : parameters()) {
            p.requiresGrad_(flag);
        }
        return this;
    }

    /**
     * {@code module.zero_grad()}: drops every parameter's gradient (set_to_none, current PyTorch's default and
     * the same as {@code Optimizer.zeroGrad()}); {@code zeroGrad(false)} zeroes them in place as PyTorch 1.13 did.
     */
    public void zeroGrad() {
        zeroGrad(true);
    }

    /** {@code module.zero_grad(set_to_none)}: with {@code true} the gradients are dropped instead. */
    public void zeroGrad(boolean setToNone) {
        for (Tensor p : parameters()) {
            Tensor g = p.grad();
            if (g == null) {
                continue;
            }
            if (setToNone) {
                p.setGrad(null);
            } else {
                try (GradGuard ignored = GradGuard.disable()) {
                    g.detach_();
                    g.zero_();
                }
            }
        }
    }

    // ------------------------------------------------------------------ conversion

    /**
     * {@code module.to(dtype)}: converts floating parameters, gradients and buffers (integer ones stay). The
     * module's tensors are replaced by converted ones, so references taken before (an optimizer's parameter
     * list) still see the old tensors: convert first, as PyTorch advises for {@code cuda()}.
     */
    public Module to(DType dtype) {
        return convert(t -> t.isFloatingPoint() ? t.to(dtype) : t);
    }

    /** {@code module.to(device)}. */
    public Module to(Device device) {
        return convert(t -> t.to(device));
    }

    /** {@code module.to(device, dtype)}. */
    public Module to(Device device, DType dtype) {
        return convert(t -> (t.isFloatingPoint() ? t.to(dtype) : t).to(device));
    }

    /** {@code module.double()}. */
    public Module toDouble() {
        return to(DType.FLOAT64);
    }

    /** {@code module.float()}. */
    public Module toFloat() {
        return to(DType.FLOAT32);
    }

    /**
     * PyTorch's {@code Module._apply}: replaces every parameter (keeping requires_grad and converting its
     * gradient) and buffer with fn's result; a tensor shared by several modules maps to one new tensor.
     */
    private Module convert(UnaryOperator<Tensor> fn) {
        Map<Tensor, Tensor> done = new IdentityHashMap<>();
        try (GradGuard ignored = GradGuard.disable()) {
            for (Module m : modules()) {
                m.parameters.replaceAll((name, p) -> p == null ? null
                        : done.computeIfAbsent(p, old -> convertParameter(old, fn)));
                m.buffers.replaceAll((name, b) -> b == null ? null : done.computeIfAbsent(b, fn));
            }
        }
        return this;
    }

    private static Tensor convertParameter(Tensor old, UnaryOperator<Tensor> fn) {
        Tensor converted = fn.apply(old);
        if (converted == old) {
            return old;
        }
        Tensor p = converted.detach();
        if (old.requiresGrad()) {
            p.requiresGrad_(true);
        }
        if (old.grad() != null) {
            p.setGrad(fn.apply(old.grad()).detach());
        }
        return p;
    }

    // ------------------------------------------------------------------ state dict

    /**
     * {@code module.state_dict()}: parameters and persistent buffers by dotted name, each module's own
     * entries before its children's, values detached (sharing storage with the module's tensors).
     */
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        saveTo(out, "");
        return out;
    }

    private void saveTo(Map<String, Tensor> out, String prefix) {
        for (Map.Entry<String, Tensor> e : localState().entrySet()) {
            out.put(prefix + e.getKey(), e.getValue().detach());
        }
        for (Map.Entry<String, Module> e : children.entrySet()) {
            if (e.getValue() != null) {
                e.getValue().saveTo(out, prefix + e.getKey() + ".");
            }
        }
    }

    /** Parameters and persistent buffers that are present, in order. */
    private Map<String, Tensor> localState() {
        Map<String, Tensor> local = new LinkedHashMap<>();
        parameters.forEach((k, v) -> {
            if (v != null) {
                local.put(k, v);
            }
        });
        buffers.forEach((k, v) -> {
            if (v != null && !nonPersistentBuffers.contains(k)) {
                local.put(k, v);
            }
        });
        return local;
    }

    /** {@code module.load_state_dict(state_dict)} with {@code strict=True}. */
    public IncompatibleKeys loadStateDict(Map<String, Tensor> stateDict) {
        return loadStateDict(stateDict, true);
    }

    /**
     * {@code module.load_state_dict(state_dict, strict)}: copies every matching entry into this module's
     * tensors. Shape mismatches always fail; with {@code strict} missing and unexpected keys fail too, and
     * the exception lists every offending key in PyTorch's words. Returns the missing and unexpected keys.
     */
    public IncompatibleKeys loadStateDict(Map<String, Tensor> stateDict, boolean strict) {
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try (GradGuard ignored = GradGuard.disable()) {
            loadFrom(stateDict, "", missing, unexpected, errors);
        }
        if (strict) {
            if (!unexpected.isEmpty()) {
                errors.add(0, "Unexpected key(s) in state_dict: " + quoteAll(unexpected) + ". ");
            }
            if (!missing.isEmpty()) {
                errors.add(0, "Missing key(s) in state_dict: " + quoteAll(missing) + ". ");
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Error(s) in loading state_dict for " + name() + ":\n\t"
                    + String.join("\n\t", errors));
        }
        return new IncompatibleKeys(missing, unexpected);
    }

    private void loadFrom(Map<String, Tensor> stateDict, String prefix, List<String> missing, List<String> unexpected,
            List<String> errors) {
        Map<String, Tensor> local = localState();
        for (Map.Entry<String, Tensor> e : local.entrySet()) {
            String key = prefix + e.getKey();
            Tensor param = e.getValue();
            Tensor input = stateDict.get(key);
            if (input == null) {
                missing.add(key);
                continue;
            }
            if (param.dim() == 0 && input.dim() == 1) {
                input = input.get(0);
            }
            if (!java.util.Arrays.equals(input.shape(), param.shape())) {
                errors.add("size mismatch for " + key + ": copying a param with shape " + PyRepr.torchSize(input.shape())
                        + " from checkpoint, the shape in current model is " + PyRepr.torchSize(param.shape()) + ".");
                continue;
            }
            param.copy_(input);
        }
        for (String key : stateDict.keySet()) {
            if (key.startsWith(prefix)) {
                String rest = key.substring(prefix.length());
                int dot = rest.indexOf('.');
                String inputName = dot < 0 ? rest : rest.substring(0, dot);
                if (!children.containsKey(inputName) && !local.containsKey(inputName)) {
                    unexpected.add(key);
                }
            }
        }
        for (Map.Entry<String, Module> e : children.entrySet()) {
            if (e.getValue() != null) {
                e.getValue().loadFrom(stateDict, prefix + e.getKey() + ".", missing, unexpected, errors);
            }
        }
    }

    private static String quoteAll(List<String> keys) {
        StringBuilder sb = new StringBuilder();
        for (String k : keys) {
            sb.append(sb.length() == 0 ? "" : ", ").append('"').append(k).append('"');
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ printing

    /** The class name used by {@link #toString()} and error messages ({@code module._get_name()}). */
    public String name() {
        String simple = getClass().getSimpleName();
        return simple.isEmpty() ? getClass().getSuperclass().getSimpleName() : simple;
    }

    /** {@code module.extra_repr()}: the arguments printed inside the parentheses, "" for none. */
    protected String extraRepr() {
        return "";
    }

    /** {@code repr(module)}: the module tree exactly as PyTorch prints it. */
    @Override
    public String toString() {
        List<String> extraLines = new ArrayList<>();
        String extra = extraRepr();
        if (!extra.isEmpty()) {
            Collections.addAll(extraLines, extra.split("\n", -1));
        }
        List<String> childLines = new ArrayList<>();
        for (Map.Entry<String, Module> e : children.entrySet()) {
            String child = e.getValue() == null ? "None" : e.getValue().toString().replace("\n", "\n  ");
            childLines.add("(" + e.getKey() + "): " + child);
        }
        StringBuilder sb = new StringBuilder(name()).append('(');
        if (extraLines.size() == 1 && childLines.isEmpty()) {
            sb.append(extraLines.get(0));
        } else if (!extraLines.isEmpty() || !childLines.isEmpty()) {
            List<String> lines = new ArrayList<>(extraLines);
            lines.addAll(childLines);
            sb.append("\n  ").append(String.join("\n  ", lines)).append('\n');
        }
        return sb.append(')').toString();
    }
}
