package org.torch4j.nn;

import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.nn.internal.PyRepr;

/**
 * The parameters, initialisation and repr shared by the convolution layers ({@code torch.nn.modules.conv._ConvNd}):
 * weight (out, in / groups, *kernel), or (in, out / groups, *kernel) when transposed, and bias (out).
 */
public abstract class ConvNd extends Module {
    protected final ConvOptions<?> options;
    private final boolean transposed;

    /** Checks groups, registers weight and bias and initialises them as {@code reset_parameters()}. */
    protected ConvNd(ConvOptions<?> options, boolean transposed) {
        this.options = options;
        this.transposed = transposed;
        if (options.groups <= 0) {
            throw new IllegalArgumentException("groups must be a positive integer");
        }
        if (options.inChannels % options.groups != 0) {
            throw new IllegalArgumentException("in_channels must be divisible by groups");
        }
        if (options.outChannels % options.groups != 0) {
            throw new IllegalArgumentException("out_channels must be divisible by groups");
        }
        int[] shape = new int[2 + options.kernelSize.length];
        shape[0] = transposed ? options.inChannels : options.outChannels;
        shape[1] = (transposed ? options.outChannels : options.inChannels) / options.groups;
        System.arraycopy(options.kernelSize, 0, shape, 2, options.kernelSize.length);
        registerParameter("weight", Torch.empty(shape));
        registerParameter("bias", options.bias ? Torch.empty(options.outChannels) : null);
        resetParameters();
    }

    /** {@code conv.reset_parameters()}: kaiming_uniform_(a=sqrt(5)) weight, U(-1/sqrt(fan_in), ..) bias. */
    public void resetParameters() {
        LayerInit.kaimingWithFanInBias(weight(), bias());
    }

    /** {@code conv.weight}. */
    public Tensor weight() {
        return param("weight");
    }

    /** {@code conv.bias}, or null. */
    public Tensor bias() {
        return param("bias");
    }

    @Override
    protected String extraRepr() {
        StringBuilder s = new StringBuilder().append(options.inChannels).append(", ").append(options.outChannels)
                .append(", kernel_size=").append(PyRepr.tuple(options.kernelSize))
                .append(", stride=").append(PyRepr.tuple(options.stride));
        if (any(options.padding, 0)) {
            s.append(", padding=").append(PyRepr.tuple(options.padding));
        }
        if (any(options.dilation, 1)) {
            s.append(", dilation=").append(PyRepr.tuple(options.dilation));
        }
        if (transposed && any(options.outputPadding, 0)) {
            s.append(", output_padding=").append(PyRepr.tuple(options.outputPadding));
        }
        if (options.groups != 1) {
            s.append(", groups=").append(options.groups);
        }
        if (bias() == null) {
            s.append(", bias=False");
        }
        return s.toString();
    }

    private static boolean any(int[] values, int unlessAll) {
        for (int v : values) {
            if (v != unlessAll) {
                return true;
            }
        }
        return false;
    }
}
