package org.torch4j.utils.data;

/**
 * What a {@link DataLoader} worker thread knows about itself; the equivalent of
 * {@code torch.utils.data.get_worker_info()}. The seed is PyTorch's {@code base_seed + id}, where the base seed is
 * drawn once per epoch from the loader's generator: create {@code new Generator(WorkerInfo.current().seed())} in
 * {@link IterableDataset#iterator()} or {@link Dataset#getItem} for per-worker randomness (the default generator is
 * shared by every thread).
 */
public final class WorkerInfo {
    private static final ThreadLocal<WorkerInfo> CURRENT = new ThreadLocal<>();

    private final int id;
    private final int numWorkers;
    private final long seed;

    WorkerInfo(int id, int numWorkers, long seed) {
        this.id = id;
        this.numWorkers = numWorkers;
        this.seed = seed;
    }

    /** {@code get_worker_info()}: the worker running this thread, or null on a thread that is not a worker. */
    public static WorkerInfo current() {
        return CURRENT.get();
    }

    static void setCurrent(WorkerInfo info) {
        CURRENT.set(info);
    }

    /** {@code info.id}: 0 to numWorkers - 1. */
    public int id() {
        return id;
    }

    /** {@code info.num_workers}. */
    public int numWorkers() {
        return numWorkers;
    }

    /** {@code info.seed}: the epoch's base seed plus the worker id. */
    public long seed() {
        return seed;
    }

    @Override
    public String toString() {
        return "WorkerInfo(id=" + id + ", num_workers=" + numWorkers + ", seed=" + seed + ")";
    }
}
