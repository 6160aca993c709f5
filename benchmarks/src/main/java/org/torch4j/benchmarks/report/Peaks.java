package org.torch4j.benchmarks.report;

import java.util.List;

/**
 * The machine's limits measured by {@link org.torch4j.benchmarks.MachineBench}: the FMA peak in GFLOP/s per
 * dtype, the streaming copy bandwidth and the streaming read bandwidth per array size in GB/s, each on one
 * thread and on all threads.
 */
final class Peaks {
    private final List<Result> machine;

    Peaks(List<Result> results) {
        machine = results.stream().filter(r -> r.bench().equals("machine")).toList();
    }

    /** Whether the run measured the machine at all. */
    boolean present() {
        return !machine.isEmpty();
    }

    /** FMA GFLOP/s for a dtype ("float32", "float64"), one thread or all; NaN when not measured. */
    double fma(String dtype, boolean allThreads) {
        return best("fma-" + dtype, allThreads);
    }

    /** Copy bandwidth in GB/s (bytes read plus bytes written), one thread or all; NaN when not measured. */
    double copy(boolean allThreads) {
        return best("copy-", allThreads);
    }

    /** Read bandwidth in GB/s (a vector sum) over {@code size} floats, one thread or all; NaN when not measured. */
    double read(long size, boolean allThreads) {
        return best("read-", size, allThreads);
    }

    /** The array sizes (floats) the read bandwidth was measured at, ascending. */
    List<Long> readSizes() {
        return machine.stream().filter(r -> r.variant().startsWith("read-")).map(Result::size).distinct().sorted()
                .toList();
    }

    /** The best throughput among the machine results whose variant starts with prefix (copy runs per dtype). */
    private double best(String prefix, boolean allThreads) {
        return best(prefix, -1, allThreads);
    }

    /** The same among those of one size (any size when negative). */
    private double best(String prefix, long size, boolean allThreads) {
        String backend = allThreads ? Backends.VECTOR_ALL : Backends.VECTOR_1T;
        return machine.stream().filter(r -> r.variant().startsWith(prefix) && r.backend().equals(backend)
                && (size < 0 || r.size() == size)).mapToDouble(Work::throughput).max().orElse(Double.NaN);
    }

    /**
     * The fraction of the machine's limit that a result reaches: of the FMA peak of its dtype (matmul), of the
     * read bandwidth over as many floats (sum, mean, max: they only read), or of the copy bandwidth (elementwise
     * ops, softmax, and reductions of a size whose read was not measured), with the thread count of its backend;
     * NaN where none applies.
     */
    double fraction(Result r) {
        boolean all = Backends.allThreads(r.backend());
        if (r.bench().equals("matmul")) {
            return Work.throughput(r) / fma(r.variant(), all);
        }
        int bytes = Work.bytesPerElement(r.bench(), r.variant());
        if (bytes == 0) {
            return Double.NaN;
        }
        double read = r.bench().equals("reduction") && !r.variant().equals("softmax") ? read(r.size(), all) : Double.NaN;
        return Work.throughput(r) * bytes / (Double.isNaN(read) ? copy(all) : read);
    }
}
