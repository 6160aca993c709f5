package org.torch4j.nn;

import java.util.List;
import org.torch4j.nn.internal.PyRepr;

/**
 * What {@link Module#loadStateDict(java.util.Map, boolean)} returns: the keys the module expected but the
 * state dict lacked, and the keys it did not expect ({@code torch.nn.modules.module._IncompatibleKeys}).
 */
public record IncompatibleKeys(List<String> missingKeys, List<String> unexpectedKeys) {
    public IncompatibleKeys {
        missingKeys = List.copyOf(missingKeys);
        unexpectedKeys = List.copyOf(unexpectedKeys);
    }

    /** PyTorch's repr: {@code <All keys matched successfully>} or the two lists. */
    @Override
    public String toString() {
        if (missingKeys.isEmpty() && unexpectedKeys.isEmpty()) {
            return "<All keys matched successfully>";
        }
        return "_IncompatibleKeys(missing_keys=" + PyRepr.strings(missingKeys) + ", unexpected_keys="
                + PyRepr.strings(unexpectedKeys) + ")";
    }
}
