package org.torch4j.nn;

import org.torch4j.nn.internal.PyRepr;

/**
 * The keyword arguments shared by the pooling layers ({@code kernel_size}, {@code stride}, {@code padding},
 * {@code ceil_mode} of {@code nn.MaxPool2d} and {@code nn.AvgPool2d}); sizes are one value or (height, width).
 */
public abstract class PoolOptions<T extends PoolOptions<T>> {
    final int[] kernelSize;
    int[] stride;
    int[] padding = {0};
    boolean ceilMode;

    /** {@code kernel_size}: the window size; the stride defaults to it. */
    protected PoolOptions(int... kernelSize) {
        this.kernelSize = kernelSize.clone();
        this.stride = this.kernelSize;
    }

    /** This options object as its own type, for chaining. */
    @SuppressWarnings("unchecked")
    protected final T self() {
        return (T) this;
    }

    /** {@code stride=} (default: the kernel size). */
    public T stride(int... values) {
        stride = values.clone();
        return self();
    }

    /** {@code padding=}: implicit padding on both sides, -inf for max and zeros for average pooling (default 0). */
    public T padding(int... values) {
        padding = values.clone();
        return self();
    }

    /** {@code ceil_mode=}: round the output size up (default false). */
    public T ceilMode(boolean value) {
        ceilMode = value;
        return self();
    }

    /** The start of both layers' extra_repr: {@code kernel_size=.., stride=.., padding=..}. */
    String windowRepr() {
        return "kernel_size=" + PyRepr.intOrTuple(kernelSize) + ", stride=" + PyRepr.intOrTuple(stride) + ", padding="
                + PyRepr.intOrTuple(padding);
    }
}
