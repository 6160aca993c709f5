package org.torch4j.serialization;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.torch4j.Device;
import org.torch4j.Tensor;
import org.torch4j.internal.CpuStorage;
import org.torch4j.internal.serialization.SafetensorsHeader;
import org.torch4j.internal.serialization.StorageCodec;

/**
 * The safetensors format, as Python's {@code safetensors.torch.save_file} / {@code load_file} read and write it:
 * an 8-byte little-endian header length, a JSON header naming each tensor's dtype ({@code F32}, {@code F64},
 * {@code I64}, {@code I32}, {@code BOOL}), shape and byte range, an optional {@code __metadata__} map of strings,
 * then the raw little-endian data. It holds tensors only, and cannot run code.
 *
 * <p>Loading checks the whole header before reading any data (sizes within the file, the tensors tiling the data
 * exactly, dtype, shape and byte counts agreeing, no duplicate names) and throws a {@link SerializationException}
 * on any violation or on a dtype torch4j lacks (F16, BF16, U8, ...). Loaded tensors are contiguous and each owns
 * its storage.
 */
public final class Safetensors {
    private static final String METADATA = "__metadata__";

    private Safetensors() {
    }

    /** {@code safetensors.torch.save_file(tensors, path)}. */
    public static void save(Map<String, Tensor> tensors, Path path) throws IOException {
        save(tensors, Map.of(), path);
    }

    /**
     * {@code safetensors.torch.save_file(tensors, path, metadata)}. The header lists the tensors in the map's
     * order; their data is laid out by decreasing element size (then in map order), so that every tensor is
     * aligned, as Python's writer does. Views are written as their elements (the file holds no sharing).
     */
    public static void save(Map<String, Tensor> tensors, Map<String, String> metadata, Path path) throws IOException {
        Map<String, Tensor> data = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            if (e.getKey() == null || e.getKey().equals(METADATA)) {
                throw new IllegalArgumentException("a safetensors tensor cannot be named " + e.getKey());
            }
            if (e.getValue() == null) {
                throw new IllegalArgumentException("tensor '" + e.getKey() + "' is null");
            }
            data.put(e.getKey(), e.getValue().to(Device.CPU).contiguous());
        }
        metadata.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new IllegalArgumentException("safetensors metadata maps strings to strings, not " + k + " to " + v);
            }
        });
        List<String> layout = new ArrayList<>(data.keySet());
        layout.sort(Comparator.comparingInt((String n) -> -data.get(n).elementSize()));
        Map<String, SafetensorsHeader.Entry> entries = new LinkedHashMap<>();
        long position = 0;
        for (String name : layout) {
            Tensor t = data.get(name);
            long end = position + (long) t.numel() * t.elementSize();
            entries.put(name, new SafetensorsHeader.Entry(name, t.dtype(), t.shape(), position, end));
            position = end;
        }
        List<SafetensorsHeader.Entry> inHeaderOrder = new ArrayList<>();
        for (String name : data.keySet()) {
            inHeaderOrder.add(entries.get(name));
        }
        byte[] header = new SafetensorsHeader(inHeaderOrder, new LinkedHashMap<>(metadata)).encode();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path))) {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
            out.write(header);
            for (String name : layout) {
                Tensor t = data.get(name);
                StorageCodec.write((CpuStorage) t.storage(), t.storageOffset(), t.numel(), ByteOrder.LITTLE_ENDIAN, out);
            }
        }
    }

    /**
     * Whether the file starts as a safetensors file does (a JSON object after the 8-byte length), which neither a
     * zip archive nor a legacy pickle can.
     */
    public static boolean looksLike(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] start = in.readNBytes(9);
            return start.length == 9 && start[8] == '{';
        }
    }

    /** {@code safetensors.torch.load_file(path)}: the tensors in header order. */
    public static Map<String, Tensor> load(Path path) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            SafetensorsHeader header = readHeader(in, Files.size(path));
            List<SafetensorsHeader.Entry> byOffset = new ArrayList<>(header.entries);
            byOffset.sort(Comparator.comparingLong(e -> e.begin));
            Map<SafetensorsHeader.Entry, Tensor> tensors = new IdentityHashMap<>();
            for (SafetensorsHeader.Entry e : byOffset) {
                CpuStorage storage = StorageCodec.read(in, e.dtype, e.numel(), ByteOrder.LITTLE_ENDIAN, null);
                tensors.put(e, Tensor.of(storage, e.shape));
            }
            Map<String, Tensor> result = new LinkedHashMap<>();
            for (SafetensorsHeader.Entry e : header.entries) {
                result.put(e.name, tensors.get(e));
            }
            return result;
        } catch (SerializationException e) {
            throw e.in(path);
        }
    }

    /** The {@code __metadata__} of the file (empty when it has none), after checking the header. */
    public static Map<String, String> loadMetadata(Path path) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            return readHeader(in, Files.size(path)).metadata;
        } catch (SerializationException e) {
            throw e.in(path);
        }
    }

    private static SafetensorsHeader readHeader(InputStream in, long fileSize) throws IOException {
        byte[] prefix = in.readNBytes(8);
        if (prefix.length < 8) {
            throw new SerializationException("not a safetensors file: " + fileSize + " bytes is too short for a header");
        }
        long n = ByteBuffer.wrap(prefix).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (n < 0 || n > fileSize - 8) {
            throw new SerializationException("invalid safetensors header: its length " + Long.toUnsignedString(n)
                    + " exceeds the file (" + fileSize + " bytes)");
        }
        if (n > SafetensorsHeader.MAX_SIZE) {
            throw new SerializationException("invalid safetensors header: its length " + n + " exceeds "
                    + SafetensorsHeader.MAX_SIZE + " bytes");
        }
        byte[] json = in.readNBytes((int) n);
        if (json.length != n) {
            throw new SerializationException("unexpected end of file in the safetensors header");
        }
        return SafetensorsHeader.parse(json, fileSize - 8 - n);
    }
}
