package org.torch4j.nn;

import org.torch4j.Tensor;
import org.torch4j.nn.functional.F;
import org.torch4j.nn.internal.PyRepr;

/** {@code torch.nn.AvgPool2d}: the mean of each window. */
public class AvgPool2d extends Module {
    /** {@code nn.AvgPool2d(kernel_size, ...)} keyword arguments; sizes are one value or (height, width). */
    public static final class Options {
        private final int[] kernelSize;
        private int[] stride;
        private int[] padding = {0};
        private boolean ceilMode;
        private boolean countIncludePad = true;
        private Integer divisorOverride;

        public Options(int... kernelSize) {
            this.kernelSize = kernelSize.clone();
            this.stride = this.kernelSize;
        }

        /** {@code stride=} (default: the kernel size). */
        public Options stride(int... values) {
            stride = values.clone();
            return this;
        }

        /** {@code padding=}: implicit zero padding on both sides (default 0). */
        public Options padding(int... values) {
            padding = values.clone();
            return this;
        }

        /** {@code ceil_mode=} (default false). */
        public Options ceilMode(boolean value) {
            ceilMode = value;
            return this;
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
        return "kernel_size=" + PyRepr.intOrTuple(options.kernelSize) + ", stride=" + PyRepr.intOrTuple(options.stride)
                + ", padding=" + PyRepr.intOrTuple(options.padding);
    }
}
