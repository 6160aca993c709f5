package org.torch4j.internal.serialization;

import static org.torch4j.internal.serialization.Opcodes.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.torch4j.DType;
import org.torch4j.serialization.SerializationException;
import org.torch4j.serialization.Tuple;

/**
 * The subset of Python's pickle machine that state dicts use, with no way to import or run anything: the
 * restricted unpickler behind {@code torch.load(weights_only=True)}, in Java. Globals come from
 * {@link TorchGlobals}' allow-list only; {@code REDUCE} applies only OrderedDict and the tensor rebuild functions;
 * {@code BUILD} only sets the attributes of an OrderedDict (its {@code _metadata}, which is dropped); persistent ids
 * go to a {@link PersistentLoader} (torch's storages).
 *
 * <p>Python values become: dict and OrderedDict a {@link LinkedHashMap} (keys str, int, float or bool), list an
 * {@link ArrayList}, tuple a {@link Tuple}, int a {@link Long} (beyond 64 bits: refused), float a {@link Double},
 * bool a {@link Boolean}, str a {@link String}, None null, {@code torch.float32}-style dtypes a {@link DType}.
 * Every read is bounded by the input, and the result is checked to be acyclic and at most {@link #MAX_DEPTH} deep.
 */
public final class Unpickler {
    /** Deepest nesting of containers accepted in a loaded (or saved) value. */
    public static final int MAX_DEPTH = 256;

    /** Resolves the persistent ids of {@code BINPERSID}. */
    public interface PersistentLoader {
        Object load(Object pid) throws IOException;
    }

    private final byte[] data;
    private final PersistentLoader loader;
    private int pos;
    private final List<Object> stack = new ArrayList<>();
    private final List<Integer> marks = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();
    private final Set<Object> orderedDicts = Collections.newSetFromMap(new IdentityHashMap<>());

    private Unpickler(byte[] data, PersistentLoader loader) {
        this.data = data;
        this.loader = loader;
    }

    /** Runs the pickle program in {@code data} and returns the value it builds. */
    public static Object load(byte[] data, PersistentLoader loader) throws IOException {
        Unpickler u = new Unpickler(data, loader);
        Object result = u.run();
        checkTree(result, Collections.newSetFromMap(new IdentityHashMap<>()),
                Collections.newSetFromMap(new IdentityHashMap<>()), 0);
        return result;
    }

