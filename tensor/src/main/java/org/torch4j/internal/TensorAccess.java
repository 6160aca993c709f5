package org.torch4j.internal;

import org.torch4j.Tensor;

/**
 * Read-only access to a tensor's own shape and stride arrays for the library's internal code, without the
 * copies that the public {@link Tensor#shape()} and {@link Tensor#stride()} make (c10's {@code sizes()} and
 * {@code strides()} references). Callers must never write into the arrays they get. {@link Tensor} installs
 * the accessor when its class initializes, so it is set before any tensor exists.
 */
public final class TensorAccess {
    /** The two reads {@link Tensor} grants. */
    public interface Accessor {
        /** The tensor's shape array itself. */
        int[] shape(Tensor t);

        /** The tensor's stride array itself. */
        int[] strides(Tensor t);
    }

    private static Accessor accessor;

    private TensorAccess() {
    }

    /** Called once by {@link Tensor}'s static initializer. */
    public static void install(Accessor a) {
        if (accessor != null) {
            throw new IllegalStateException("the tensor accessor is already installed");
        }
        accessor = a;
    }

    /** {@code t.shape()} without a copy: do not modify the result. */
    public static int[] shape(Tensor t) {
        return accessor.shape(t);
    }

    /** {@code t.stride()} without a copy: do not modify the result. */
    public static int[] strides(Tensor t) {
        return accessor.strides(t);
    }
}
