package org.torch4j.utils.data;

/** A failure while loading one batch: the original exception and where it happened (a sample index, or -1). */
final class FetchFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int index;

    FetchFailure(int index, String where, Throwable cause) {
        super(where, cause, false, false);
        this.index = index;
    }

    int index() {
        return index;
    }

    /** The original exception, as the single-threaded loader lets it through unchanged (as PyTorch does). */
    RuntimeException unwrap() {
        Throwable cause = getCause();
        if (cause instanceof RuntimeException) {
            return (RuntimeException) cause;
        } else if (cause instanceof Error) {
            throw (Error) cause;
        }
        return new IllegalStateException(cause);
    }
}
