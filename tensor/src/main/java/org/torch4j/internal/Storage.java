package org.torch4j.internal;

import org.torch4j.DType;
import org.torch4j.Device;

/**
 * The memory behind one or more tensors (views share it); the equivalent of c10's {@code StorageImpl}.
 * It also carries the version counter that autograd checks on saved tensors, shared by all views as in
 * PyTorch.
 */
public abstract class Storage {
    private final DType dtype;
    private int version;

    /** A storage of elements of {@code dtype}, at version 0. */
    protected Storage(DType dtype) {
        this.dtype = dtype;
    }

    /** The element type. */
    public final DType dtype() {
        return dtype;
    }

    /** Where the memory lives. */
    public abstract Device device();

    /** Number of elements. */
    public abstract int length();

    /** The version counter ({@code tensor._version}). */
    public final int version() {
        return version;
    }

    /** Called by every in-place write. */
    public final void bumpVersion() {
        version++;
    }
}
