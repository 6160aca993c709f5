package org.torch4j.nn;

import org.torch4j.Tensor;
import org.torch4j.nn.functional.F;
import org.torch4j.nn.internal.PyRepr;

/** {@code torch.nn.MaxPool2d}: the maximum of each window. */
public class MaxPool2d extends Module {
    /** {@code nn.MaxPool2d(kernel_size, ...)} keyword arguments; sizes are one value or (height, width). */
    public static final class Options extends PoolOptions<Options> {
        private int[] dilation = {1};

        /** {@code kernel_size}: one value or (height, width). */
        public Options(int... kernelSize) {
            super(kernelSize);
        }

        /** {@code dilation=} (default 1). */
        public Options dilation(int... values) {
            dilation = values.clone();
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
        return options.windowRepr() + ", dilation=" + PyRepr.intOrTuple(options.dilation) + ", ceil_mode="
                + PyRepr.bool(options.ceilMode);
    }
}
