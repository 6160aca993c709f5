package org.torch4j.cuda.internal;

import org.torch4j.Device;
import org.torch4j.internal.BackendProvider;
import org.torch4j.internal.OpTable;

/** Registers {@link CudaBackend} with the dispatcher for {@link Device.Type#CUDA} (META-INF/services). */
public final class CudaProvider implements BackendProvider {
    @Override
    public Device.Type deviceType() {
        return Device.Type.CUDA;
    }

    @Override
    public OpTable table() {
        return CudaBackend.INSTANCE;
    }
}
