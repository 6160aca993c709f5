package org.torch4j.internal;

/** The thread-local grad mode switch behind {@code torch.no_grad()}, as c10's {@code GradMode}. */
public final class GradMode {
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true});

    private GradMode() {
    }

    /** {@code torch.is_grad_enabled()} on this thread. */
    public static boolean isEnabled() {
        return ENABLED.get()[0];
    }

    /**
     * This thread's mode as a one-element array, for code that switches the mode off and back around a call and so
     * looks the thread-local up once instead of twice; only the current thread may use it.
     */
    public static boolean[] cell() {
        return ENABLED.get();
    }

    /** Sets the mode and returns the previous one. */
    public static boolean set(boolean enabled) {
        boolean[] cell = ENABLED.get();
        boolean previous = cell[0];
        cell[0] = enabled;
        return previous;
    }
}
