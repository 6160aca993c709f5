package org.torch4j.autograd;

/** {@code torch.utils.hooks.RemovableHandle}: what registering a hook returns. */
@FunctionalInterface
public interface RemovableHandle {
    /** {@code handle.remove()}: unregisters the hook. */
    void remove();
}
