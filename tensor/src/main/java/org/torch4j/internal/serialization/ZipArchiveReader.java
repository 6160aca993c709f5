package org.torch4j.internal.serialization;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.torch4j.DType;
import org.torch4j.internal.CpuStorage;
import org.torch4j.serialization.SerializationException;

/**
 * The records of a torch.save archive (PyTorch's {@code PyTorchStreamReader}): a zip whose entries all sit in one
 * folder, the archive name. Every record is checked against its CRC-32, and no allocation exceeds what the file
 * can hold (stored records: their size within the file; deflated ones: at most deflate's 1032:1 ratio).
 */
public final class ZipArchiveReader implements Closeable {
    private static final long MAX_DEFLATE_RATIO = 1032;

    private final ZipFile zip;
    private final String prefix;
    private final long fileSize;

    private ZipArchiveReader(ZipFile zip, String prefix, long fileSize) {
        this.zip = zip;
        this.prefix = prefix;
        this.fileSize = fileSize;
    }

    /** Opens the archive; its name is the folder of the first entry, as PyTorch reads it. */
    public static ZipArchiveReader open(Path path) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (ZipException | IllegalArgumentException e) {
            byte[] start = new byte[1];
            try (InputStream in = Files.newInputStream(path)) {
                if (in.read(start) == 1 && (start[0] & 0xff) == Opcodes.PROTO) {
                    throw new SerializationException("the legacy torch.save format (PyTorch before 1.6, or "
                            + "_use_new_zipfile_serialization=False) is not supported: save it again with torch.save");
                }
            }
            throw new SerializationException("not a torch.save zip archive (" + e.getMessage() + ")", e);
        }
        try {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            String first = entries.hasMoreElements() ? entries.nextElement().getName() : "";
            int slash = first.indexOf('/');
            if (slash <= 0) {
                throw new SerializationException("not a torch.save archive: its first entry '" + first
                        + "' is not inside the archive folder");
            }
            return new ZipArchiveReader(zip, first.substring(0, slash + 1), Files.size(path));
        } catch (IOException | RuntimeException e) {
            zip.close();
            if (e instanceof IOException && !(e instanceof ZipException)) {
                throw (IOException) e;
            }
            throw new SerializationException("corrupt zip archive (" + e.getMessage() + ")", e);
        }
    }

    /** Whether the archive has {@code record} (a name inside the archive folder). */
    public boolean has(String record) {
        return zip.getEntry(prefix + record) != null;
    }

    /** The bytes of a small record (data.pkl, version, byteorder). */
    public byte[] read(String record) throws IOException {
        ZipEntry entry = entry(record);
        if (entry.getSize() > Integer.MAX_VALUE - 8) {
            throw new SerializationException("record " + record + " is too large");
        }
        byte[] bytes = new byte[(int) entry.getSize()];
        try (InputStream in = zip.getInputStream(entry)) {
            CRC32 crc = new CRC32();
            if (in.readNBytes(bytes, 0, bytes.length) != bytes.length) {
                throw new SerializationException("record " + record + " is truncated");
            }
            crc.update(bytes);
            finish(in, entry, crc, record);
            return bytes;
        } catch (ZipException | EOFException e) {
            throw corrupt(record, e);
        }
    }

    /** A storage record: exactly {@code numel} elements of {@code dtype} in {@code order}. */
    public CpuStorage readStorage(String record, DType dtype, int numel, ByteOrder order) throws IOException {
        ZipEntry entry = entry(record);
        long expected = (long) numel * dtype.itemSize();
        if (entry.getSize() != expected) {
            throw new SerializationException("record " + record + " holds " + entry.getSize() + " bytes but the pickle "
                    + "describes " + numel + " elements of " + dtype.pythonName() + " (" + expected + " bytes)");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            CRC32 crc = new CRC32();
            CpuStorage storage = StorageCodec.read(in, dtype, numel, order, crc);
            finish(in, entry, crc, record);
            return storage;
        } catch (ZipException | EOFException e) {
            throw corrupt(record, e);
        }
    }

    private ZipEntry entry(String record) throws IOException {
        ZipEntry entry = zip.getEntry(prefix + record);
        if (entry == null) {
            throw new SerializationException("the archive has no record " + prefix + record);
        }
        long size = entry.getSize();
        long compressed = entry.getCompressedSize();
        boolean bounded = entry.getMethod() == ZipEntry.STORED ? size == compressed
                : size <= Math.max(compressed, 1) * MAX_DEFLATE_RATIO;
        if (size < 0 || compressed < 0 || compressed > fileSize || !bounded) {
            throw new SerializationException("record " + record + " has an impossible size (" + size + " bytes from "
                    + compressed + " in the file)");
        }
        return entry;
    }

    private static void finish(InputStream in, ZipEntry entry, CRC32 crc, String record) throws IOException {
        if (in.read() != -1) {
            throw new SerializationException("record " + record + " is longer than its declared size");
        }
        if (crc.getValue() != entry.getCrc()) {
            throw new SerializationException("record " + record + " is corrupt (CRC-32 mismatch)");
        }
    }

    private static SerializationException corrupt(String record, IOException e) {
        String problem = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return new SerializationException("record " + record + " is corrupt (" + problem + ")", e);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
