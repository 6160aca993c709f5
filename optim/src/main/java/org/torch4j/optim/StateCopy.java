package org.torch4j.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.torch4j.Tensor;

/** The deep copies {@code Optimizer.load_state_dict} makes of a state dict (its {@code deepcopy} and {@code cast}). */
final class StateCopy {
    private StateCopy() {
    }

    /**
     * A deep copy of {@code value} with its tensors converted to a floating parameter's dtype and every
     * tensor moved to the parameter's device, except under the key {@code step}. PyTorch (since 1.12) keeps
     * {@code step} as a one-element float tensor, torch4j as a Long: a loaded tensor step becomes its count.
     */
    static Object cast(Tensor param, Object value, String key) {
        if ("step".equals(key) && value instanceof Tensor && ((Tensor) value).numel() == 1) {
            return (long) ((Tensor) value).item();
        }
        if (value instanceof Tensor) {
            Tensor t = ((Tensor) value).detach().clone();
            if (!"step".equals(key)) {
                if (param.isFloatingPoint()) {
                    t = t.to(param.dtype());
                }
                t = t.to(param.device());
            }
            return t;
        }
        if (value instanceof Map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<?, ?>) value).forEach((k, v) -> out.put((String) k, cast(param, v, (String) k)));
            return out;
        }
        if (value instanceof List) {
            List<Object> out = new ArrayList<>();
            for (Object v : (List<?>) value) {
                out.add(cast(param, v, null));
            }
            return out;
        }
        return value;
    }

    /** A deep copy of an option value: tensors cloned, lists and maps copied, other values (immutable) shared. */
    static Object copy(Object value) {
        if (value instanceof Tensor) {
            return ((Tensor) value).detach().clone();
        }
        if (value instanceof Map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            ((Map<?, ?>) value).forEach((k, v) -> out.put(k, copy(v)));
            return out;
        }
        if (value instanceof List) {
            List<Object> out = new ArrayList<>();
            for (Object v : (List<?>) value) {
                out.add(copy(v));
            }
            return out;
        }
        return value;
    }
}
