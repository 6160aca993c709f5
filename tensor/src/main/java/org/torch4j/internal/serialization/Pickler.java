package org.torch4j.internal.serialization;

import static org.torch4j.internal.serialization.Opcodes.*;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.torch4j.DType;
import org.torch4j.Device;
import org.torch4j.Tensor;
import org.torch4j.internal.CpuStorage;
import org.torch4j.internal.Storage;
import org.torch4j.serialization.Tuple;

/**
 * Writes a value as torch.save's {@code data.pkl} (pickle protocol 2): dicts, lists, {@link Tuple}s, strings,
 * integers, floats, booleans, null, {@link DType}s and tensors. A tensor is
 * {@code _rebuild_tensor_v2(storage, offset, size, stride, requires_grad, OrderedDict())} over a persistent id
 * {@code ('storage', torch.FloatStorage, key, 'cpu', numel)}; tensors that share a storage share its key, and
 * {@link #storages()} lists the storages to write as {@code data/<key>}, key being the index.
 */
public final class Pickler {
    private static final int BATCH = 1000;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Map<String, Integer> memoizedGlobals = new HashMap<>();
    private final Map<Storage, Integer> storageKeys = new IdentityHashMap<>();
    private final List<CpuStorage> storages = new ArrayList<>();
    private final Set<Object> active = Collections.newSetFromMap(new IdentityHashMap<>());

    /** The pickle bytes of {@code value}; unsupported values throw IllegalArgumentException naming their path. */
    public byte[] dump(Object value) {
        out.write(PROTO);
        out.write(2);
        write(value, "", 0);
        out.write(STOP);
        return out.toByteArray();
    }

    /** The storages the tensors referred to, in key order, on the CPU. */
    public List<CpuStorage> storages() {
        return storages;
    }

    private void write(Object v, String where, int depth) {
        if (v == null) {
            out.write(NONE);
        } else if (v instanceof Boolean) {
            out.write((Boolean) v ? NEWTRUE : NEWFALSE);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            writeInt(((Number) v).longValue());
        } else if (v instanceof Double || v instanceof Float) {
            out.write(BINFLOAT);
            out.writeBytes(ByteBuffer.allocate(8).putDouble(((Number) v).doubleValue()).array());
        } else if (v instanceof String) {
            writeString((String) v);
        } else if (v instanceof DType) {
            writeGlobal("torch", ((DType) v).pythonName());
        } else if (v instanceof Tensor) {
            writeTensor((Tensor) v);
        } else if (v instanceof Map || v instanceof List) {
            if (depth >= Unpickler.MAX_DEPTH) {
                throw new IllegalArgumentException("cannot save containers nested deeper than " + Unpickler.MAX_DEPTH
                        + " (at '" + where + "')");
            }
            if (!active.add(v)) {
                throw new IllegalArgumentException("cannot save a container that contains itself (at '" + where + "')");
            }
            if (v instanceof Map) {
                writeDict((Map<?, ?>) v, where, depth);
            } else if (v instanceof Tuple) {
                writeTuple((Tuple) v, where, depth);
            } else {
                writeList((List<?>) v, where, depth);
            }
            active.remove(v);
        } else {
            throw new IllegalArgumentException("cannot save a " + v.getClass().getName() + " (at '" + where
                    + "'): state dicts hold tensors, numbers, strings, booleans, null, dtypes, lists, tuples and maps");
        }
    }

