package org.torch4j.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.torch4j.Torch;

/** Malicious, corrupt, lying and unsupported files: one clear SerializationException each, and nothing loaded. */
class BadFilesTest {
    @TempDir
    Path dir;

    static void assertRefused(Path file, String fragment) {
        SerializationException e = assertThrows(SerializationException.class, () -> Torch.load(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), "expected '" + fragment + "' in: " + e.getMessage());
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    // ------------------------------------------------------------------ files PyTorch wrote

    @ParameterizedTest
    @CsvSource({
        "evil_system.pt, unsupported global 'posix.system'",
        "evil_eval.pt, unsupported global '__builtin__.eval'",
        "evil_class.pt, unsupported global 'gen_interop.Thing'",
        "float16.pt, unsupported dtype float16 (torch.HalfStorage)",
        "float16.safetensors, unsupported dtype F16 of tensor 'h'",
    })
    void pytorchFilesWeRefuse(String name, String message) {
        assertRefused(InteropFixtures.file(name), message);
        assertFalse(Files.exists(Path.of("/tmp/torch4j-pwned")));
    }

    @Test
    void truncatedAndCorruptArchives() throws IOException {
        byte[] mlp = Files.readAllBytes(InteropFixtures.file("mlp.pt"));
        assertRefused(write("half.pt", Arrays.copyOf(mlp, mlp.length / 2)), "not a torch.save zip archive");
        assertRefused(write("empty.pt", new byte[0]), "not a torch.save zip archive");
        assertRefused(write("text.pt", "hello".getBytes(StandardCharsets.US_ASCII)), "not a torch.save zip archive");
        assertRefused(write("legacy.pt", new byte[] {(byte) 0x80, 2, (byte) 0x8a, 10, 0x6c, (byte) 0xfc}),
                "legacy torch.save format");

        Map<String, byte[]> records = Archives.read(InteropFixtures.file("mlp.pt"));
        Path corrupt = dir.resolve("crc.pt");
        byte[] copy = mlp.clone();
        copy[indexOf(mlp, records.get("mlp/data/0")) + 3] ^= 0x10;
        Files.write(corrupt, copy);
        assertRefused(corrupt, "record data/0 is corrupt (CRC-32 mismatch)");

        Map<String, byte[]> noVersion = new LinkedHashMap<>(records);
        noVersion.remove("mlp/version");
        Path file = dir.resolve("noversion.pt");
        Archives.write(file, noVersion, ZipEntry.STORED);
        assertRefused(file, "the archive has no record mlp/.data/version");

        Map<String, byte[]> badVersion = new LinkedHashMap<>(records);
        badVersion.put("mlp/version", "three".getBytes(StandardCharsets.US_ASCII));
        Archives.write(file, badVersion, ZipEntry.STORED);
        assertRefused(file, "bad archive version 'three'");

        Map<String, byte[]> noStorage = new LinkedHashMap<>(records);
        noStorage.remove("mlp/data/2");
        Archives.write(file, noStorage, ZipEntry.STORED);
        assertRefused(file, "the archive has no record mlp/data/2");

        Map<String, byte[]> outside = new LinkedHashMap<>();
        outside.put("data.pkl", records.get("mlp/data.pkl"));
        Archives.write(file, outside, ZipEntry.STORED);
        assertRefused(file, "is not inside the archive folder");
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    // ------------------------------------------------------------------ pickles that lie or reach for more

    @Test
    void storageSizesThatLie() throws IOException {
        Path file = dir.resolve("lie.pt");
        PickleBytes.archive(file, PickleBytes.oneTensor("FloatStorage", 10, 0, new long[] {10}, new long[] {1}), new byte[16]);
        assertRefused(file, "record data/0 holds 16 bytes but the pickle describes 10 elements of float32 (40 bytes)");
        PickleBytes.archive(file, PickleBytes.oneTensor("FloatStorage", -5, 0, new long[] {1}, new long[] {1}),
                new byte[16]);
        assertRefused(file, "storage 0 has an impossible size of -5 elements");
        byte[] huge = PickleBytes.start().op('}', '(').str("w").global("torch._utils", "_rebuild_tensor_v2").op('(', '(')
                .str("storage").global("torch", "FloatStorage").str("0").str("cpu")
                .op(0x8a, 6, 0, 0, 0, 0, 0, 1).op('t', 'Q').integer(0).tuple(1).tuple(1).op(0x89)
                .global("collections", "OrderedDict").op(')', 'R', 't', 'R', 'u').stop();
        PickleBytes.archive(file, huge, new byte[16]);
        assertRefused(file, "storage 0 has an impossible size of 1099511627776 elements");
    }

    @Test
    void viewsOutsideTheirStorage() throws IOException {
        Path file = dir.resolve("view.pt");
        byte[] data = new byte[4 * 6];
        PickleBytes.archive(file, PickleBytes.oneTensor("FloatStorage", 6, 4, new long[] {3}, new long[] {1}), data);
        assertRefused(file, "a view with offset 4, size [3] and stride [1] reaches outside its storage of 6 elements");
        PickleBytes.archive(file, PickleBytes.oneTensor("FloatStorage", 6, 0, new long[] {2, 3}, new long[] {4, 1}), data);
        assertRefused(file, "reaches outside its storage");
        PickleBytes.archive(file, PickleBytes.oneTensor("FloatStorage", 6, -1, new long[] {2}, new long[] {1}), data);
        assertRefused(file, "reaches outside its storage");
        PickleBytes.archive(file, PickleBytes.oneTensor("FloatStorage", 6, 0, new long[] {2}, new long[] {-1}), data);
        assertRefused(file, "tensor rebuild: bad stride (-1,)");
        PickleBytes.archive(file, PickleBytes.oneTensor("FloatStorage", 6, 0, new long[] {2, 3}, new long[] {3}), data);
        assertRefused(file, "size and stride have different lengths");
        PickleBytes.archive(file, PickleBytes.oneTensor("FloatStorage", 6, 7, new long[] {0}, new long[] {1}), data);
        assertRefused(file, "reaches outside its storage");
        PickleBytes.archive(file, PickleBytes.oneTensor("FloatStorage", 6, 6, new long[] {0}, new long[] {1}), data);
        assertEquals(0, Torch.loadTensors(file).get("w").numel());
    }

    @Test
    void oneStorageAsTwoTypes() throws IOException {
        byte[] pickle = PickleBytes.start().op('}', '(')
                .str("a").tensor("FloatStorage", "0", 2, 0, new long[] {2}, new long[] {1}, false)
                .str("b").tensor("IntStorage", "0", 2, 0, new long[] {2}, new long[] {1}, false)
                .op('u').stop();
        Path file = dir.resolve("twice.pt");
        PickleBytes.archive(file, pickle, new byte[8]);
        assertRefused(file, "storage 0 is used as two different types or sizes");
    }

    @Test
    void integerTensorsCannotRequireGrad() throws IOException {
        byte[] pickle = PickleBytes.start().op('}', '(')
                .str("a").tensor("LongStorage", "0", 1, 0, new long[] {1}, new long[] {1}, true).op('u').stop();
        Path file = dir.resolve("grad.pt");
        PickleBytes.archive(file, pickle, new byte[8]);
        assertRefused(file, "a tensor of dtype int64 cannot require grad");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "stack global    | unsupported global 'builtins.exec'",
        "newobj          | unsupported pickle opcode 0x81 at byte 4",
        "build list      | BUILD is only allowed to set the attributes of an OrderedDict, not a ArrayList",
        "append dict     | APPEND on a LinkedHashMap, not a list",
        "setitem list    | SETITEM on a ArrayList, not a dict",
        "cycle           | a container contains itself",
        "deep            | containers nested deeper than 256",
        "not a dict      | the file holds a ArrayList, not a dict",
        "int key         | with a key of type Long, not a state dict",
        "list key        | unsupported dict key a ArrayList",
        "long1 9 bytes   | integer of 9 bytes is too large",
        "underflow       | pickle stack underflow",
        "no mark         | pickle MARK missing",
        "memo            | pickle memo entry 5 not found",
        "reduce dtype    | REDUCE may only call an allowed function with a tuple, not a DType",
        "persid          | unsupported persistent id",
        "bad utf8        | is not UTF-8",
        "no stop         | pickle data truncated",
        "protocol 1      | unsupported pickle protocol 1",
        "odd setitems    | SETITEMS with an odd number of items",
        "ordered args    | OrderedDict takes no arguments",
        "rebuild args    | _rebuild_tensor_v2 takes 6 or 7 arguments, got 1",
    })
    void picklesWeRefuse(String name, String message) throws IOException {
        PickleBytes p = PickleBytes.start();
        switch (name) {
            case "stack global": p.op('}').str("x").str("builtins").str("exec").op(0x93); break;
            case "newobj": p.op('}', ')', 0x81); break;
            case "build list": p.op(']', '}', 'b'); break;
            case "append dict": p.op('}', 'N', 'a'); break;
            case "setitem list": p.op(']', 'N', 'N', 's'); break;
            case "cycle": p.op('}').str("x").op(']', 'q', 0, 'h', 0, 'a', 's'); break;
            case "deep":
                p.op('}').str("x");
                for (int i = 0; i < 300; i++) {
                    p.op(']');
                }
                for (int i = 0; i < 299; i++) {
                    p.op('a');
                }
                p.op('s');
                break;
            case "not a dict": p.op(']'); break;
            case "int key": p.op('}', 'K', 1, 'N', 's'); break;
            case "list key": p.op('}', ']', 'N', 's'); break;
            case "long1 9 bytes": p.op('}').str("x").op(0x8a, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 's'); break;
            case "underflow": p.op('}', 's'); break;
            case "no mark": p.op('}', 'u'); break;
            case "memo": p.op('h', 5); break;
            case "reduce dtype": p.op('}').str("x").global("torch", "float32").op(')', 'R', 's'); break;
            case "persid": p.op('}').str("x").str("storage").op('Q', 's'); break;
            case "bad utf8": p.op('X', 2, 0, 0, 0, 0xc3, 0x28); break;
            case "no stop": p.op('}'); break;
            case "protocol 1": p = new PickleBytes().op(0x80, 1, '}'); break;
            case "odd setitems": p.op('}', '(', 'N', 'u'); break;
            case "ordered args": p.global("collections", "OrderedDict").op('N', 0x85, 'R'); break;
            case "rebuild args": p.global("torch._utils", "_rebuild_tensor_v2").op('N', 0x85, 'R'); break;
            default: throw new AssertionError(name);
        }
        byte[] pickle = p.stop();
        if (name.equals("no stop")) {
            pickle = Arrays.copyOf(pickle, pickle.length - 1);
        }
        Path file = dir.resolve("p.pt");
        PickleBytes.archive(file, pickle);
        assertRefused(file, message);
    }

    @Test
    void protocolFourOpcodesWork() throws IOException {
        // FRAME, SHORT_BINUNICODE, MEMOIZE, STACK_GLOBAL, BINUNICODE8 as protocol 4 writes them
        PickleBytes p = new PickleBytes().op(0x80, 4, 0x95, 40, 0, 0, 0, 0, 0, 0, 0).op('}', 0x94, 0x8c, 1, 'o')
                .op(0x8c, 11).op("collections".chars().toArray()).op(0x8c, 11).op("OrderedDict".chars().toArray())
                .op(0x93, 0x94, ')', 'R', 0x94).op(0x8c, 1, 'k', 0x8d, 2, 0, 0, 0, 0, 0, 0, 0, 'h', 'i', 's', 's');
        Path file = dir.resolve("p4.pt");
        PickleBytes.archive(file, p.stop());
        assertEquals(Map.of("o", Map.of("k", "hi")), Torch.load(file));
    }

    // ------------------------------------------------------------------ safetensors that lie

    private Path safetensors(long declaredLength, String header, int dataBytes) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(declaredLength).put(h);
        return write("x.safetensors", b.array());
    }

