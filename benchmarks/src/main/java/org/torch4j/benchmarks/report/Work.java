package org.torch4j.benchmarks.report;

import org.torch4j.benchmarks.MachineBench;

/**
 * What one operation of a workload does, so that a time becomes a throughput: flops for matmul, elements for
 * elementwise ops and reductions (with the bytes they stream, for the % of copy or read bandwidth), steps for
 * training (steps/s, not billions), bytes and flops for the machine's own limits.
 */
final class Work {
    private Work() {
    }

    /** The throughput unit of a bench. */
    static String unit(String bench) {
        switch (bench) {
            case "matmul": return "GFLOP/s";
            case "elementwise":
            case "reduction": return "Gelem/s";
            case "training": return "steps/s";
            default: throw new IllegalArgumentException("no unit for " + bench);
        }
    }

    /** Billions of units (flops or elements) per second; plain steps per second for training. */
    static double throughput(Result r) {
        switch (r.bench()) {
            case "matmul": return 2.0 * r.size() * r.size() * r.size() / r.seconds() / 1e9;
            case "elementwise":
            case "reduction": return r.size() / r.seconds() / 1e9;
            case "training": return 1 / r.seconds();
            case "machine":
                if (r.variant().startsWith("fma")) {
                    return 2.0 * MachineBench.FMA_LANES / r.seconds() / 1e9;
                }
                return r.variant().startsWith("read") ? 4.0 * r.size() / r.seconds() / 1e9
                        : 8.0 * MachineBench.COPY_FLOATS / r.seconds() / 1e9;
            default: throw new IllegalArgumentException("no throughput for " + r.bench());
        }
    }

    /** Bytes a float32 elementwise op or reduction reads and writes per element (none for compute-bound ops). */
    static int bytesPerElement(String bench, String variant) {
        if (bench.equals("elementwise")) {
            return variant.equals("add") || variant.equals("mul") ? 12 : 8;
        }
        if (bench.equals("reduction")) {
            return variant.equals("softmax") ? 8 : 4;
        }
        return 0;
    }
}
