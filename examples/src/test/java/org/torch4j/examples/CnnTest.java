package org.torch4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.torch4j.Tensor;
import org.torch4j.utils.data.TensorDataset;

class CnnTest {
    @TempDir
    Path dir;

    @Test
    void learnsTheSyntheticImages() {
        Captured<Cnn.Result> run = Captured.run(() -> Cnn.trainSynthetic(1200, 300, 2));
        assertEquals(2, run.linesStartingWith("epoch ").size());
        assertTrue(run.value().accuracy() > 0.8, "test accuracy " + run.value().accuracy());
        assertTrue(run.value().loss() < 1.5, "train loss " + run.value().loss());
    }

    /** MNIST's files as torchvision downloads them (gzipped) or unpacked. */
    @Test
    void readsMnistFilesPlainOrGzipped() throws IOException {
        byte[] pixels = new byte[3 * 28 * 28];
        pixels[28 * 28 + 5] = (byte) 255;
        writeIdx(dir.resolve("train-images-idx3-ubyte.gz"), true, 0x0803, new int[] {3, 28, 28}, pixels);
        writeIdx(dir.resolve("train-labels-idx1-ubyte"), false, 0x0801, new int[] {3}, new byte[] {7, 2, 9});
        TensorDataset train = Cnn.mnist(dir, "train");
        assertEquals(3, train.len());
        Tensor[] second = train.getItem(1);
        assertArrayEquals(new int[] {1, 28, 28}, second[0].shape());
        assertEquals(1.0, second[0].get(0, 0, 5).item());
        assertEquals(2L, second[1].itemLong());
    }

    private static void writeIdx(Path file, boolean gzip, int magic, int[] dims, byte[] data) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
             DataOutputStream out = new DataOutputStream(gzip ? new GZIPOutputStream(raw) : raw)) {
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(data);
        }
    }
}
