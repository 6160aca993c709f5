package org.torch4j.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.torch4j.Tensor;
import org.torch4j.Torch;

/** Files written by real PyTorch 1.13 (tools/fixtures/gen_interop.py) load to exactly what PyTorch had. */
class PyTorchFilesTest {
    @ParameterizedTest
    @ValueSource(strings = {"mlp", "cnn", "lstm", "dtypes", "views", "adam", "steplr", "adam_mlp"})
    void torchSaveFilesLoadAsPyTorchHadThem(String name) throws IOException {
        Map<String, Object> loaded = TorchFiles.load(InteropFixtures.file(name + ".pt"));
        InteropFixtures.assertValue(InteropFixtures.of(name).get("value"), loaded, name);
        InteropFixtures.assertValue(InteropFixtures.of(name).get("value"), Torch.load(InteropFixtures.file(name + ".pt")),
                name + " via Torch.load");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mlp", "dtypes"})
    void safetensorsFilesLoadAsWritten(String name) throws IOException {
        Map<String, Tensor> loaded = Safetensors.load(InteropFixtures.file(name + ".safetensors"));
        Map<String, com.google.gson.JsonObject> expected = InteropFixtures.tensors(
                InteropFixtures.of(name).getAsJsonObject("value"));
        assertEquals(expected.keySet(), loaded.keySet());
        expected.forEach((k, t) -> {
            InteropFixtures.assertBits(t, loaded.get(k), name + "[" + k + "]");
            assertTrue(loaded.get(k).isContiguous());
        });
        assertEquals(expected.keySet(), Torch.load(InteropFixtures.file(name + ".safetensors")).keySet());
    }

    @Test
    void safetensorsMetadata() throws IOException {
        assertEquals(Map.of("format", "pt"), Safetensors.loadMetadata(InteropFixtures.file("mlp.safetensors")));
        assertEquals(Map.of(), Safetensors.loadMetadata(InteropFixtures.file("dtypes.safetensors")));
    }

    @Test
    void viewsShareOneStorageAfterLoading() throws IOException {
        Map<String, Tensor> views = Torch.loadTensors(InteropFixtures.file("views.pt"));
        Tensor base = views.get("base");
        for (String k : List.of("t", "row", "col", "block", "step", "tail")) {
            assertSame(base.storage(), views.get(k).storage(), k);
        }
        base.fill_(-1.0);
        for (String k : List.of("t", "row", "col", "block", "step", "tail")) {
            for (double v : views.get(k).toDoubleArray()) {
                assertEquals(-1.0, v, k);
            }
        }
    }

    @Test
    void optimizerStateKeepsItsPythonTypes() throws IOException {
        Map<String, Object> adam = Torch.load(InteropFixtures.file("adam.pt"));
        Map<?, ?> group = (Map<?, ?>) ((List<?>) adam.get("param_groups")).get(0);
        assertEquals(Tuple.of(0.9, 0.99), group.get("betas"));
        assertTrue(group.get("betas") instanceof Tuple);
        assertEquals(List.of(0L, 1L, 2L, 3L), group.get("params"));
        assertEquals(Boolean.TRUE, group.get("amsgrad"));
        assertEquals(0.0025, group.get("lr"));
        Map<?, ?> state0 = (Map<?, ?>) ((Map<?, ?>) adam.get("state")).get(0L);
        assertEquals(2.0, ((Tensor) state0.get("step")).item());
        assertEquals(List.of("step", "exp_avg", "exp_avg_sq", "max_exp_avg_sq"), List.copyOf(state0.keySet()));
    }

    @Test
    void loadTensorsRefusesAnOptimizerStateDict() {
        SerializationException e = assertThrows(SerializationException.class,
                () -> Torch.loadTensors(InteropFixtures.file("adam.pt")));
        assertTrue(e.getMessage().contains("'state' is not a tensor"), e.getMessage());
    }
}
