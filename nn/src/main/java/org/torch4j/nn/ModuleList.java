package org.torch4j.nn;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** {@code torch.nn.ModuleList}: an indexable list of registered children (it has no forward of its own). */
public class ModuleList extends Module implements Iterable<Module> {
    /** {@code nn.ModuleList(modules)}. */
    public ModuleList(Module... modules) {
        for (Module m : modules) {
            append(m);
        }
    }

    /** {@code module_list.append(module)}. */
    public ModuleList append(Module module) {
        registerModule(Integer.toString(size()), module);
        return this;
    }

    /** {@code module_list.extend(modules)}. */
    public ModuleList extend(Iterable<? extends Module> modules) {
        for (Module m : modules) {
            append(m);
        }
        return this;
    }

    /** {@code module_list[index]}; negative indices count from the end. */
    public Module get(int index) {
        return at(childMap(), index);
    }

    /** {@code len(module_list)}. */
    public int size() {
        return childMap().size();
    }

    @Override
    public Iterator<Module> iterator() {
        return childMap().values().iterator();
    }

    /** The child at a Python-style index of an ordered child map. */
    static Module at(Map<String, Module> children, int index) {
        int n = children.size();
        if (index < -n || index >= n) {
            throw new IndexOutOfBoundsException("index " + index + " is out of range");
        }
        List<Module> list = new ArrayList<>(children.values());
        return list.get(index < 0 ? index + n : index);
    }
}
