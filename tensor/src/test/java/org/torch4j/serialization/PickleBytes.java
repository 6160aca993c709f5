package org.torch4j.serialization;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;

/** Hand-written pickle programs (opcodes as Python's pickle module names them) and archives around them. */
final class PickleBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** PROTO 2. */
    static PickleBytes start() {
        return new PickleBytes().op(0x80, 2);
    }

    PickleBytes op(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    /** BINUNICODE. */
    PickleBytes str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        op('X');
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length).array());
        out.writeBytes(b);
        return this;
    }

    /** GLOBAL module name. */
    PickleBytes global(String module, String name) {
        op('c');
        out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    /** BININT (4 bytes, signed). */
    PickleBytes integer(long v) {
        op('J');
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array());
        return this;
    }

    /** A tuple of BININTs (MARK ... TUPLE). */
    PickleBytes tuple(long... values) {
        op('(');
        for (long v : values) {
            integer(v);
        }
        return op('t');
    }

    /** _rebuild_tensor_v2 over storage {@code key} of class {@code torch.<storageClass>} with {@code numel} elements. */
    PickleBytes tensor(String storageClass, String key, long numel, long offset, long[] size, long[] stride,
            boolean requiresGrad) {
        global("torch._utils", "_rebuild_tensor_v2").op('(');
        op('(').str("storage").global("torch", storageClass).str(key).str("cpu").integer(numel).op('t', 'Q');
        integer(offset).tuple(size).tuple(stride).op(requiresGrad ? 0x88 : 0x89);
        return global("collections", "OrderedDict").op(')', 'R', 't', 'R');
    }

    byte[] stop() {
        op('.');
        return out.toByteArray();
    }

    /** {"w": tensor} as a complete pickle. */
    static byte[] oneTensor(String storageClass, long numel, long offset, long[] size, long[] stride) {
        return start().op('}', '(').str("w").tensor(storageClass, "0", numel, offset, size, stride, false)
                .op('u').stop();
    }

    /** An archive with this data.pkl, records data/0, data/1, ... and version 3. */
    static void archive(Path file, byte[] pickle, byte[]... storages) throws IOException {
        Map<String, byte[]> records = new LinkedHashMap<>();
        records.put("archive/data.pkl", pickle);
        for (int i = 0; i < storages.length; i++) {
            records.put("archive/data/" + i, storages[i]);
        }
        records.put("archive/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        Archives.write(file, records, ZipEntry.STORED);
    }
}
