package org.torch4j.utils.data;

/**
 * An exception thrown while a {@link DataLoader} worker thread loaded a batch, re-thrown on the thread that iterates
 * (PyTorch's "Caught ... in DataLoader worker process N"); the cause is the original exception, and the message and
 * {@link #index()} name the sample that failed.
 */
public final class WorkerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int workerId;
    private final int index;

    WorkerException(int workerId, FetchFailure failure) {
        super("Caught " + failure.getCause().getClass().getSimpleName() + " in DataLoader worker " + workerId + " "
                + failure.getMessage() + ": " + failure.getCause().getMessage(), failure.getCause());
        this.workerId = workerId;
        this.index = failure.index();
    }

    /** The id of the worker that failed. */
    public int workerId() {
        return workerId;
    }

    /** The dataset index whose loading failed, or -1 when no single sample is to blame (collate, IterableDataset). */
    public int index() {
        return index;
    }
}
