package org.torch4j.serialization;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.torch4j.internal.CpuStorage;
import org.torch4j.internal.serialization.Pickler;
import org.torch4j.internal.serialization.StorageRecords;
import org.torch4j.internal.serialization.Unpickler;
import org.torch4j.internal.serialization.ZipArchiveReader;
import org.torch4j.internal.serialization.ZipArchiveWriter;

/**
 * PyTorch's own file format, that of {@code torch.save} since PyTorch 1.6: a zip archive holding
 * {@code <archive>/data.pkl} (the pickled state dict), one record {@code <archive>/data/<key>} per storage,
 * {@code <archive>/version} and, in newer files, {@code <archive>/byteorder}.
 *
 * <p>Loading runs a restricted pickle machine (like {@code torch.load(weights_only=True)}): it knows dicts,
 * OrderedDicts, lists, tuples, str, int, float, bool, None, the dtypes and the tensor rebuild functions, and fails
 * with a {@link SerializationException} naming any other global ({@code os.system}, a class, ...) without
 * importing or running anything. Python values map to Java as: dict → {@link java.util.LinkedHashMap} (insertion
 * order kept; nested dicts may have Long keys, as an optimizer's {@code state}), list → {@link java.util.ArrayList},
 * tuple → {@link Tuple}, int → Long, float → Double, bool → Boolean, None → null, {@code torch.float32} →
 * {@link org.torch4j.DType}, tensor → {@link org.torch4j.Tensor} (on the CPU, with its storage offset, size and
 * stride; tensors that shared a storage share one again). The {@code _metadata} attribute of a module's state dict
 * is dropped.
 */
public final class TorchFiles {
    private static final String ARCHIVE = "archive";
    private static final int MAX_VERSION = 10;

    private TorchFiles() {
    }

    /**
     * {@code torch.save(stateDict, path)}: values may be tensors, numbers, strings, booleans, null, dtypes,
     * {@link Tuple}s, lists and maps of those. Each storage is written once, whole, however many tensors view it.
     *
     * @throws IllegalArgumentException for a value of another type (before the file is touched)
     */
    public static void save(Map<String, ?> stateDict, Path path) throws IOException {
        Pickler pickler = new Pickler();
        byte[] pickle = pickler.dump(stateDict);
        List<CpuStorage> storages = pickler.storages();
        try (ZipArchiveWriter zip = new ZipArchiveWriter(path, ARCHIVE)) {
            zip.write("data.pkl", pickle);
            zip.write("byteorder", "little".getBytes(StandardCharsets.US_ASCII));
            for (int key = 0; key < storages.size(); key++) {
                zip.writeStorage("data/" + key, storages.get(key));
            }
            zip.write("version", "3\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** {@code torch.load(path, map_location="cpu")} of a dict with string keys (a state dict). */
    public static Map<String, Object> load(Path path) throws IOException {
        try (ZipArchiveReader zip = ZipArchiveReader.open(path)) {
            checkVersion(zip);
            Object value = Unpickler.load(zip.read("data.pkl"), new StorageRecords(zip, byteOrder(zip)));
            return stateDict(value);
        } catch (SerializationException e) {
            throw e.in(path);
        }
    }

    private static void checkVersion(ZipArchiveReader zip) throws IOException {
        String record = zip.has("version") ? "version" : ".data/version";
        String text = new String(zip.read(record), StandardCharsets.US_ASCII).trim();
        long version;
        try {
            version = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new SerializationException("bad archive version '" + text + "'", e);
        }
        if (version < 1 || version > MAX_VERSION) {
            throw new SerializationException("unsupported archive version " + version);
        }
    }

    private static ByteOrder byteOrder(ZipArchiveReader zip) throws IOException {
        if (!zip.has("byteorder")) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        String order = new String(zip.read("byteorder"), StandardCharsets.US_ASCII);
        if (order.equals("little") || order.equals("big")) {
            return order.equals("little") ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        }
        throw new SerializationException("bad byteorder record '" + order + "'");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stateDict(Object value) throws SerializationException {
        if (!(value instanceof Map)) {
            throw new SerializationException("the file holds " + (value == null ? "None" : "a "
                    + value.getClass().getSimpleName()) + ", not a dict");
        }
        for (Object key : ((Map<?, ?>) value).keySet()) {
            if (!(key instanceof String)) {
                throw new SerializationException("the file holds a dict with a key of type "
                        + key.getClass().getSimpleName() + ", not a state dict (string keys)");
            }
        }
        return (Map<String, Object>) value;
    }
}
