package org.torch4j.cuda.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs the CUDA C kernels on the CPU where no GPU is needed: src/test/cuda/kernels_test.cpp includes the .cu
 * sources through emulate.h (block threads as real threads meeting at barriers for __syncthreads and the warp
 * shuffles) and checks them against plain C++ references. Needs g++ (C++20); skipped without it.
 */
class KernelEmulationTest {
    @Test
    void kernelsComputeTheReferenceResultsOnTheCpu() throws IOException, InterruptedException {
        Assumptions.assumeTrue(onPath("g++"), "g++ not installed: the kernels are not emulated here");
        Path binary = Files.createTempDirectory("torch4j-emulate").resolve("kernels_test");
        String compiled = run(120, "g++", "-std=c++20", "-O1", "-pthread", "-w", "-o", binary.toString(),
                "src/test/cuda/kernels_test.cpp");
        assertEquals("", compiled.strip(), "g++ reported");
        String out = run(300, binary.toString());
        System.out.print(out);
        assertTrue(out.strip().endsWith(" 0 failed"), out);
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** The output of a command, which must exit 0 within the limit. */
    private static String run(int seconds, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(seconds, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + text);
        return text;
    }
}
