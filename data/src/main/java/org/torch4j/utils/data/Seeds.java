package org.torch4j.utils.data;

import org.torch4j.DType;
import org.torch4j.Generator;
import org.torch4j.TensorOptions;
import org.torch4j.Torch;

/** The seed draws of PyTorch's data loading code. */
final class Seeds {
    private static final TensorOptions INT64 = TensorOptions.ofDType(DType.INT64);

    private Seeds() {
    }

    /**
     * {@code int(torch.empty((), dtype=torch.int64).random_(generator=g).item())}: a non-negative 63-bit seed from
     * two 32-bit draws of the generator.
     */
    static long draw(Generator g) {
        return Torch.empty(new int[0], INT64).random_(g).itemLong();
    }
}
