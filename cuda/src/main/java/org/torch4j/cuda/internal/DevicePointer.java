package org.torch4j.cuda.internal;

import jcuda.driver.CUdeviceptr;

/** A device allocation's pointer that also tells its raw address (what kernels receive in their structs). */
final class DevicePointer extends CUdeviceptr {
    /** The device address of the allocation's first byte. */
    long address() {
        return getNativePointer() + getByteOffset();
    }
}
