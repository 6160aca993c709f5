package org.torch4j.benchmarks.report;

import java.util.List;

/** The backend labels of the report, in column order, and which thread count each one stands for. */
final class Backends {
    static final String SCALAR = "scalar";
    static final String VECTOR_1T = "torch4j 1t";
    static final String VECTOR_ALL = "torch4j all";
    static final String CUDA = "torch4j cuda";
    static final String TORCH_1T = "PyTorch 1t";
    static final String TORCH_ALL = "PyTorch all";
    static final String TORCH_CUDA = "PyTorch cuda";

    /** Every backend in table order. */
    static final List<String> ALL = List.of(SCALAR, VECTOR_1T, VECTOR_ALL, CUDA, TORCH_1T, TORCH_ALL, TORCH_CUDA);
    /** The torch4j backends that have a PyTorch peer, with the label of their ratio column. */
    static final List<String> COMPARED = List.of(VECTOR_1T, VECTOR_ALL, CUDA);

    private Backends() {
    }

    /** The report label of a JMH {@code backend} parameter (SCALAR, VECTOR_1T, VECTOR_ALL, CUDA). */
    static String ofJmh(String param) {
        switch (param) {
            case "SCALAR": return SCALAR;
            case "VECTOR_1T": return VECTOR_1T;
            case "VECTOR_ALL": return VECTOR_ALL;
            case "CUDA": return CUDA;
            default: throw new IllegalArgumentException("unknown backend " + param);
        }
    }

    /** Whether a backend runs on every core (otherwise on one thread). */
    static boolean allThreads(String backend) {
        return backend.equals(VECTOR_ALL) || backend.equals(TORCH_ALL);
    }

    /** The PyTorch backend on the same device with the same thread count as a torch4j one. */
    static String pytorchPeer(String backend) {
        if (backend.equals(CUDA)) {
            return TORCH_CUDA;
        }
        return allThreads(backend) ? TORCH_ALL : TORCH_1T;
    }

    /** The short name of a torch4j backend in a ratio column's title ("1t", "all", "cuda"). */
    static String shortName(String backend) {
        return backend.substring(backend.indexOf(' ') + 1);
    }
}
