package org.torch4j.internal;

import org.torch4j.Tensor;

/** {@code repr(tensor)} as PyTorch's {@code torch._tensor_str} writes it. */
public final class TensorFormatter {
    private TensorFormatter() {
    }

    public static String format(Tensor t) {
        return "tensor(" + t.tolist() + ")";
    }
}
