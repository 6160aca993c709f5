package org.torch4j.serialization;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Test helpers that take zip archives apart and put them together (with java.util.zip, independently of torch4j). */
final class Archives {
    private Archives() {
    }

    /** Every entry's bytes, in central directory order. */
    static Map<String, byte[]> read(Path path) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(path.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                try (InputStream in = zip.getInputStream(e)) {
                    out.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return out;
    }

    /** Writes the entries with {@code method} (ZipEntry.STORED or DEFLATED). */
    static void write(Path path, Map<String, byte[]> entries, int method) throws IOException {
        try (OutputStream file = Files.newOutputStream(path); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setMethod(method);
                if (method == ZipEntry.STORED) {
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    entry.setSize(e.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
    }

    /** The offset in the file where each entry's data starts, read from the local headers. */
    static List<Long> dataOffsets(Path path) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.LITTLE_ENDIAN);
        List<Long> offsets = new ArrayList<>();
        int at = 0;
        while (b.getInt(at) == 0x04034b50) {
            int size = b.getInt(at + 18);
            int nameLength = b.getShort(at + 26) & 0xffff;
            int extraLength = b.getShort(at + 28) & 0xffff;
            long data = at + 30L + nameLength + extraLength;
            offsets.add(data);
            at = (int) (data + size);
        }
        return offsets;
    }

    /** The same archive with a different data.pkl (what the pickle fuzzing and the malicious pickles use). */
    static void withPickle(Path source, byte[] pickle, Path target) throws IOException {
        Map<String, byte[]> entries = read(source);
        String prefix = entries.keySet().iterator().next();
        entries.put(prefix.substring(0, prefix.indexOf('/') + 1) + "data.pkl", pickle);
        write(target, entries, ZipEntry.STORED);
    }
}
