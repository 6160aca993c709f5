package org.torch4j.utils.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.Torch;

/**
 * Reads the IDX format of MNIST, Fashion-MNIST, KMNIST and EMNIST ({@code train-images-idx3-ubyte} and friends), plain
 * or gzip-compressed (recognised by its magic bytes, whatever the file name); what torchvision's
 * {@code read_sn3_pascalvincent_tensor} does. Nothing is downloaded.
 *
 * <p>An IDX file is: two zero bytes, a type code (0x08 unsigned byte, 0x09 signed byte, 0x0B int16, 0x0C int32,
 * 0x0D float32, 0x0E float64), the number of dimensions, each dimension as a big-endian int32, then the values,
 * big-endian. torch4j has no uint8 dtype, so values are converted to the dtype asked for: MNIST pixels (0 to 255)
 * read as float32, labels as int64. A malformed file throws an {@link IllegalArgumentException} naming the file and
 * the byte offset (in the decompressed stream) where it goes wrong.
 */
public final class IdxReader {
    private static final int UBYTE = 0x08;

    private IdxReader() {
    }

    /** The tensor stored in an IDX file, its values converted to dtype (unscaled). */
    public static Tensor read(Path path, DType dtype) throws IOException {
        return decode(path, bytes(path), dtype, -1);
    }

    /**
     * An MNIST-style dataset from an images file (unsigned bytes, {@code [N, rows, cols]}) and a labels file
     * (unsigned bytes, {@code [N]}): items are {@code {image, label}} with the image a float32 {@code [1, rows, cols]}
     * tensor scaled to [0, 1] (as torchvision's {@code ToTensor()} gives) and the label an int64 scalar.
     */
    public static TensorDataset mnist(Path images, Path labels) throws IOException {
        Tensor x = decode(images, bytes(images), DType.FLOAT32, 3);
        Tensor y = decode(labels, bytes(labels), DType.INT64, 1);
        if (x.size(0) != y.size(0)) {
            throw new IllegalArgumentException(images + " holds " + x.size(0) + " images but " + labels + " holds "
                    + y.size(0) + " labels");
        }
        return new TensorDataset(x.div(255L).unsqueeze(1), y);
    }

    private static byte[] bytes(Path path) throws IOException {
        byte[] raw = Files.readAllBytes(path);
        if (raw.length < 2 || (raw[0] & 0xFF) != 0x1F || (raw[1] & 0xFF) != 0x8B) {
            return raw;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IOException(path + ": broken gzip stream: " + e.getMessage(), e);
        }
    }

    /** Parses the header and the values; ubyteDims &gt; 0 requires unsigned bytes with that many dimensions. */
    private static Tensor decode(Path path, byte[] bytes, DType dtype, int ubyteDims) {
        if (bytes.length < 4) {
            throw malformed(path, 0, "the file has " + bytes.length + " bytes, too few for the 4-byte magic number");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        if (bytes[0] != 0 || bytes[1] != 0) {
            throw malformed(path, 0, String.format("not an IDX file: magic number 0x%08X does not start with two "
                    + "zero bytes", buf.getInt(0)));
        }
        int type = bytes[2] & 0xFF;
        int width = width(path, type);
        int ndim = bytes[3] & 0xFF;
        if (ubyteDims > 0 && (type != UBYTE || ndim != ubyteDims)) {
            throw malformed(path, 2, String.format("expected unsigned bytes in %d dimensions (magic number 0x%08X), "
                    + "got type 0x%02X in %d", ubyteDims, 0x800 + ubyteDims, type, ndim));
        }
        int dataOffset = 4 + 4 * ndim;
        if (bytes.length < dataOffset) {
            throw malformed(path, bytes.length, "the header ends early: " + ndim + " dimension sizes need "
                    + dataOffset + " bytes, the file has " + bytes.length);
        }
        int[] shape = new int[ndim];
        long count = 1;
        for (int d = 0; d < ndim; d++) {
            shape[d] = buf.getInt(4 + 4 * d);
            if (shape[d] < 0) {
                throw malformed(path, 4 + 4 * d, "dimension " + d + " has a negative size " + shape[d]);
            }
            count *= shape[d];
            if (count > Integer.MAX_VALUE) {
                throw malformed(path, 4 + 4 * d, "the shape " + Arrays.toString(shape) + " holds too many values");
            }
        }
        long expected = dataOffset + count * width;
        if (bytes.length != expected) {
            throw malformed(path, bytes.length, "the shape " + Arrays.toString(shape) + " of type " + String.format(
                    "0x%02X", type) + " needs " + count * width + " bytes of data from offset " + dataOffset
                    + (bytes.length < expected ? ", but the file ends early" : ", but more bytes follow"));
        }
        return Torch.tensor(values(buf, dataOffset, type, (int) count, dtype)).reshape(shape);
    }

    private static int width(Path path, int type) {
        switch (type) {
            case UBYTE:
            case 0x09:
                return 1;
            case 0x0B:
                return 2;
            case 0x0C:
            case 0x0D:
                return 4;
            case 0x0E:
                return 8;
            default:
                throw malformed(path, 2, String.format("unknown IDX data type 0x%02X (expected 0x08, 0x09, 0x0B, "
                        + "0x0C, 0x0D or 0x0E)", type));
        }
    }

    /** The values as a primitive array of the dtype. */
    private static Object values(ByteBuffer buf, int offset, int type, int count, DType dtype) {
        switch (dtype) {
            case FLOAT32: {
                float[] out = new float[count];
                for (int i = 0; i < count; i++) {
                    out[i] = (float) value(buf, offset, type, i);
                }
                return out;
            }
            case FLOAT64: {
                double[] out = new double[count];
                for (int i = 0; i < count; i++) {
                    out[i] = value(buf, offset, type, i);
                }
                return out;
            }
            case INT64: {
                long[] out = new long[count];
                for (int i = 0; i < count; i++) {
                    out[i] = (long) value(buf, offset, type, i);
                }
                return out;
            }
            case INT32: {
                int[] out = new int[count];
                for (int i = 0; i < count; i++) {
                    out[i] = (int) value(buf, offset, type, i);
                }
                return out;
            }
            default: {
                boolean[] out = new boolean[count];
                for (int i = 0; i < count; i++) {
                    out[i] = value(buf, offset, type, i) != 0;
                }
                return out;
            }
        }
    }

    /** Value i of the data (exact in a double for every IDX type). */
    private static double value(ByteBuffer buf, int offset, int type, int i) {
        switch (type) {
            case UBYTE:
                return buf.get(offset + i) & 0xFF;
            case 0x09:
                return buf.get(offset + i);
            case 0x0B:
                return buf.getShort(offset + 2 * i);
            case 0x0C:
                return buf.getInt(offset + 4 * i);
            case 0x0D:
                return buf.getFloat(offset + 4 * i);
            default:
                return buf.getDouble(offset + 8 * i);
        }
    }

    private static IllegalArgumentException malformed(Path path, int offset, String message) {
        return new IllegalArgumentException(path + ": at byte offset " + offset + ": " + message);
    }
}
