package org.torch4j.nn;

import org.torch4j.Tensor;
import org.torch4j.nn.functional.F;
import org.torch4j.nn.internal.PyRepr;

/** {@code torch.nn.MaxPool2d}: the maximum of each window. */
public class MaxPool2d extends Module {
    /** {@code nn.MaxPool2d(kernel_size, ...)} keyword arguments; sizes are one value or (height, width). */
    public static final class Options {
        private final int[] kernelSize;
        private int[] stride;
        private int[] padding = {0};
        private int[] dilation = {1};
        private boolean ceilMode;

        public Options(int... kernelSize) {
            this.kernelSize = kernelSize.clone();
            this.stride = this.kernelSize;
        }

        /** {@code stride=} (default: the kernel size). */
        public Options stride(int... values) {
            stride = values.clone();
            return this;
        }

        /** {@code padding=}: implicit -inf padding on both sides (default 0). */
        public Options padding(int... values) {
            padding = values.clone();
            return this;
        }

        /** {@code dilation=} (default 1). */
        public Options dilation(int... values) {
            dilation = values.clone();
            return this;
        }

        /** {@code ceil_mode=}: round the output size up (default false). */
        public Options ceilMode(boolean value) {
            ceilMode = value;
            return this;
        }
    }

    private final Options options;

    /** {@code nn.MaxPool2d(kernel_size)}. */
    public MaxPool2d(int kernelSize) {
        this(new Options(kernelSize));
    }

    /** {@code nn.MaxPool2d(...)} with options. */
    public MaxPool2d(Options options) {
        this.options = options;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.maxPool2d(input, options.kernelSize, options.stride, options.padding, options.dilation,
                options.ceilMode);
    }

    @Override
    protected String extraRepr() {
        return "kernel_size=" + PyRepr.intOrTuple(options.kernelSize) + ", stride=" + PyRepr.intOrTuple(options.stride)
                + ", padding=" + PyRepr.intOrTuple(options.padding) + ", dilation=" + PyRepr.intOrTuple(options.dilation)
                + ", ceil_mode=" + PyRepr.bool(options.ceilMode);
    }
}