    private Object run() throws IOException {
        while (true) {
            int at = pos;
            int op = u8();
            switch (op) {
                case PROTO: {
                    int protocol = u8();
                    if (protocol < 2 || protocol > 5) {
                        throw new SerializationException("unsupported pickle protocol " + protocol);
                    }
                    break;
                }
                case FRAME: take(8); break;
                case STOP: return pop();
                case MARK: marks.add(stack.size()); break;
                case POP: pop(); break;
                case POP_MARK: popMark(); break;
                case NONE: push(null); break;
                case NEWTRUE: push(Boolean.TRUE); break;
                case NEWFALSE: push(Boolean.FALSE); break;
                case BININT: push((long) ByteBuffer.wrap(data, take(4), 4).order(ByteOrder.LITTLE_ENDIAN).getInt()); break;
                case BININT1: push((long) u8()); break;
                case BININT2: push((long) (u8() | u8() << 8)); break;
                case LONG1: push(long1(u8())); break;
                case BINFLOAT: push(ByteBuffer.wrap(data, take(8), 8).getDouble()); break;
                case SHORT_BINUNICODE: push(utf8(u8())); break;
                case BINUNICODE: push(utf8(u32())); break;
                case BINUNICODE8: push(utf8(u64())); break;
                case EMPTY_DICT: push(new LinkedHashMap<>()); break;
                case EMPTY_LIST: push(new ArrayList<>()); break;
                case EMPTY_TUPLE: push(Tuple.EMPTY); break;
                case TUPLE: push(Tuple.of(popMark().toArray())); break;
                case TUPLE1: push(Tuple.of(pop())); break;
                case TUPLE2: {
                    Object b = pop();
                    push(Tuple.of(pop(), b));
                    break;
                }
                case TUPLE3: {
                    Object c = pop();
                    Object b = pop();
                    push(Tuple.of(pop(), b, c));
                    break;
                }
                case SETITEM: {
                    Object value = pop();
                    Object key = pop();
                    put(top(), key, value);
                    break;
                }
                case SETITEMS: {
                    List<Object> items = popMark();
                    if (items.size() % 2 != 0) {
                        throw new SerializationException("SETITEMS with an odd number of items");
                    }
                    Object target = top();
                    for (int i = 0; i < items.size(); i += 2) {
                        put(target, items.get(i), items.get(i + 1));
                    }
                    break;
                }
                case APPEND: {
                    Object value = pop();
                    list(top()).add(value);
                    break;
                }
                case APPENDS: {
                    List<Object> items = popMark();
                    list(top()).addAll(items);
                    break;
                }
                case BINPUT: memoize(u8()); break;
                case LONG_BINPUT: memoize(u32()); break;
                case MEMOIZE: memoize(memo.size()); break;
                case BINGET: push(recall(u8())); break;
                case LONG_BINGET: push(recall(u32())); break;
                case GLOBAL: push(TorchGlobals.resolve(line(), line())); break;
                case STACK_GLOBAL: {
                    Object name = pop();
                    Object module = pop();
                    if (!(module instanceof String) || !(name instanceof String)) {
                        throw new SerializationException("STACK_GLOBAL needs two strings");
                    }
                    push(TorchGlobals.resolve((String) module, (String) name));
                    break;
                }
                case REDUCE: {
                    Object args = pop();
                    push(reduce(pop(), args));
                    break;
                }
                case BUILD: {
                    Object state = pop();
                    if (!orderedDicts.contains(top()) || !(state instanceof Map)) {
                        throw new SerializationException("BUILD is only allowed to set the attributes of an OrderedDict, not "
                                + describe(top()));
                    }
                    break;
                }
                case BINPERSID: push(loader.load(pop())); break;
                default:
                    throw new SerializationException(String.format("unsupported pickle opcode 0x%02x at byte %d", op, at));
            }
        }
    }

    private Object reduce(Object function, Object args) throws SerializationException {
        if (!(function instanceof TorchGlobals.Function) || !(args instanceof Tuple)) {
            throw new SerializationException("REDUCE may only call an allowed function with a tuple, not "
                    + describe(function));
        }
        Tuple tuple = (Tuple) args;
        switch ((TorchGlobals.Function) function) {
            case ORDERED_DICT:
                if (!tuple.isEmpty()) {
                    throw new SerializationException("OrderedDict takes no arguments in a state dict");
                }
                Map<Object, Object> dict = new LinkedHashMap<>();
                orderedDicts.add(dict);
                return dict;
            case REBUILD_TENSOR_V2:
                return TensorRebuild.tensorV2(tuple);
            default:
                return TensorRebuild.parameter(tuple);
        }
    }

    // ------------------------------------------------------------------ containers

    @SuppressWarnings("unchecked")
    private static void put(Object target, Object key, Object value) throws SerializationException {
        if (!(target instanceof LinkedHashMap)) {
            throw new SerializationException("SETITEM on " + describe(target) + ", not a dict");
        }
        if (!(key instanceof String || key instanceof Long || key instanceof Double || key instanceof Boolean)) {
            throw new SerializationException("unsupported dict key " + describe(key)
                    + ": torch4j reads str, int, float and bool keys");
        }
        ((Map<Object, Object>) target).put(key, value);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object target) throws SerializationException {
        if (!(target instanceof ArrayList)) {
            throw new SerializationException("APPEND on " + describe(target) + ", not a list");
        }
        return (List<Object>) target;
    }

