package org.torch4j.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.torch4j.DType;
import org.torch4j.Device;
import org.torch4j.Tensor;
import org.torch4j.TensorOptions;
import org.torch4j.Torch;
import org.torch4j.internal.Storage;

/** torch.cuda's answers without a GPU, and the device checks that need no kernel. */
class CudaAvailabilityTest {
    @Test
    void availabilityIsConsistentAndNeverThrows() {
        boolean available = Cuda.isAvailable();
        assertEquals(available, Cuda.deviceCount() > 0);
        if (available) {
            assertNull(Cuda.unavailableReason());
        } else {
            assertNotNull(Cuda.unavailableReason());
        }
    }

    @Test
    void withoutGpuMovingToCudaFailsClearly() {
        Assumptions.assumeFalse(Cuda.isAvailable(), "a CUDA device is present");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Torch.ones(2).cuda());
        assertTrue(e.getMessage().startsWith("No CUDA GPUs are available ("), e.getMessage());
        IllegalStateException f = assertThrows(IllegalStateException.class,
                () -> Torch.zeros(new int[] {2}, TensorOptions.ofDevice(Device.cuda(0))));
        assertEquals(e.getMessage(), f.getMessage());
        assertThrows(IllegalStateException.class, Cuda::memoryAllocated);
    }

    /** A storage that claims to live on cuda:0: enough for the dispatcher's device check, which runs no kernel. */
    private static Tensor onCuda(int... shape) {
        Storage s = new Storage(DType.FLOAT32) {
            @Override
            public Device device() {
                return Device.cuda(0);
            }

            @Override
            public int length() {
                return 6;
            }
        };
        return Tensor.of(s, shape);
    }

    @Test
    void mixingDevicesThrowsPyTorchsMessage() {
        Tensor gpu = onCuda(2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> gpu.add(Torch.ones(2, 3)));
        assertEquals("Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu!",
                e.getMessage());
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class, () -> Torch.ones(3).mul(gpu));
        assertEquals("Expected all tensors to be on the same device, but found at least two devices, cpu and cuda:0!",
                f.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Torch.cat(gpu, Torch.ones(2, 3)));
    }
}
