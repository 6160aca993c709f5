package org.torch4j;

import org.torch4j.internal.GradMode;

/**
 * A scope that sets grad mode and restores it on close; what {@code with torch.no_grad():} and
 * {@code torch.enable_grad()} are in Python. Use with try-with-resources.
 */
public final class GradGuard implements AutoCloseable {
    private final boolean previous;

    private GradGuard(boolean enabled) {
        this.previous = GradMode.set(enabled);
    }

    /** {@code torch.no_grad()}. */
    public static GradGuard disable() {
        return new GradGuard(false);
    }

    /** {@code torch.enable_grad()}. */
    public static GradGuard enable() {
        return new GradGuard(true);
    }

    @Override
    public void close() {
        GradMode.set(previous);
    }
}
