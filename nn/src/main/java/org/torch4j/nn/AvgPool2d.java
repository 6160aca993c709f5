package org.torch4j.nn;

import org.torch4j.Tensor;
import org.torch4j.nn.functional.F;

/** {@code torch.nn.AvgPool2d}: the mean of each window. */
public class AvgPool2d extends Module {
    /** {@code nn.AvgPool2d(kernel_size, ...)} keyword arguments; sizes are one value or (height, width). */
    public static final class Options extends PoolOptions<Options> {
        private boolean countIncludePad = true;
        private Integer divisorOverride;

        /** {@code kernel_size}: one value or (height, width). */
        public Options(int... kernelSize) {
            super(kernelSize);
        }

        /** {@code count_include_pad=}: whether padding cells count in the divisor (default true). */
        public Options countIncludePad(boolean value) {
            countIncludePad = value;
            return this;
        }

        /** {@code divisor_override=}: a fixed divisor. */
        public Options divisorOverride(int value) {
            divisorOverride = value;
            return this;
        }
    }

    private final Options options;

    /** {@code nn.AvgPool2d(kernel_size)}. */
    public AvgPool2d(int kernelSize) {
        this(new Options(kernelSize));
    }

    /** {@code nn.AvgPool2d(...)} with options. */
    public AvgPool2d(Options options) {
        this.options = options;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.avgPool2d(input, options.kernelSize, options.stride, options.padding, options.ceilMode,
                options.countIncludePad, options.divisorOverride);
    }

    @Override
    protected String extraRepr() {
        return options.windowRepr();
    }
}
