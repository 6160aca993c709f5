package org.torch4j.internal.serialization;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import org.torch4j.internal.CpuStorage;
import org.torch4j.serialization.SerializationException;
import org.torch4j.serialization.Tuple;

/**
 * torch.load's {@code persistent_load}: a persistent id {@code ('storage', torch.FloatStorage, key, location, numel)}
 * becomes the storage in record {@code data/<key>}, read once per key (so views keep sharing it) onto the CPU,
 * whatever the location says.
 */
public final class StorageRecords implements Unpickler.PersistentLoader {
    private final ZipArchiveReader zip;
    private final ByteOrder order;
    private final Map<String, CpuStorage> loaded = new HashMap<>();

    public StorageRecords(ZipArchiveReader zip, ByteOrder order) {
        this.zip = zip;
        this.order = order;
    }

    @Override
    public Object load(Object pid) throws IOException {
        if (!(pid instanceof Tuple) || ((Tuple) pid).size() != 5 || !"storage".equals(((Tuple) pid).get(0))) {
            throw new SerializationException("unsupported persistent id: torch4j reads ('storage', type, key, location, "
                    + "numel) only");
        }
        Tuple id = (Tuple) pid;
        if (!(id.get(1) instanceof TorchGlobals.StorageType) || !(id.get(2) instanceof String)
                || !(id.get(3) instanceof String) || !(id.get(4) instanceof Long)) {
            throw new SerializationException("malformed storage id " + id);
        }
        TorchGlobals.StorageType type = (TorchGlobals.StorageType) id.get(1);
        String key = (String) id.get(2);
        long numel = (Long) id.get(4);
        CpuStorage storage = loaded.get(key);
        if (storage == null) {
            if (numel < 0 || numel > Integer.MAX_VALUE) {
                throw new SerializationException("storage " + key + " has an impossible size of " + numel + " elements");
            }
            storage = zip.readStorage("data/" + key, type.dtype, (int) numel, order);
            loaded.put(key, storage);
        } else if (storage.dtype() != type.dtype || storage.length() != numel) {
            throw new SerializationException("storage " + key + " is used as two different types or sizes");
        }
        return storage;
    }
}
