package org.torch4j.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.Torch;

/** torch4j writes, torch4j reads back: every dtype through both formats, views, nested values, the file layout. */
class RoundTripTest {
    @TempDir
    Path dir;

    /** One tensor of each dtype with awkward values, plus 0-dim, empty and strided ones. */
    static Map<String, Tensor> everyDtype() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("f32", Torch.tensor(new float[] {1.5f, -0f, Float.NaN, Float.intBitsToFloat(0x7fc00123),
            Float.POSITIVE_INFINITY, Float.MIN_VALUE, -Float.MAX_VALUE}));
        m.put("f64", Torch.tensor(new double[][] {{Math.PI, -0.0}, {Double.NaN, Double.MIN_VALUE}, {1e308, -1}}));
        m.put("i64", Torch.tensor(new long[] {Long.MIN_VALUE, -1, 0, 1L << 40, Long.MAX_VALUE}));
        m.put("i32", Torch.tensor(new int[] {Integer.MIN_VALUE, -7, 0, 9, Integer.MAX_VALUE}));
        m.put("bool", Torch.tensor(new boolean[][] {{true, false, true}, {false, false, true}}));
        m.put("scalar", Torch.scalarTensor(3.25));
        m.put("empty", Torch.zeros(0, 3).toLong());
        m.put("transposed", Torch.arange(12.0).reshape(3, 4).t());
        m.put("slice", Torch.arange(10L).slice(0, 3, 9, 2));
        return m;
    }

    @Test
    void everyDtypeThroughSafetensors() throws IOException {
        Map<String, Tensor> tensors = everyDtype();
        Path file = dir.resolve("all.safetensors");
        Safetensors.save(tensors, Map.of("format", "pt", "note", "é"), file);
        Map<String, Tensor> back = Safetensors.load(file);
        assertEquals(List.copyOf(tensors.keySet()), List.copyOf(back.keySet()));
        tensors.forEach((k, t) -> {
            InteropFixtures.assertBits(t, back.get(k), k);
            assertTrue(back.get(k).isContiguous(), k);
        });
        assertEquals(Map.of("format", "pt", "note", "é"), Safetensors.loadMetadata(file));
        long headerLength = ByteBuffer.wrap(Files.readAllBytes(file), 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, headerLength % 8, "header padded to 8 bytes");
    }

    @Test
    void everyDtypeThroughTorchFilesKeepsGeometry() throws IOException {
        Map<String, Tensor> tensors = everyDtype();
        Path file = dir.resolve("all.pt");
        TorchFiles.save(tensors, file);
        Map<String, Object> back = TorchFiles.load(file);
        assertEquals(List.copyOf(tensors.keySet()), List.copyOf(back.keySet()));
        tensors.forEach((k, t) -> {
            Tensor b = (Tensor) back.get(k);
            InteropFixtures.assertBits(t, b, k);
            assertArrayEquals(t.stride(), b.stride(), k);
            assertEquals(t.storageOffset(), b.storageOffset(), k);
            assertEquals(t.storage().length(), b.storage().length(), k);
        });
    }

    @Test
    void torchSaveChoosesTheFormatByExtension() throws IOException {
        Map<String, Tensor> tensors = everyDtype();
        Path st = dir.resolve("m.safetensors");
        Path pt = dir.resolve("m.pt");
        Torch.save(tensors, st);
        Torch.save(tensors, pt);
        assertTrue(Safetensors.looksLike(st));
        assertFalse(Safetensors.looksLike(pt));
        byte[] zipMagic = {'P', 'K', 3, 4};
        assertArrayEquals(zipMagic, java.util.Arrays.copyOf(Files.readAllBytes(pt), 4));
        assertEquals(tensors.keySet(), Torch.loadTensors(st).keySet());
        assertEquals(tensors.keySet(), Torch.loadTensors(pt).keySet());
    }

    @Test
    void sharedStoragesAreWrittenOnceAndShareAgain() throws IOException {
        Tensor base = Torch.arange(24.0).reshape(4, 6);
        Map<String, Object> sd = new LinkedHashMap<>();
        sd.put("base", base);
        sd.put("t", base.t());
        sd.put("block", base.slice(0, 1, 3).slice(1, 2, 5));
        sd.put("nested", List.of(Map.of("again", base.select(0, 3))));
        Path file = dir.resolve("views.pt");
        TorchFiles.save(sd, file);
        Map<String, byte[]> records = Archives.read(file);
        assertEquals(List.of("archive/data.pkl", "archive/byteorder", "archive/data/0", "archive/version"),
                List.copyOf(records.keySet()));
        assertEquals(24 * 4, records.get("archive/data/0").length);
        Map<String, Object> back = TorchFiles.load(file);
        Tensor b = (Tensor) back.get("base");
        assertSame(b.storage(), ((Tensor) back.get("t")).storage());
        assertSame(b.storage(), ((Tensor) back.get("block")).storage());
        Tensor again = (Tensor) ((Map<?, ?>) ((List<?>) back.get("nested")).get(0)).get("again");
        assertSame(b.storage(), again.storage());
        assertEquals(18, again.storageOffset());
        InteropFixtures.assertBits(base.select(0, 3), again, "again");
    }

    @Test
    void recordsAreAlignedAndFilesAreReproducible() throws IOException {
        Path a = dir.resolve("a.pt");
        Path b = dir.resolve("b.pt");
        TorchFiles.save(everyDtype(), a);
        TorchFiles.save(everyDtype(), b);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        for (long offset : Archives.dataOffsets(a)) {
            assertEquals(0, offset % 64, "record data at " + offset);
        }
    }

    @Test
    void nestedValuesKeepTheirPythonTypes() throws IOException {
        Map<Object, Object> inner = new LinkedHashMap<>();
        inner.put(0L, Map.of("step", Torch.scalarTensor(2.0)));
        inner.put(7, List.of());
        inner.put(2.5, Tuple.EMPTY);
        inner.put(true, "bool key");
        List<Object> longList = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            longList.add(i % 3 == 0 ? (Object) (long) i : i % 3 == 1 ? (Object) ("s" + i) : (Object) (i * 0.5));
        }
        Map<String, Object> bigDict = new LinkedHashMap<>();
        for (int i = 0; i < 1001; i++) {
            bigDict.put("k" + i, i);
        }
        Map<String, Object> sd = new LinkedHashMap<>();
        sd.put("ints", List.of(0, 255, 256, 65535, 65536, -1, Integer.MIN_VALUE, Integer.MAX_VALUE,
            (long) Integer.MAX_VALUE + 1, (long) Integer.MIN_VALUE - 1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 40,
            -(1L << 40), (short) 3, (byte) -4, 127L, 128L, -128L, -129L, 32767L, 32768L, -32768L, -32769L));
        sd.put("floats", List.of(0.1, -0.0, Double.NaN, Double.NEGATIVE_INFINITY, 1e-310, 0.25f));
        sd.put("strings", List.of("", "héllo ✓ 𝄞", "a\nb"));
        sd.put("misc", java.util.Arrays.asList(null, true, false, DType.INT32, DType.BOOL));
        sd.put("tuples", List.of(Tuple.of(1), Tuple.of(0.9, 0.999), Tuple.of(1, 2, 3), Tuple.of(1, 2, 3, "four", 5.0)));
        sd.put("inner", inner);
        sd.put("long_list", longList);
        sd.put("big_dict", bigDict);
        sd.put("grad", Torch.tensor(new float[] {1, 2}).requiresGrad_());
        Path file = dir.resolve("values.pt");
        TorchFiles.save(sd, file);
        Map<String, Object> back = TorchFiles.load(file);

        assertEquals(List.of(0L, 255L, 256L, 65535L, 65536L, -1L, (long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE,
            (long) Integer.MAX_VALUE + 1, (long) Integer.MIN_VALUE - 1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 40,
            -(1L << 40), 3L, -4L, 127L, 128L, -128L, -129L, 32767L, 32768L, -32768L, -32769L), back.get("ints"));
        assertEquals(List.of(0.1, -0.0, Double.NaN, Double.NEGATIVE_INFINITY, 1e-310, (double) 0.25f), back.get("floats"));
        assertEquals(sd.get("strings"), back.get("strings"));
        assertEquals(sd.get("misc"), back.get("misc"));
        List<?> tuples = (List<?>) back.get("tuples");
        assertEquals(List.of(Tuple.of(1L), Tuple.of(0.9, 0.999), Tuple.of(1L, 2L, 3L), Tuple.of(1L, 2L, 3L, "four", 5.0)),
                tuples);
        tuples.forEach(t -> assertTrue(t instanceof Tuple));
        assertFalse(back.get("strings") instanceof Tuple);
        Map<?, ?> innerBack = (Map<?, ?>) back.get("inner");
        assertEquals(List.of(0L, 7L, 2.5, true), List.copyOf(innerBack.keySet()));
        assertEquals(2.0, ((Tensor) ((Map<?, ?>) innerBack.get(0L)).get("step")).item());
        assertEquals(List.of(), innerBack.get(7L));
        assertEquals(Tuple.EMPTY, innerBack.get(2.5));
        assertEquals("bool key", innerBack.get(true));
        assertEquals(longList, back.get("long_list"));
        Map<?, ?> bigBack = (Map<?, ?>) back.get("big_dict");
        assertEquals(List.copyOf(bigDict.keySet()), List.copyOf(bigBack.keySet()));
        assertEquals(1000L, bigBack.get("k1000"));
        assertTrue(((Tensor) back.get("grad")).requiresGrad());
        assertEquals("(0.9, 0.999)", Tuple.of(0.9, 0.999).toString());
        assertEquals("(1,)", Tuple.of(1).toString());
    }

    @Test
    void unsupportedValuesAreRefusedBeforeTheFileIsWritten() {
        Path file = dir.resolve("bad.pt");
        List<Object> cyclic = new ArrayList<>();
        cyclic.add(cyclic);
        Map<Object, Object> tensorKey = new LinkedHashMap<>();
        tensorKey.put(Torch.ones(1), 1);
        for (Object bad : List.of(new Object(), new int[] {1}, cyclic, tensorKey, java.math.BigInteger.ONE)) {
            Map<String, Object> sd = Map.of("x", bad);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TorchFiles.save(sd, file));
            assertTrue(e.getMessage().contains("cannot save"), e.getMessage());
            assertFalse(Files.exists(file));
        }
        Path st = dir.resolve("bad.safetensors");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Torch.save(Map.of("w", Torch.ones(2), "lr", 0.1), st));
        assertEquals("safetensors files hold tensors only, but 'lr' is a Double", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Safetensors.save(Map.of("__metadata__", Torch.ones(1)), st));
        assertFalse(Files.exists(st));
    }

    @Test
    void deflatedArchivesLoadToo() throws IOException {
        Path file = dir.resolve("deflated.pt");
        Archives.write(file, Archives.read(InteropFixtures.file("mlp.pt")), ZipEntry.DEFLATED);
        InteropFixtures.assertValue(InteropFixtures.of("mlp").get("value"), TorchFiles.load(file), "deflated mlp");
    }

    @Test
    void bigEndianArchivesLoadToo() throws IOException {
        Map<String, byte[]> records = Archives.read(InteropFixtures.file("dtypes.pt"));
        Map<String, byte[]> swapped = new LinkedHashMap<>();
        Map<String, Object> little = TorchFiles.load(InteropFixtures.file("dtypes.pt"));
        // every storage of dtypes.pt is used by exactly one tensor, in key order: data/0 is "f32", ...
        List<Object> tensors = List.copyOf(little.values());
        for (Map.Entry<String, byte[]> e : records.entrySet()) {
            String name = e.getKey();
            byte[] bytes = e.getValue();
            if (name.contains("/data/")) {
                int key = Integer.parseInt(name.substring(name.lastIndexOf('/') + 1));
                bytes = reverseEach(bytes, ((Tensor) tensors.get(key)).elementSize());
            }
            swapped.put(name, bytes);
        }
        swapped.put("dtypes/byteorder", "big".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Path file = dir.resolve("big.pt");
        Archives.write(file, swapped, ZipEntry.STORED);
        InteropFixtures.assertValue(InteropFixtures.of("dtypes").get("value"), TorchFiles.load(file), "big-endian");
    }

    private static byte[] reverseEach(byte[] bytes, int size) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i += size) {
            for (int j = 0; j < size; j++) {
                out[i + j] = bytes[i + size - 1 - j];
            }
        }
        return out;
    }
}
