package org.torch4j.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.torch4j.Tensor;
import org.torch4j.Torch;

/**
 * Seeded fuzzing: byte flips and truncations of valid files, of the pickle inside an archive (repacked with a
 * correct CRC so that the pickle machine sees the damage) and of safetensors headers. Each load must either
 * succeed with a consistent result or throw a SerializationException: no other exception, no hang, no
 * OutOfMemoryError from a lying size.
 */
class FuzzTest {
    private static final long SEED = 0x7041_6f72_6368L;
    private static final List<String> FILES = List.of("mlp.pt", "adam.pt", "views.pt", "dtypes.pt", "mlp.safetensors",
            "dtypes.safetensors");

    @TempDir
    Path dir;

    @Test
    void damagedFiles() {
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            Random random = new Random(SEED);
            for (String name : FILES) {
                byte[] original = Files.readAllBytes(InteropFixtures.file(name));
                for (int i = 0; i < 60; i++) {
                    byte[] damaged = random.nextInt(4) == 0 ? truncate(original, random) : flip(original, random, 0);
                    tryLoad(damaged, name.substring(name.indexOf('.')), name + " #" + i);
                }
            }
        });
    }

    @Test
    void damagedPickles() {
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            Random random = new Random(SEED + 1);
            for (String name : List.of("mlp.pt", "adam.pt", "views.pt")) {
                Path source = InteropFixtures.file(name);
                Map<String, byte[]> records = Archives.read(source);
                byte[] pickle = records.get(name.replace(".pt", "") + "/data.pkl");
                for (int i = 0; i < 150; i++) {
                    byte[] damaged = random.nextInt(5) == 0 ? truncate(pickle, random) : flip(pickle, random, 0);
                    Path file = dir.resolve("pickle.pt");
                    Archives.withPickle(source, damaged, file);
                    tryLoad(Files.readAllBytes(file), ".pt", name + " pickle #" + i);
                }
            }
        });
    }

    @Test
    void damagedSafetensorsHeaders() {
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            Random random = new Random(SEED + 2);
            for (String name : List.of("mlp.safetensors", "dtypes.safetensors")) {
                byte[] original = Files.readAllBytes(InteropFixtures.file(name));
                int headerEnd = 8 + (int) ByteBuffer.wrap(original, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
                for (int i = 0; i < 100; i++) {
                    tryLoad(flipHeader(original, random, headerEnd), ".safetensors", name + " header #" + i);
                }
            }
        });
    }

    private static byte[] truncate(byte[] bytes, Random random) {
        return Arrays.copyOf(bytes, random.nextInt(bytes.length));
    }

    /** 1 to 8 bytes from {@code from} on get random values (half of the time a single bit flips instead). */
    private static byte[] flip(byte[] bytes, Random random, int from) {
        byte[] out = bytes.clone();
        int n = 1 + random.nextInt(8);
        for (int k = 0; k < n; k++) {
            int at = from + random.nextInt(out.length - from);
            out[at] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) (out[at] ^ 1 << random.nextInt(8));
        }
        return out;
    }

    /** Damage inside the JSON header only: digits, quotes, brackets and names change, the data stays. */
    private static byte[] flipHeader(byte[] bytes, Random random, int headerEnd) {
        byte[] out = bytes.clone();
        int n = 1 + random.nextInt(3);
        for (int k = 0; k < n; k++) {
            int at = 8 + random.nextInt(headerEnd - 8);
            out[at] = (byte) "0123456789{}[]\",:FIBLO_ a".charAt(random.nextInt(25));
        }
        return out;
    }

    private void tryLoad(byte[] bytes, String extension, String what) throws IOException {
        Path file = Files.write(dir.resolve("fuzz" + extension), bytes);
        Map<String, Object> loaded;
        try {
            loaded = Torch.load(file);
        } catch (SerializationException e) {
            assertFalse(e.getMessage().isEmpty(), what);
            return;
        } catch (Throwable t) {
            throw new AssertionError(what + ": " + t, t);
        }
        for (Object value : loaded.values()) {
            assertConsistent(value, what);
        }
    }

    /** Every tensor can be read whole, and its element count agrees with its shape. */
    private static void assertConsistent(Object value, String what) {
        if (value instanceof Tensor) {
            Tensor t = (Tensor) value;
            int numel = 1;
            for (int d : t.shape()) {
                numel *= d;
            }
            assertEquals(numel, t.toDoubleArray().length, what);
        } else if (value instanceof Map) {
            ((Map<?, ?>) value).values().forEach(v -> assertConsistent(v, what));
        } else if (value instanceof List) {
            ((List<?>) value).forEach(v -> assertConsistent(v, what));
        }
    }
}
