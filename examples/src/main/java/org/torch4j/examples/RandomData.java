package org.torch4j.examples;

import org.torch4j.Tensor;
import org.torch4j.Torch;

/**
 * The problem of the two-layer family in <i>Learning PyTorch with Examples</i>: a batch of N = 64 random
 * inputs of D_in = 1000 features and random targets of D_out = 10, fitted through H = 100 hidden units.
 */
final class RandomData {
    static final int N = 64;
    static final int D_IN = 1000;
    static final int H = 100;
    static final int D_OUT = 10;

    final Tensor x;
    final Tensor y;

    /** {@code torch.manual_seed(0); x = torch.randn(N, D_in); y = torch.randn(N, D_out)}. */
    RandomData() {
        Torch.manualSeed(0);
        x = Torch.randn(N, D_IN);
        y = Torch.randn(N, D_OUT);
    }
}
