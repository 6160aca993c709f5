package org.torch4j.autograd.internal;

import java.util.function.Supplier;
import org.torch4j.Device;
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

    static OpTable table(Tensor... tensors) {
        Device device = tensors[0].device();
        for (Tensor t : tensors) {
            if (t != null) {
                device = Dispatcher.commonDevice(tensors[0], t);
            }
        }
        return Dispatcher.backend(device);
    }

    /** Runs {@code op} with grad mode off (so nothing it calls records history) and restores the mode. */
    static <T> T run(Supplier<T> op) {
        boolean previous = GradMode.set(false);
        try {
            return op.get();
        } finally {
            GradMode.set(previous);
        }
    }
}
