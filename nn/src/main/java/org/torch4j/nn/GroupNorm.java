package org.torch4j.nn;

import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.nn.functional.F;
import org.torch4j.nn.internal.PyRepr;

/** {@code torch.nn.GroupNorm(num_groups, num_channels, eps, affine)}: normalises channel groups. */
public class GroupNorm extends Module {
    private final int numGroups;
    private final int numChannels;
    private final double eps;

    /** {@code nn.GroupNorm(num_groups, num_channels)}. */
    public GroupNorm(int numGroups, int numChannels) {
        this(numGroups, numChannels, 1e-5, true);
    }

    /** {@code nn.GroupNorm(num_groups, num_channels, eps, affine)}. */
    public GroupNorm(int numGroups, int numChannels, double eps, boolean affine) {
        if (numChannels % numGroups != 0) {
            throw new IllegalArgumentException("num_channels must be divisible by num_groups");
        }
        this.numGroups = numGroups;
        this.numChannels = numChannels;
        this.eps = eps;
        registerParameter("weight", affine ? Torch.ones(numChannels) : null);
        registerParameter("bias", affine ? Torch.zeros(numChannels) : null);
    }

    /** {@code gn.weight}, or null. */
    public Tensor weight() {
        return param("weight");
    }

    /** {@code gn.bias}, or null. */
    public Tensor bias() {
        return param("bias");
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.groupNorm(input, numGroups, weight(), bias(), eps);
    }

    @Override
    protected String extraRepr() {
        return numGroups + ", " + numChannels + ", eps=" + PyRepr.floatRepr(eps) + ", affine="
                + PyRepr.bool(weight() != null);
    }
}
