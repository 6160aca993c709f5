package org.torch4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import javax.imageio.ImageIO;

/** What an example returned and the lines it printed on System.out; and the checks its outputs share. */
record Captured<T>(T value, List<String> lines) {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** Runs body with System.out redirected. */
    static <T> Captured<T> run(Supplier<T> body) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            T value = body.get();
            return new Captured<>(value, bytes.toString(StandardCharsets.UTF_8).lines().toList());
        } finally {
            System.setOut(original);
        }
    }

    /** The printed lines that start with prefix. */
    List<String> linesStartingWith(String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).toList();
    }

    /** The file is a PNG of the plots' size with more than one colour in it. */
    static void assertPlot(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, PNG_SIGNATURE.length), file + " is not a PNG");
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(Plot.WIDTH, image.getWidth());
        assertEquals(Plot.HEIGHT, image.getHeight());
        int first = image.getRGB(0, 0);
        boolean drawn = false;
        for (int y = 0; y < image.getHeight() && !drawn; y += 7) {
            for (int x = 0; x < image.getWidth() && !drawn; x += 7) {
                drawn = image.getRGB(x, y) != first;
            }
        }
        assertTrue(drawn, file + " is blank");
    }

    /** |actual − expected| ≤ rtol·|expected|. */
    static void assertRelative(double expected, double actual, double rtol, String what) {
        assertTrue(Math.abs(actual - expected) <= rtol * Math.abs(expected),
                what + ": expected " + expected + " (PyTorch) within " + rtol + " relative, got " + actual);
    }
}
