package org.torch4j.autograd.internal;

import java.util.function.Supplier;
import org.torch4j.Tensor;
import org.torch4j.internal.Dispatcher;
import org.torch4j.internal.GradMode;
import org.torch4j.internal.OpTable;

/** The device backend under the autograd layer, and running code on it with grad mode off. */
final class Below {
    private Below() {
    }

    static OpTable table(Tensor x) {
        return Dispatcher.backend(x.device());
    }

    static OpTable table(Tensor a, Tensor b) {
        return Dispatcher.backend(Dispatcher.commonDevice(a, b));
    }

    /** The backend of several operands: the device of the first that is not a 0-dim CPU scalar (as the dispatcher). */
    static OpTable table(Tensor... tensors) {
        Tensor anchor = tensors[0];
        for (Tensor t : tensors) {
            Dispatcher.commonDevice(anchor, t);
            if (anchor.device().isCpu() && anchor.dim() == 0) {
                anchor = t;
            }
        }
        return Dispatcher.backend(anchor.device());
    }

    /** Runs {@code op} with grad mode off (so nothing it calls records history) and restores the mode. */
    static <T> T run(Supplier<T> op) {
        boolean[] mode = GradMode.cell();
        boolean previous = mode[0];
        mode[0] = false;
        try {
            return op.get();
        } finally {
            mode[0] = previous;
        }
    }
}
