package org.torch4j.nn;

import java.util.Iterator;
import java.util.Map;
import org.torch4j.Tensor;

/**
 * {@code torch.nn.Sequential}: children called in order, each on the previous one's output. Children are
 * named "0", "1", ... or by the names of a map.
 */
public class Sequential extends Module implements Iterable<Module> {
    /** {@code nn.Sequential(*modules)}. */
    public Sequential(Module... modules) {
        for (Module m : modules) {
            add(m);
        }
    }

    /** {@code nn.Sequential(OrderedDict(...))}: children with the given names, in the map's order. */
    public Sequential(Map<String, ? extends Module> modules) {
        modules.forEach(this::registerModule);
    }

    /** {@code sequential.append(module)}: adds a child named by its position. */
    public Sequential add(Module module) {
        registerModule(Integer.toString(size()), module);
        return this;
    }

    /** {@code sequential[index]}; negative indices count from the end. */
    public Module get(int index) {
        return ModuleList.at(childMap(), index);
    }

    /** {@code len(sequential)}. */
    public int size() {
        return childMap().size();
    }

    @Override
    public Iterator<Module> iterator() {
        return childMap().values().iterator();
    }

    /** Feeds the input through every child in order. */
    @Override
    public Tensor forward(Tensor input) {
        Tensor x = input;
        for (Module m : childMap().values()) {
            x = m.forward(x);
        }
        return x;
    }
}
