package org.torch4j.autograd;

/**
 * {@code torch.autograd.set_detect_anomaly} / {@code detect_anomaly}: while enabled, every node remembers
 * the Java stack of the forward call that created it (attached as a suppressed exception to any error its
 * backward raises), and the engine fails as soon as a backward function returns NaN, naming it:
 * "Function 'DivBackward0' returned nan values in its 1th output.". Global, as in PyTorch; it slows
 * everything down and is meant for debugging.
 */
public final class AnomalyMode {
    private static volatile boolean enabled;

    private AnomalyMode() {
    }

    /** {@code torch.is_anomaly_enabled()}. */
    public static boolean isEnabled() {
        return enabled;
    }

    /** {@code torch.autograd.set_detect_anomaly(True)}. */
    public static void enable() {
        enabled = true;
    }

    /** {@code torch.autograd.set_detect_anomaly(False)}. */
    public static void disable() {
        enabled = false;
    }

    /** {@code with torch.autograd.detect_anomaly():} as a try-with-resources scope restoring the previous mode. */
    public static Scope detectAnomaly() {
        return new Scope();
    }

    /** The scope {@link #detectAnomaly()} opens. */
    public static final class Scope implements AutoCloseable {
        private final boolean previous = enabled;

        private Scope() {
            enabled = true;
        }

        @Override
        public void close() {
            enabled = previous;
        }
    }
}
