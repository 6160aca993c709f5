package org.torch4j.nn;

import org.torch4j.Tensor;
import org.torch4j.nn.functional.F;

/** {@code torch.nn.Conv1d}: input (N, C_in, L) or (C_in, L). */
public class Conv1d extends ConvNd {
    /** {@code nn.Conv1d(in_channels, out_channels, kernel_size, ...)} keyword arguments. */
    public static final class Options extends ConvOptions<Options> {
        /** {@code in_channels}, {@code out_channels} and {@code kernel_size}. */
        public Options(int inChannels, int outChannels, int kernelSize) {
            super(1, inChannels, outChannels, kernelSize);
        }
    }

    /** {@code nn.Conv1d(in_channels, out_channels, kernel_size)}. */
    public Conv1d(int inChannels, int outChannels, int kernelSize) {
        this(new Options(inChannels, outChannels, kernelSize));
    }

    /** {@code nn.Conv1d(...)} with options. */
    public Conv1d(Options options) {
        super(options, false);
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.conv1d(input, weight(), bias(), options.stride[0], options.padding[0], options.dilation[0],
                options.groups);
    }
}
