package org.torch4j.benchmarks.report;

import java.util.List;

/** The backend labels of the report, in column order, and which thread count each one stands for. */
final class Backends {
    static final String SCALAR = "scalar";
    static final String VECTOR_1T = "torch4j 1t";
    static final String VECTOR_ALL = "torch4j all";
    static final String TORCH_1T = "PyTorch 1t";
    static final String TORCH_ALL = "PyTorch all";

    /** Every backend in table order. */
    static final List<String> ALL = List.of(SCALAR, VECTOR_1T, VECTOR_ALL, TORCH_1T, TORCH_ALL);

    private Backends() {
    }

    /** The report label of a JMH {@code backend} parameter (SCALAR, VECTOR_1T, VECTOR_ALL). */
    static String ofJmh(String param) {
        switch (param) {
            case "SCALAR": return SCALAR;
            case "VECTOR_1T": return VECTOR_1T;
            case "VECTOR_ALL": return VECTOR_ALL;
            default: throw new IllegalArgumentException("unknown backend " + param);
        }
    }

    /** Whether a backend runs on every core (otherwise on one thread). */
    static boolean allThreads(String backend) {
        return backend.equals(VECTOR_ALL) || backend.equals(TORCH_ALL);
    }

    /** The PyTorch backend with the same thread count as a torch4j one. */
    static String pytorchPeer(String backend) {
        return allThreads(backend) ? TORCH_ALL : TORCH_1T;
    }
}