    private void writeDict(Map<?, ?> map, String where, int depth) {
        out.write(EMPTY_DICT);
        int n = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Object key = e.getKey();
            if (!(key instanceof String || key instanceof Long || key instanceof Integer || key instanceof Short
                    || key instanceof Byte || key instanceof Double || key instanceof Float || key instanceof Boolean)) {
                throw new IllegalArgumentException("cannot save a map key of type "
                        + (key == null ? "null" : key.getClass().getName()) + " (at '" + where
                        + "'): keys are strings, numbers or booleans");
            }
            if (n % BATCH == 0) {
                out.write(MARK);
            }
            write(key, where, depth + 1);
            write(e.getValue(), where + "/" + key, depth + 1);
            if (++n % BATCH == 0 || n == map.size()) {
                out.write(SETITEMS);
            }
        }
    }

    private void writeList(List<?> list, String where, int depth) {
        out.write(EMPTY_LIST);
        for (int i = 0; i < list.size(); i++) {
            if (i % BATCH == 0) {
                out.write(MARK);
            }
            write(list.get(i), where + "/" + i, depth + 1);
            if ((i + 1) % BATCH == 0 || i + 1 == list.size()) {
                out.write(APPENDS);
            }
        }
    }

    private void writeTuple(Tuple tuple, String where, int depth) {
        int n = tuple.size();
        if (n == 0) {
            out.write(EMPTY_TUPLE);
            return;
        }
        if (n > 3) {
            out.write(MARK);
        }
        for (int i = 0; i < n; i++) {
            write(tuple.get(i), where + "/" + i, depth + 1);
        }
        out.write(n == 1 ? TUPLE1 : n == 2 ? TUPLE2 : n == 3 ? TUPLE3 : TUPLE);
    }

    private void writeTensor(Tensor t) {
        writeGlobal("torch._utils", "_rebuild_tensor_v2");
        out.write(MARK);
        Integer key = storageKeys.get(t.storage());
        if (key == null) {
            key = storages.size();
            storageKeys.put(t.storage(), key);
            storages.add(onCpu(t.storage()));
        }
        out.write(MARK);
        writeString("storage");
        writeGlobal("torch", TorchGlobals.storageClass(t.dtype()));
        writeString(key.toString());
        writeString("cpu");
        writeInt(t.storage().length());
        out.write(TUPLE);
        out.write(BINPERSID);
        writeInt(t.storageOffset());
        writeDims(t.shape());
        writeDims(t.stride());
        out.write(t.requiresGrad() ? NEWTRUE : NEWFALSE);
        writeGlobal("collections", "OrderedDict");
        out.write(EMPTY_TUPLE);
        out.write(REDUCE);
        out.write(TUPLE);
        out.write(REDUCE);
    }

    /** The whole storage on the CPU (a copy when it lives on another device). */
    private static CpuStorage onCpu(Storage storage) {
        if (storage instanceof CpuStorage) {
            return (CpuStorage) storage;
        }
        return (CpuStorage) Tensor.of(storage, storage.length()).to(Device.CPU).storage();
    }

    private void writeDims(int[] dims) {
        List<Object> values = new ArrayList<>(dims.length);
        for (int d : dims) {
            values.add((long) d);
        }
        writeTuple(Tuple.of(values.toArray()), "", 0);
    }

    private void writeInt(long v) {
        if (v >= 0 && v < 256) {
            out.write(BININT1);
            out.write((int) v);
        } else if (v >= 0 && v < 65536) {
            out.write(BININT2);
            out.write((int) v & 0xff);
            out.write((int) v >>> 8);
        } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            out.write(BININT);
            out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array());
        } else {
            byte[] le = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
            int n = 8;
            while (n > 1 && (le[n - 1] == 0 && le[n - 2] >= 0 || le[n - 1] == -1 && le[n - 2] < 0)) {
                n--;
            }
            out.write(LONG1);
            out.write(n);
            out.write(le, 0, n);
        }
    }

    private void writeString(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.write(BINUNICODE);
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    /** GLOBAL once per name, then BINGET of its memo slot. */
    private void writeGlobal(String module, String name) {
        String key = module + "\n" + name + "\n";
        Integer slot = memoizedGlobals.get(key);
        if (slot != null) {
            out.write(BINGET);
            out.write(slot);
            return;
        }
        out.write(GLOBAL);
        out.writeBytes(key.getBytes(StandardCharsets.UTF_8));
        slot = memoizedGlobals.size(); // at most a dozen names exist, so one byte always holds the slot
        out.write(BINPUT);
        out.write(slot);
        memoizedGlobals.put(key, slot);
    }
}
