package org.torch4j.cuda.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The kernels' PTX: the committed copy (what the jar carries without nvcc) was made from the current CUDA C
 * sources, and the PTX in the jar assembles with ptxas for Turing, Ampere and Hopper where ptxas is installed.
 */
class PtxTest {
    private static final List<String> MODULES = List.of("elementwise", "reduce", "index", "gemm");
    private static final Path SOURCES = Path.of("src/main/cuda");
    private static final Path COMMITTED = Path.of("src/main/ptx/org/torch4j/cuda/kernels");

    @Test
    void committedPtxComesFromTheCurrentSources() throws IOException, NoSuchAlgorithmException {
        try (var files = Files.list(SOURCES)) {
            assertEquals(MODULES.size(), files.filter(p -> p.toString().endsWith(".cu")).count(), "a .cu file per module");
        }
        for (String module : MODULES) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Files.readAllBytes(SOURCES.resolve("common.cuh")));
            sha.update(Files.readAllBytes(SOURCES.resolve(module + ".cu")));
            String expected = "// torch4j-source-sha256: " + HexFormat.of().formatHex(sha.digest());
            String first = Files.readAllLines(COMMITTED.resolve(module + ".ptx")).get(0);
            assertEquals(expected, first, module + ".ptx is stale: run cuda/src/build/nvcc.sh --update");
        }
    }

    @Test
    void ptxAssemblesForSm75Sm80AndSm90() throws IOException, InterruptedException {
        String ptxas = findPtxas();
        Assumptions.assumeTrue(ptxas != null, "ptxas not installed (CUDA toolkit): PTX not assembled here");
        Path dir = Files.createTempDirectory("torch4j-ptx");
        for (String module : MODULES) {
            Path ptx = dir.resolve(module + ".ptx");
            try (InputStream in = PtxTest.class.getResourceAsStream("/org/torch4j/cuda/kernels/" + module + ".ptx")) {
                Files.copy(in, ptx);
            }
            for (String arch : new String[] {"sm_75", "sm_80", "sm_90"}) {
                Process p = new ProcessBuilder(ptxas, "--gpu-name", arch, "-o", dir.resolve(module + "." + arch + ".cubin")
                        .toString(), ptx.toString()).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                int rc = p.waitFor();
                System.out.println("ptxas --gpu-name " + arch + " " + module + ".ptx: exit " + rc + (out.isEmpty() ? "" : "\n" + out));
                assertEquals(0, rc, out);
                assertTrue(Files.size(dir.resolve(module + "." + arch + ".cubin")) > 0);
            }
        }
    }

    private static String findPtxas() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, "ptxas"))) {
                return Path.of(dir, "ptxas").toString();
            }
        }
        Path toolkit = Path.of("/usr/local/cuda/bin/ptxas");
        return Files.isExecutable(toolkit) ? toolkit.toString() : null;
    }
}
