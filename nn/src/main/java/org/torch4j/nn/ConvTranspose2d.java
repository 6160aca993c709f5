package org.torch4j.nn;

import org.torch4j.Tensor;
import org.torch4j.nn.functional.F;

/** {@code torch.nn.ConvTranspose2d}: the gradient of Conv2d with respect to its input, as a layer. */
public class ConvTranspose2d extends ConvNd {
    /** {@code nn.ConvTranspose2d(in_channels, out_channels, kernel_size, ...)} keyword arguments. */
    public static final class Options extends ConvOptions<Options> {
        /** kernelSize: one value (square) or (height, width). */
        public Options(int inChannels, int outChannels, int... kernelSize) {
            super(2, inChannels, outChannels, kernelSize);
        }

        /** {@code output_padding=}: extra rows/columns on the bottom/right of the output (default 0). */
        public Options outputPadding(int... values) {
            return outputPaddingValues(values);
        }
    }

    /** {@code nn.ConvTranspose2d(in_channels, out_channels, kernel_size)}. */
    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize) {
        this(new Options(inChannels, outChannels, kernelSize));
    }

    /** {@code nn.ConvTranspose2d(...)} with options. */
    public ConvTranspose2d(Options options) {
        super(options, true);
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.convTranspose2d(input, weight(), bias(), options.stride, options.padding, options.outputPadding,
                options.groups, options.dilation);
    }
}
