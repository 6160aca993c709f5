package org.torch4j.internal.serialization;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.Checksum;
import org.torch4j.DType;
import org.torch4j.internal.CpuStorage;
import org.torch4j.serialization.SerializationException;

/**
 * Raw element bytes to and from {@link CpuStorage}s, in chunks (no copy of a whole tensor as bytes): the data
 * section of safetensors files and the storage records of torch.save archives. Bool is one byte, 0 or 1 (any
 * non-zero byte reads as true).
 */
public final class StorageCodec {
    private static final int CHUNK = 1 << 16;

    private StorageCodec() {
    }

    /**
     * Reads {@code numel} elements of {@code dtype}; {@code checksum} (may be null) sees every byte.
     * The caller has checked {@code numel} against the size of the file, so the allocation is bounded.
     */
    public static CpuStorage read(InputStream in, DType dtype, int numel, ByteOrder order, Checksum checksum)
            throws IOException {
        CpuStorage storage = CpuStorage.allocate(dtype, numel);
        int size = dtype.itemSize();
        byte[] chunk = new byte[(int) Math.min(CHUNK, (long) numel * size)];
        ByteBuffer buffer = ByteBuffer.wrap(chunk).order(order);
        int done = 0;
        while (done < numel) {
            int count = Math.min(numel - done, chunk.length / size);
            int bytes = count * size;
            if (in.readNBytes(chunk, 0, bytes) != bytes) {
                throw new SerializationException("unexpected end of data: expected " + (long) numel * size + " bytes of "
                        + dtype.pythonName());
            }
            if (checksum != null) {
                checksum.update(chunk, 0, bytes);
            }
            buffer.clear();
            decode(buffer, storage, done, count);
            done += count;
        }
        return storage;
    }

    private static void decode(ByteBuffer buffer, CpuStorage storage, int at, int count) {
        switch (storage.dtype()) {
            case FLOAT32: buffer.asFloatBuffer().get(storage.floats(), at, count); break;
            case FLOAT64: buffer.asDoubleBuffer().get(storage.doubles(), at, count); break;
            case INT64: buffer.asLongBuffer().get(storage.longs(), at, count); break;
            case INT32: buffer.asIntBuffer().get(storage.ints(), at, count); break;
            default: {
                boolean[] bools = storage.bools();
                for (int i = 0; i < count; i++) {
                    bools[at + i] = buffer.get(i) != 0;
                }
            }
        }
    }

    /** Writes elements {@code [from, from + count)} of {@code storage}. */
    public static void write(CpuStorage storage, int from, int count, ByteOrder order, OutputStream out)
            throws IOException {
        int size = storage.dtype().itemSize();
        byte[] chunk = new byte[(int) Math.min(CHUNK, (long) count * size)];
        ByteBuffer buffer = ByteBuffer.wrap(chunk).order(order);
        int done = 0;
        while (done < count) {
            int n = Math.min(count - done, chunk.length / size);
            buffer.clear();
            encode(buffer, storage, from + done, n);
            out.write(chunk, 0, n * size);
            done += n;
        }
    }

    private static void encode(ByteBuffer buffer, CpuStorage storage, int at, int count) {
        switch (storage.dtype()) {
            case FLOAT32: buffer.asFloatBuffer().put(storage.floats(), at, count); break;
            case FLOAT64: buffer.asDoubleBuffer().put(storage.doubles(), at, count); break;
            case INT64: buffer.asLongBuffer().put(storage.longs(), at, count); break;
            case INT32: buffer.asIntBuffer().put(storage.ints(), at, count); break;
            default: {
                boolean[] bools = storage.bools();
                for (int i = 0; i < count; i++) {
                    buffer.put(i, (byte) (bools[at + i] ? 1 : 0));
                }
            }
        }
    }
}
