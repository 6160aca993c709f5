package org.torch4j.utils.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.torch4j.DType;
import org.torch4j.Tensor;

class IdxReaderTest {
    @TempDir
    Path dir;

    /** An IDX file: magic (0, 0, type, ndim), big-endian dims, then the data written by body. */
    interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] idx(int type, int[] dims, Body body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt((type << 8) | dims.length);
        for (int d : dims) {
            out.writeInt(d);
        }
        body.write(out);
        return bytes.toByteArray();
    }

    private Path save(String name, byte[] content, boolean gzip) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(p)) : Files.newOutputStream(p)) {
            out.write(content);
        }
        return p;
    }

    private static byte[] images(int n) throws IOException {
        return idx(0x08, new int[] {n, 2, 3}, out -> {
            for (int i = 0; i < n * 6; i++) {
                out.writeByte(i * 37 % 256);
            }
        });
    }

    private static byte[] labels(int n) throws IOException {
        return idx(0x08, new int[] {n}, out -> {
            for (int i = 0; i < n; i++) {
                out.writeByte(9 - i);
            }
        });
    }

    @Test
    void mnistFromPlainAndGzipFiles() throws IOException {
        for (boolean gzip : new boolean[] {false, true}) {
            TensorDataset ds = IdxReader.mnist(save("images" + gzip, images(4), gzip), save("labels", labels(4), gzip));
            assertEquals(4, ds.len());
            Tensor[] item = ds.getItem(2);
            assertEquals(DType.FLOAT32, item[0].dtype());
            assertArrayEquals(new int[] {1, 2, 3}, item[0].shape());
            float[] expected = new float[6];
            for (int k = 0; k < 6; k++) {
                expected[k] = ((12 + k) * 37 % 256) / 255f;
            }
            assertArrayEquals(expected, item[0].toFloatArray());
            assertEquals(DType.INT64, item[1].dtype());
            assertEquals(7, item[1].itemLong());
        }
    }

    @Test
    void everyIdxTypeConverts() throws IOException {
        Path sbyte = save("b", idx(0x09, new int[] {3}, out -> {
            out.writeByte(-1);
            out.writeByte(127);
            out.writeByte(-128);
        }), false);
        assertArrayEquals(new long[] {-1, 127, -128}, IdxReader.read(sbyte, DType.INT64).toLongArray());
        Path ubyte = save("ub", idx(0x08, new int[] {2}, out -> {
            out.writeByte(255);
            out.writeByte(0);
        }), false);
        assertArrayEquals(new int[] {255, 0}, IdxReader.read(ubyte, DType.INT32).toIntArray());
        assertArrayEquals(new boolean[] {true, false}, IdxReader.read(ubyte, DType.BOOL).toBoolArray());
        Path shorts = save("s", idx(0x0B, new int[] {2, 1}, out -> {
            out.writeShort(-300);
            out.writeShort(1000);
        }), true);
        Tensor s = IdxReader.read(shorts, DType.FLOAT64);
        assertArrayEquals(new int[] {2, 1}, s.shape());
        assertArrayEquals(new double[] {-300, 1000}, s.toDoubleArray());
        Path ints = save("i", idx(0x0C, new int[] {1}, out -> out.writeInt(-70000)), false);
        assertArrayEquals(new long[] {-70000}, IdxReader.read(ints, DType.INT64).toLongArray());
        Path floats = save("f", idx(0x0D, new int[] {2}, out -> {
            out.writeFloat(1.25f);
            out.writeFloat(-0.1f);
        }), false);
        assertArrayEquals(new float[] {1.25f, -0.1f}, IdxReader.read(floats, DType.FLOAT32).toFloatArray());
        Path doubles = save("d", idx(0x0E, new int[] {1}, out -> out.writeDouble(Math.PI)), false);
        assertArrayEquals(new double[] {Math.PI}, IdxReader.read(doubles, DType.FLOAT64).toDoubleArray());
        Path scalar = save("0d", idx(0x0C, new int[0], out -> out.writeInt(5)), false);
        assertEquals(0, IdxReader.read(scalar, DType.INT64).dim());
    }

    private String error(byte[] content) throws IOException {
        Path p = save("bad", content, false);
        return assertThrows(IllegalArgumentException.class, () -> IdxReader.read(p, DType.FLOAT32)).getMessage();
    }

    @Test
    void malformedFilesNameTheOffset() throws IOException {
        Path p = dir.resolve("bad");
        assertEquals(p + ": at byte offset 0: the file has 3 bytes, too few for the 4-byte magic number",
                error(new byte[] {0, 0, 8}));
        assertEquals(p + ": at byte offset 0: not an IDX file: magic number 0x89504E47 does not start with two zero "
                + "bytes", error(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0}));
        assertEquals(p + ": at byte offset 2: unknown IDX data type 0x07 (expected 0x08, 0x09, 0x0B, 0x0C, 0x0D or "
                + "0x0E)", error(new byte[] {0, 0, 7, 1, 0, 0, 0, 0}));
        assertEquals(p + ": at byte offset 10: the header ends early: 3 dimension sizes need 16 bytes, the file has 10",
                error(new byte[] {0, 0, 8, 3, 0, 0, 0, 1, 0, 0}));
        assertEquals(p + ": at byte offset 4: dimension 0 has a negative size -1",
                error(idx(0x08, new int[] {-1}, out -> { })));
        byte[] full = images(2);
        assertEquals(p + ": at byte offset 25: the shape [2, 2, 3] of type 0x08 needs 12 bytes of data from offset 16, "
                + "but the file ends early", error(Arrays.copyOf(full, 25)));
        assertEquals(p + ": at byte offset 29: the shape [2, 2, 3] of type 0x08 needs 12 bytes of data from offset 16, "
                + "but more bytes follow", error(Arrays.copyOf(full, 29)));
    }

    @Test
    void mnistChecksItsFiles() throws IOException {
        Path im = save("im", images(3), false);
        Path lab = save("lab", labels(2), false);
        IllegalArgumentException counts = assertThrows(IllegalArgumentException.class, () -> IdxReader.mnist(im, lab));
        assertEquals(im + " holds 3 images but " + lab + " holds 2 labels", counts.getMessage());
        IllegalArgumentException swapped = assertThrows(IllegalArgumentException.class,
                () -> IdxReader.mnist(lab, im));
        assertEquals(lab + ": at byte offset 2: expected unsigned bytes in 3 dimensions (magic number 0x00000803), "
                + "got type 0x08 in 1", swapped.getMessage());
        byte[] gz = Files.readAllBytes(save("gz", images(3), true));
        Path truncated = dir.resolve("truncated.gz");
        Files.write(truncated, Arrays.copyOf(gz, gz.length - 6));
        IOException broken = assertThrows(IOException.class, () -> IdxReader.read(truncated, DType.FLOAT32));
        assertTrue(broken.getMessage().startsWith(truncated + ": broken gzip stream"), broken.getMessage());
    }
}
