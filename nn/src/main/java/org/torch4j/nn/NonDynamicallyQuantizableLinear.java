package org.torch4j.nn;

/**
 * {@code torch.nn.modules.linear.NonDynamicallyQuantizableLinear}: the Linear that MultiheadAttention uses
 * as out_proj (it only differs by name, which reprs print).
 */
final class NonDynamicallyQuantizableLinear extends Linear {
    NonDynamicallyQuantizableLinear(int inFeatures, int outFeatures, boolean bias) {
        super(inFeatures, outFeatures, bias);
    }
}