    /** Cycles would make equals, hashCode and printing loop; depth is bounded so that walking never overflows. */
    private static void checkTree(Object value, Set<Object> active, Set<Object> done, int depth)
            throws SerializationException {
        if (!(value instanceof Map || value instanceof List) || done.contains(value)) {
            return;
        }
        if (depth >= MAX_DEPTH) {
            throw new SerializationException("containers nested deeper than " + MAX_DEPTH);
        }
        if (!active.add(value)) {
            throw new SerializationException("a container contains itself");
        }
        Iterable<?> children = value instanceof Map ? ((Map<?, ?>) value).values() : (List<?>) value;
        for (Object child : children) {
            checkTree(child, active, done, depth + 1);
        }
        active.remove(value);
        done.add(value);
    }

    /** A short description of a value for messages (never its contents). */
    static String describe(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof TorchGlobals.Function) {
            return "function " + v;
        }
        if (v instanceof TorchGlobals.StorageType) {
            return ((TorchGlobals.StorageType) v).name;
        }
        return "a " + v.getClass().getSimpleName();
    }

    // ------------------------------------------------------------------ stack and memo

    private void push(Object v) {
        stack.add(v);
    }

    private int base() {
        return marks.isEmpty() ? 0 : marks.get(marks.size() - 1);
    }

    private Object pop() throws SerializationException {
        if (stack.size() <= base()) {
            throw new SerializationException("pickle stack underflow at byte " + pos);
        }
        return stack.remove(stack.size() - 1);
    }

    private Object top() throws SerializationException {
        if (stack.size() <= base()) {
            throw new SerializationException("pickle stack underflow at byte " + pos);
        }
        return stack.get(stack.size() - 1);
    }

    private List<Object> popMark() throws SerializationException {
        if (marks.isEmpty()) {
            throw new SerializationException("pickle MARK missing at byte " + pos);
        }
        int mark = marks.remove(marks.size() - 1);
        List<Object> tail = stack.subList(mark, stack.size());
        List<Object> items = new ArrayList<>(tail);
        tail.clear();
        return items;
    }

    private void memoize(long index) throws SerializationException {
        memo.put(index, top());
    }

    private Object recall(long index) throws SerializationException {
        if (!memo.containsKey(index)) {
            throw new SerializationException("pickle memo entry " + index + " not found");
        }
        return memo.get(index);
    }

    // ------------------------------------------------------------------ reading bytes

    /** Advances over n bytes and returns where they start. */
    private int take(long n) throws SerializationException {
        if (n < 0 || n > data.length - pos) {
            throw new SerializationException("pickle data truncated at byte " + pos);
        }
        int start = pos;
        pos += (int) n;
        return start;
    }

    private int u8() throws SerializationException {
        return data[take(1)] & 0xff;
    }

    private long u32() throws SerializationException {
        return ByteBuffer.wrap(data, take(4), 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
    }

    private long u64() throws SerializationException {
        return ByteBuffer.wrap(data, take(8), 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    /** LONG1: n bytes of little-endian two's complement. */
    private long long1(int n) throws SerializationException {
        if (n > 8) {
            throw new SerializationException("integer of " + n + " bytes is too large for torch4j (64 bits at most)");
        }
        int start = take(n);
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = v << 8 | (data[start + i] & 0xff);
        }
        return n == 0 ? 0 : v << (64 - 8 * n) >> (64 - 8 * n);
    }

    private String utf8(long n) throws SerializationException {
        return decode(take(n), (int) n);
    }

    private String decode(int start, int n) throws SerializationException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data, start, n)).toString();
        } catch (CharacterCodingException e) {
            throw new SerializationException("pickle string at byte " + start + " is not UTF-8", e);
        }
    }

    /** A newline-terminated line (GLOBAL's module and name). */
    private String line() throws SerializationException {
        int start = pos;
        while (pos < data.length && data[pos] != '\n') {
            pos++;
        }
        if (pos == data.length) {
            throw new SerializationException("pickle data truncated in a GLOBAL at byte " + start);
        }
        pos++;
        return decode(start, pos - 1 - start);
    }
}
