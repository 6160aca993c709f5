package org.torch4j.nn;

import org.torch4j.Tensor;
import org.torch4j.nn.functional.F;

/** {@code torch.nn.Conv2d}: input (N, C_in, H, W) or (C_in, H, W). */
public class Conv2d extends ConvNd {
    /** {@code nn.Conv2d(in_channels, out_channels, kernel_size, ...)} keyword arguments. */
    public static final class Options extends ConvOptions<Options> {
        /** kernelSize: one value (square) or (height, width). */
        public Options(int inChannels, int outChannels, int... kernelSize) {
            super(2, inChannels, outChannels, kernelSize);
        }
    }

    /** {@code nn.Conv2d(in_channels, out_channels, kernel_size)}. */
    public Conv2d(int inChannels, int outChannels, int kernelSize) {
        this(new Options(inChannels, outChannels, kernelSize));
    }

    /** {@code nn.Conv2d(...)} with options. */
    public Conv2d(Options options) {
        super(options, false);
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.conv2d(input, weight(), bias(), options.stride, options.padding, options.dilation, options.groups);
    }
}
