package org.torch4j.internal.serialization;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.torch4j.internal.CpuStorage;

/**
 * Writes a torch.save archive as PyTorch's {@code PyTorchStreamWriter} does: stored (uncompressed) records inside
 * one archive folder, each record's data aligned to 64 bytes by padding in a local extra field ({@code "FB"}),
 * with a fixed timestamp so that equal contents give equal files.
 */
public final class ZipArchiveWriter implements Closeable {
    private static final int ALIGNMENT = 64;
    private static final int LOCAL_HEADER = 30;
    private static final int EXTRA_HEADER = 4;
    private static final LocalDateTime TIMESTAMP = LocalDateTime.of(2000, 1, 1, 0, 0);

    private final Counting counter;
    private final ZipOutputStream zip;
    private final String prefix;

    public ZipArchiveWriter(Path path, String archiveName) throws IOException {
        this.counter = new Counting(new BufferedOutputStream(Files.newOutputStream(path)));
        this.zip = new ZipOutputStream(counter, StandardCharsets.UTF_8);
        this.prefix = archiveName + "/";
    }

    /** A record with the given bytes. */
    public void write(String record, byte[] bytes) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        begin(record, bytes.length, crc.getValue());
        zip.write(bytes);
        zip.closeEntry();
    }

    /** A record with the little-endian bytes of a whole storage (encoded twice: once for the CRC that leads it). */
    public void writeStorage(String record, CpuStorage storage) throws IOException {
        CRC32 crc = new CRC32();
        StorageCodec.write(storage, 0, storage.length(), ByteOrder.LITTLE_ENDIAN,
                new CheckedOutputStream(OutputStream.nullOutputStream(), crc));
        begin(record, (long) storage.length() * storage.dtype().itemSize(), crc.getValue());
        StorageCodec.write(storage, 0, storage.length(), ByteOrder.LITTLE_ENDIAN, zip);
        zip.closeEntry();
    }

    private void begin(String record, long size, long crc) throws IOException {
        String name = prefix + record;
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(size);
        entry.setCompressedSize(size);
        entry.setCrc(crc);
        entry.setTimeLocal(TIMESTAMP);
        long dataStart = counter.count + LOCAL_HEADER + name.getBytes(StandardCharsets.UTF_8).length + EXTRA_HEADER;
        int padding = (int) ((ALIGNMENT - dataStart % ALIGNMENT) % ALIGNMENT);
        byte[] extra = new byte[EXTRA_HEADER + padding];
        extra[0] = 'F';
        extra[1] = 'B';
        extra[2] = (byte) padding;
        extra[3] = (byte) (padding >>> 8);
        for (int i = EXTRA_HEADER; i < extra.length; i++) {
            extra[i] = 'Z';
        }
        entry.setExtra(extra);
        zip.putNextEntry(entry);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** Counts the bytes the zip stream writes, to place each record's data. */
    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
