package org.torch4j.utils.data;

import org.torch4j.Generator;

/** The seed draws of PyTorch's data loading code. */
final class Seeds {
    private Seeds() {
    }

    /**
     * {@code int(torch.empty((), dtype=torch.int64).random_(generator=g).item())}: a non-negative 63-bit seed from
     * two 32-bit draws of the generator.
     */
    static long draw(Generator g) {
        throw new UnsupportedOperationException("random_(): not implemented yet (waiting for the rng branch)");
    }
}
