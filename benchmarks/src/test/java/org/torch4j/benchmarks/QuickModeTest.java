package org.torch4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * CI's smoke run of the documented command: {@code benchmarks/run.sh quick} (JMH on small sizes, PyTorch where
 * installed, the report), with the test's own class path and java instead of a nested Maven build.
 */
class QuickModeTest {
    @Test
    void runShQuickWritesTheReport() throws Exception {
        Assumptions.assumeTrue(new File("/bin/bash").canExecute(), "benchmarks/run.sh needs bash");
        Path module = Path.of("").toAbsolutePath();
        Path report = module.resolve("target/report-quick/REPORT.md");
        Files.deleteIfExists(report);
        ProcessBuilder pb = new ProcessBuilder("bash", "run.sh", "quick").directory(module.toFile())
                .redirectErrorStream(true).redirectOutput(module.resolve("target/run-quick.log").toFile());
        pb.environment().put("BENCH_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("JAVA", ProcessHandle.current().info().command().orElse("java"));
        Process p = pb.start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "run.sh quick finished within 10 minutes");
        String log = Files.readString(module.resolve("target/run-quick.log"));
        assertEquals(0, p.exitValue(), log);
        String md = Files.readString(report);
        for (String section : new String[] {"## Machine limits", "## matmul float32", "## Elementwise ops",
            "## Reductions", "## Training steps", "## Targets of issue 8"}) {
            assertTrue(md.contains(section), section + " in\n" + md);
        }
        assertTrue(Files.size(module.resolve("target/report-quick/matmul_float32.png")) > 1000);
    }
}
