package org.torch4j.serialization;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.Torch;

/**
 * Writes files for PyTorch to read: every PyTorch fixture loaded and saved again by torch4j, and custom.pt built
 * here. They land in the folder named by the system property {@code torch4j.interop.out} (default
 * target/interop-out), where {@code /usr/bin/python3 tools/fixtures/gen_interop.py --check DIR} reads them with
 * the real torch.load (not in CI). Here, torch4j reads them back and finds what PyTorch wrote.
 */
class InteropWriteTest {
    static final List<String> TORCH_FILES = List.of("mlp", "cnn", "lstm", "dtypes", "views", "adam", "steplr", "adam_mlp");
    static final List<String> SAFETENSORS_FILES = List.of("mlp", "dtypes");

    @Test
    void resavedPyTorchFilesHoldWhatPyTorchWrote() throws IOException {
        Path out = InteropFixtures.outputFolder();
        for (String name : TORCH_FILES) {
            Path file = out.resolve(name + ".pt");
            Torch.save(TorchFiles.load(InteropFixtures.file(name + ".pt")), file);
            InteropFixtures.assertValue(InteropFixtures.of(name).get("value"), Torch.load(file), "resaved " + name);
        }
        for (String name : SAFETENSORS_FILES) {
            Path source = InteropFixtures.file(name + ".safetensors");
            Path file = out.resolve(name + ".safetensors");
            Safetensors.save(Safetensors.load(source), Safetensors.loadMetadata(source), file);
            Map<String, Tensor> back = Safetensors.load(file);
            InteropFixtures.tensors(InteropFixtures.of(name).getAsJsonObject("value"))
                    .forEach((k, t) -> InteropFixtures.assertBits(t, back.get(k), "resaved " + name + "[" + k + "]"));
        }
    }

    /** What gen_interop.custom_value() builds in Python (keep both in step). */
    static Map<String, Object> custom() {
        Tensor base = Torch.arange(12.0).toDouble().reshape(3, 4);
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("step", Torch.scalarTensor(2.0));
        first.put("ids", List.of(1, 2, 3));
        Map<Object, Object> nested = new LinkedHashMap<>();
        nested.put(0L, first);
        nested.put(1L, Map.of());
        Map<String, Object> sd = new LinkedHashMap<>();
        sd.put("weights", base);
        sd.put("weights_t", base.t());
        sd.put("row", base.select(0, 2));
        sd.put("flags", Torch.tensor(new boolean[] {true, false}));
        sd.put("grad", Torch.tensor(new float[] {1.5f, -2.0f}).requiresGrad_());
        sd.put("count", 7);
        sd.put("big", -(1L << 40));
        sd.put("ratio", 0.25);
        sd.put("name", "torch4j");
        sd.put("none", null);
        sd.put("yes", true);
        sd.put("betas", Tuple.of(0.9, 0.999));
        sd.put("nested", nested);
        sd.put("dtype", DType.INT32);
        return sd;
    }

    @Test
    void customValuesForPython() throws IOException {
        Path file = InteropFixtures.outputFolder().resolve("custom.pt");
        Torch.save(custom(), file);
        Map<String, Object> back = Torch.load(file);
        org.junit.jupiter.api.Assertions.assertEquals(List.copyOf(custom().keySet()), List.copyOf(back.keySet()));
        org.junit.jupiter.api.Assertions.assertEquals(Tuple.of(0.9, 0.999), back.get("betas"));
    }
}
