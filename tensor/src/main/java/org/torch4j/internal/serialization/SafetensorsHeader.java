package org.torch4j.internal.serialization;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.torch4j.DType;
import org.torch4j.serialization.SerializationException;

/**
 * The JSON header of a safetensors file: parsing with every check of the format's reference implementation
 * (dtype, shape and byte size agree; the tensors cover the byte buffer exactly, in order, without gaps or
 * overlaps; no duplicate names; {@code __metadata__} maps strings to strings), and writing.
 */
public final class SafetensorsHeader {
    /** The reference implementation refuses headers above 100 MB. */
    public static final long MAX_SIZE = 100_000_000;
    private static final String METADATA = "__metadata__";

    /** One tensor of the file: its data is bytes {@code [begin, end)} of the byte buffer after the header. */
    public static final class Entry {
        public final String name;
        public final DType dtype;
        public final int[] shape;
        public final long begin;
        public final long end;

        public Entry(String name, DType dtype, int[] shape, long begin, long end) {
            this.name = name;
            this.dtype = dtype;
            this.shape = shape;
            this.begin = begin;
            this.end = end;
        }

        /** The number of elements (the product of the shape). */
        public int numel() {
            return (int) ((end - begin) / dtype.itemSize());
        }
    }

    /** The tensors in header order, and the metadata (empty when the file has none). */
    public final List<Entry> entries;
    public final Map<String, String> metadata;

    public SafetensorsHeader(List<Entry> entries, Map<String, String> metadata) {
        this.entries = entries;
        this.metadata = metadata;
    }

    /** The safetensors name of a dtype ({@code F32}, {@code F64}, {@code I64}, {@code I32}, {@code BOOL}). */
    public static String nameOf(DType dtype) {
        switch (dtype) {
            case FLOAT32: return "F32";
            case FLOAT64: return "F64";
            case INT64: return "I64";
            case INT32: return "I32";
            default: return "BOOL";
        }
    }

    private static DType dtypeOf(String name, String tensor) throws SerializationException {
        for (DType d : DType.values()) {
            if (nameOf(d).equals(name)) {
                return d;
            }
        }
        throw new SerializationException("unsupported dtype " + name + " of tensor '" + tensor
                + "': torch4j reads F32, F64, I64, I32 and BOOL");
    }

