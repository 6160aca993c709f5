package org.torch4j.cuda.internal;

import jcuda.driver.CUdeviceptr;

/** A device allocation's pointer that also tells its raw address (what kernels receive in their structs). */
final class DevicePointer extends CUdeviceptr {
    /** A pointer the driver fills in ({@code cuMemAlloc}). */
    DevicePointer() {
    }

    /** The address {@code offset} bytes past {@code base} (a block carved from a segment). */
    DevicePointer(DevicePointer base, long offset) {
        super(base, offset);
    }

    /** The device address of the allocation's first byte. */
    long address() {
        return getNativePointer() + getByteOffset();
    }
}
