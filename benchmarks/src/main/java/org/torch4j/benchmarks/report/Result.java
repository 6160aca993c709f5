package org.torch4j.benchmarks.report;

/**
 * One measured workload: {@code bench} (matmul, elementwise, reduction, machine, ...), its {@code variant}
 * (a dtype or an op), its size, the backend that ran it and the mean seconds per operation.
 */
public record Result(String bench, String variant, long size, String backend, double seconds) {
}