    /** Parses and validates the header; {@code bufferLength} is the number of bytes after it. */
    public static SafetensorsHeader parse(byte[] json, long bufferLength) throws SerializationException {
        if (json.length == 0 || json[0] != '{') {
            throw new SerializationException("invalid safetensors header: it does not start with '{'");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(json)).toString();
        } catch (CharacterCodingException e) {
            throw new SerializationException("invalid safetensors header: not UTF-8", e);
        }
        List<Entry> entries = new ArrayList<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            Set<String> names = new HashSet<>();
            reader.beginObject();
            while (reader.hasNext()) {
                String name = reader.nextName();
                if (!names.add(name)) {
                    throw new SerializationException("invalid safetensors header: duplicate key '" + name + "'");
                }
                if (name.equals(METADATA)) {
                    readMetadata(reader, metadata);
                } else {
                    entries.add(readEntry(reader, name));
                }
            }
            reader.endObject();
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new SerializationException("invalid safetensors header: data after the JSON object");
            }
        } catch (SerializationException e) {
            throw e;
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw new SerializationException("invalid safetensors header: " + jsonProblem(e), e);
        }
        checkLayout(entries, bufferLength);
        return new SafetensorsHeader(entries, metadata);
    }

    /** Gson's message without its advice to parse leniently and its help link. */
    private static String jsonProblem(Exception e) {
        return String.valueOf(e.getMessage()).split("\n")[0].replaceFirst("Use JsonReader\\.setStrictness\\([^)]*\\) to accept ", "");
    }

    private static void readMetadata(JsonReader reader, Map<String, String> metadata) throws IOException {
        reader.beginObject();
        while (reader.hasNext()) {
            String key = reader.nextName();
            if (reader.peek() != JsonToken.STRING) {
                throw new SerializationException("invalid safetensors header: __metadata__ value of '" + key
                        + "' is not a string");
            }
            if (metadata.put(key, reader.nextString()) != null) {
                throw new SerializationException("invalid safetensors header: duplicate __metadata__ key '" + key + "'");
            }
        }
        reader.endObject();
    }

    private static Entry readEntry(JsonReader reader, String name) throws IOException {
        String dtypeName = null;
        List<Long> shape = null;
        List<Long> offsets = null;
        reader.beginObject();
        while (reader.hasNext()) {
            String field = reader.nextName();
            if (field.equals("dtype") && dtypeName == null) {
                expect(reader, JsonToken.STRING, name);
                dtypeName = reader.nextString();
            } else if (field.equals("shape") && shape == null) {
                shape = readLongs(reader, name);
            } else if (field.equals("data_offsets") && offsets == null) {
                offsets = readLongs(reader, name);
            } else {
                throw new SerializationException("invalid safetensors header: unexpected or repeated field '" + field
                        + "' in tensor '" + name + "'");
            }
        }
        reader.endObject();
        if (dtypeName == null || shape == null || offsets == null) {
            throw new SerializationException("invalid safetensors header: tensor '" + name
                    + "' needs dtype, shape and data_offsets");
        }
        if (offsets.size() != 2 || offsets.get(0) < 0 || offsets.get(1) < offsets.get(0)) {
            throw new SerializationException("invalid safetensors header: bad data_offsets " + offsets + " of tensor '"
                    + name + "'");
        }
        DType dtype = dtypeOf(dtypeName, name);
        int[] dims = new int[shape.size()];
        long numel = 1;
        for (int i = 0; i < dims.length; i++) {
            long d = shape.get(i);
            if (d < 0 || d > Integer.MAX_VALUE) {
                throw new SerializationException("invalid safetensors header: bad shape " + shape + " of tensor '" + name + "'");
            }
            dims[i] = (int) d;
            numel = Math.min(numel * d, (long) Integer.MAX_VALUE + 1);
        }
        if (numel > Integer.MAX_VALUE) {
            throw new SerializationException("tensor '" + name + "' of shape " + shape
                    + " has more elements than a torch4j tensor can hold");
        }
        long nbytes = numel * dtype.itemSize();
        if (offsets.get(1) - offsets.get(0) != nbytes) {
            throw new SerializationException("invalid safetensors header: tensor '" + name + "' has data_offsets "
                    + offsets + " (" + (offsets.get(1) - offsets.get(0)) + " bytes) but its dtype " + dtypeName
                    + " and shape " + shape + " need " + nbytes + " bytes");
        }
        return new Entry(name, dtype, dims, offsets.get(0), offsets.get(1));
    }

    /** Gson converts between strings and numbers on request; the format does not. */
    private static void expect(JsonReader reader, JsonToken token, String tensor) throws IOException {
        if (reader.peek() != token) {
            throw new SerializationException("invalid safetensors header: expected a " + token.name().toLowerCase()
                    + " in tensor '" + tensor + "' but found " + reader.peek().name().toLowerCase());
        }
    }

    private static List<Long> readLongs(JsonReader reader, String name) throws IOException {
        List<Long> values = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
            expect(reader, JsonToken.NUMBER, name);
            values.add(reader.nextLong());
        }
        reader.endArray();
        return values;
    }

    /** The tensors, in offset order, must tile {@code [0, bufferLength)}. */
    private static void checkLayout(List<Entry> entries, long bufferLength) throws SerializationException {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.<Entry>comparingLong(e -> e.begin).thenComparingLong(e -> e.end));
        long position = 0;
        for (Entry e : sorted) {
            if (e.begin != position) {
                throw new SerializationException("invalid safetensors header: tensor '" + e.name + "' starts at byte "
                        + e.begin + " of the data but the previous tensor ends at " + position
                        + (e.begin < position ? " (overlap)" : " (gap)"));
            }
            position = e.end;
        }
        if (position != bufferLength) {
            throw new SerializationException("invalid safetensors header: the tensors cover " + position
                    + " bytes of data but the file holds " + bufferLength);
        }
    }

    /** The header as JSON bytes, padded with spaces to a multiple of 8 as Python's safetensors writes it. */
    public byte[] encode() {
        StringWriter text = new StringWriter();
        try (JsonWriter w = new JsonWriter(text)) {
            w.beginObject();
            if (!metadata.isEmpty()) {
                w.name(METADATA).beginObject();
                for (Map.Entry<String, String> m : metadata.entrySet()) {
                    w.name(m.getKey()).value(m.getValue());
                }
                w.endObject();
            }
            for (Entry e : entries) {
                w.name(e.name).beginObject().name("dtype").value(nameOf(e.dtype)).name("shape").beginArray();
                for (int d : e.shape) {
                    w.value(d);
                }
                w.endArray().name("data_offsets").beginArray().value(e.begin).value(e.end).endArray().endObject();
            }
            w.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] raw = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] padded = new byte[(raw.length + 7) / 8 * 8];
        System.arraycopy(raw, 0, padded, 0, raw.length);
        for (int i = raw.length; i < padded.length; i++) {
            padded[i] = ' ';
        }
        return padded;
    }
}