    private Path safetensors(String header, int dataBytes) throws IOException {
        return safetensors(header.getBytes(StandardCharsets.UTF_8).length, header, dataBytes);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}                    | 4  | the tensors cover 8 bytes of data but the file holds 4",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}                    | 12 | the tensors cover 8 bytes of data but the file holds 12",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}                    | 8  | need 12 bytes",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}                    | 8  | starts at byte 4 of the data but the previous tensor ends at 0 (gap)",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"b\":{\"dtype\":\"I32\",\"shape\":[1],\"data_offsets\":[4,8]}} | 8 | (overlap)",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,4]}}                    | 8  | bad data_offsets [8, 4]",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}} | 8 | duplicate key 'a'",
        "{\"a\":{\"dtype\":\"BF16\",\"shape\":[1],\"data_offsets\":[0,2]}}                   | 2  | unsupported dtype BF16 of tensor 'a'",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,0]}}                   | 0  | bad shape [-1]",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[\"1\"],\"data_offsets\":[0,4]}}                | 4  | expected a number in tensor 'a' but found string",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],\"extra\":1}}        | 4  | unexpected or repeated field 'extra'",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[1]}}                                           | 0  | needs dtype, shape and data_offsets",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[65536,65536],\"data_offsets\":[0,4]}}          | 4  | has more elements than a torch4j tensor can hold",
        "{\"__metadata__\":{\"k\":1}}                                                        | 0  | __metadata__ value of 'k' is not a string",
        "{\"a\":1}                                                                           | 0  | invalid safetensors header",
        "{\"a\":                                                                             | 0  | invalid safetensors header",
        "{} {}                                                                               | 0  | malformed JSON at line 1 column 5",
        "[]                                                                                  | 0  | not a torch.save zip archive",
    })
    void safetensorsHeadersWeRefuse(String header, int dataBytes, String message) throws IOException {
        assertRefused(safetensors(header, dataBytes), message);
        if (!message.contains("zip")) {
            assertThrows(SerializationException.class, () -> Safetensors.load(dir.resolve("x.safetensors")));
        }
    }

    @Test
    void safetensorsLengthsThatLie() throws IOException {
        String ok = "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}";
        assertRefused(safetensors(1000, ok, 4), "its length 1000 exceeds the file");
        assertRefused(safetensors(Long.MIN_VALUE, ok, 4), "its length 9223372036854775808 exceeds the file");
        SerializationException e = assertThrows(SerializationException.class,
                () -> Safetensors.load(safetensors(-1, ok, 4)));
        assertTrue(e.getMessage().contains("its length 18446744073709551615 exceeds the file"), e.getMessage());
        assertThrows(SerializationException.class, () -> Safetensors.load(write("short.safetensors", new byte[5])));
        byte[] badUtf8 = {4, 0, 0, 0, 0, 0, 0, 0, '{', (byte) 0xc3, '(', '}'};
        assertRefused(write("utf.safetensors", badUtf8), "not UTF-8");
        byte[] noBrace = {2, 0, 0, 0, 0, 0, 0, 0, ' ', '{'};
        assertThrows(SerializationException.class, () -> Safetensors.load(write("brace.safetensors", noBrace)));
    }

    @Test
    void safetensorsHeaderAboveTheLimit() throws IOException {
        Path file = dir.resolve("big.safetensors");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.write(ByteBuffer.allocate(9).order(ByteOrder.LITTLE_ENDIAN).putLong(100_000_001).put((byte) '{').array());
            f.setLength(100_000_100); // sparse
        }
        assertRefused(file, "its length 100000001 exceeds 100000000 bytes");
    }

    @Test
    void truncatedSafetensorsData() throws IOException {
        byte[] mlp = Files.readAllBytes(InteropFixtures.file("mlp.safetensors"));
        assertRefused(write("cut.safetensors", Arrays.copyOf(mlp, mlp.length - 3)), "the file holds");
    }
}
