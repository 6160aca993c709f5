package org.torch4j.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** {@code torch.nn.ModuleDict}: registered children by string key, in insertion order. */
public class ModuleDict extends Module {
    /** {@code nn.ModuleDict()}. */
    public ModuleDict() {
    }

    /** {@code nn.ModuleDict(modules)}. */
    public ModuleDict(Map<String, ? extends Module> modules) {
        modules.forEach(this::put);
    }

    /** {@code module_dict[key] = module}. */
    public ModuleDict put(String key, Module module) {
        registerModule(key, module);
        return this;
    }

    /** {@code module_dict[key]}. */
    public Module get(String key) {
        if (!childMap().containsKey(key)) {
            throw new NoSuchElementException(key);
        }
        return childMap().get(key);
    }

    /** {@code key in module_dict}. */
    public boolean containsKey(String key) {
        return childMap().containsKey(key);
    }

    /** {@code module_dict.keys()}. */
    public List<String> keys() {
        return new ArrayList<>(childMap().keySet());
    }

    /** {@code module_dict.values()}. */
    public List<Module> values() {
        return new ArrayList<>(childMap().values());
    }

    /** {@code len(module_dict)}. */
    public int size() {
        return childMap().size();
    }
}
