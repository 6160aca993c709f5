package org.torch4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.torch4j.Fixtures;
import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.nn.init.FanMode;
import org.torch4j.nn.init.Init;
import org.torch4j.nn.init.Nonlinearity;

/** Layer initialisation after Torch.manualSeed(0), the init functions and calculate_gain against PyTorch. */
class InitParityTest {
    private static final Map<String, Supplier<Module>> LAYERS = new LinkedHashMap<>();
    private static final Map<String, Consumer<Tensor>> FUNCTIONS = new LinkedHashMap<>();

    static {
        LAYERS.put("linear_1_2", () -> new Linear(1, 2));
        LAYERS.put("linear", () -> new Linear(5, 3));
        LAYERS.put("linear_nobias", () -> new Linear(4, 2, false));
        LAYERS.put("bilinear", () -> new Bilinear(2, 3, 4));
        LAYERS.put("conv1d", () -> new Conv1d(2, 4, 3));
        LAYERS.put("conv2d", () -> new Conv2d(3, 4, 3));
        LAYERS.put("conv2d_groups", () -> new Conv2d(new Conv2d.Options(4, 6, 3, 2).groups(2)));
        LAYERS.put("conv_transpose2d", () -> new ConvTranspose2d(3, 2, 3));
        LAYERS.put("conv_transpose2d_groups", () -> new ConvTranspose2d(new ConvTranspose2d.Options(4, 6, 2).groups(2)));
        LAYERS.put("batchnorm2d", () -> new BatchNorm2d(3));
        LAYERS.put("layernorm", () -> new LayerNorm(4));
        LAYERS.put("groupnorm", () -> new GroupNorm(2, 4));
        LAYERS.put("embedding", () -> new Embedding(6, 3));
        LAYERS.put("embedding_padding", () -> new Embedding(6, 3, 2));
        LAYERS.put("rnn", () -> new RNN(new RNN.Options(3, 4).numLayers(2).bidirectional(true)));
        LAYERS.put("lstm", () -> new LSTM(3, 4));
        LAYERS.put("gru", () -> new GRU(new GRU.Options(3, 4).bias(false)));
        LAYERS.put("mha", () -> new MultiheadAttention(4, 2));
        LAYERS.put("mha_bias_kv", () -> new MultiheadAttention(new MultiheadAttention.Options(4, 2).addBiasKv(true)));
        LAYERS.put("mha_kdim_vdim", () -> new MultiheadAttention(new MultiheadAttention.Options(4, 2).kdim(3).vdim(5)));
        LAYERS.put("transformer", () -> new TransformerEncoderLayer(new TransformerEncoderLayer.Options(4, 2)
                .dimFeedforward(8)));
        LAYERS.put("sequential", () -> new Sequential(new Linear(20, 10), new ReLU(), new Linear(10, 3)));

        FUNCTIONS.put("uniform", t -> Init.uniform_(t, -0.5, 2.0));
        FUNCTIONS.put("uniform_default", Init::uniform_);
        FUNCTIONS.put("normal", t -> Init.normal_(t, 0.5, 2.0));
        FUNCTIONS.put("constant", t -> Init.constant_(t, 0.3));
        FUNCTIONS.put("zeros", Init::zeros_);
        FUNCTIONS.put("ones", Init::ones_);
        FUNCTIONS.put("eye", Init::eye_);
        FUNCTIONS.put("xavier_uniform", t -> Init.xavierUniform_(t, 2.0));
        FUNCTIONS.put("xavier_normal", Init::xavierNormal_);
        FUNCTIONS.put("kaiming_uniform", t -> Init.kaimingUniform_(t, 0.1, FanMode.FAN_OUT, Nonlinearity.RELU));
        FUNCTIONS.put("kaiming_uniform_default", Init::kaimingUniform_);
        FUNCTIONS.put("kaiming_normal", Init::kaimingNormal_);
        FUNCTIONS.put("orthogonal", Init::orthogonal_);
        FUNCTIONS.put("orthogonal_tall", t -> Init.orthogonal_(t, 1.5));
        FUNCTIONS.put("orthogonal_3d", Init::orthogonal_);
    }

    @TestFactory
    Stream<DynamicTest> layersInitialiseAsPyTorch() {
        List<DynamicTest> tests = new ArrayList<>();
        NnCases.withPrefix("init/").forEach((name, c) -> tests.add(DynamicTest.dynamicTest(name, () -> {
            Supplier<Module> build = LAYERS.get(name.substring("init/".length()));
            assertNotNull(build, "no Java constructor for " + name);
            Torch.manualSeed(0);
            Map<String, Tensor> actual = build.get().stateDict();
            Map<String, Tensor> expected = NnCases.stateDict(c);
            assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(actual.keySet()), "state_dict keys");
            for (String key : expected.keySet()) {
                Fixtures.assertClose(c.getAsJsonObject("state").get(key), actual.get(key), 1e-6, 1e-7, key);
            }
        })));
        assertEquals(LAYERS.size(), tests.size());
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> initFunctionsMatchPyTorch() {
        List<DynamicTest> tests = new ArrayList<>();
        NnCases.withPrefix("initfn/").forEach((name, c) -> tests.add(DynamicTest.dynamicTest(name, () -> {
            Consumer<Tensor> fn = FUNCTIONS.get(name.substring("initfn/".length()));
            assertNotNull(fn, "no Java init function for " + name);
            int[] shape = NnCases.strings(c.getAsJsonArray("shape")).stream().mapToInt(Integer::parseInt).toArray();
            Torch.manualSeed(0);
            Tensor t = Torch.empty(shape);
            fn.accept(t);
            Fixtures.assertClose(c.get("out"), t, 1e-5, 1e-6, name);
        })));
        assertEquals(FUNCTIONS.size(), tests.size());
        return tests.stream();
    }

    @Test
    void gainsMatchPyTorch() {
        Map<String, Double> actual = new LinkedHashMap<>();
        actual.put("linear", Init.calculateGain(Nonlinearity.LINEAR));
        actual.put("conv2d", Init.calculateGain(Nonlinearity.CONV2D));
        actual.put("sigmoid", Init.calculateGain(Nonlinearity.SIGMOID));
        actual.put("tanh", Init.calculateGain(Nonlinearity.TANH));
        actual.put("relu", Init.calculateGain(Nonlinearity.RELU));
        actual.put("leaky_relu", Init.calculateGain(Nonlinearity.LEAKY_RELU));
        actual.put("leaky_relu_0.2", Init.calculateGain(Nonlinearity.LEAKY_RELU, 0.2));
        actual.put("selu", Init.calculateGain(Nonlinearity.SELU));
        Map<String, JsonObject> cases = NnCases.withPrefix("gain/");
        assertEquals(cases.size(), actual.size());
        actual.forEach((k, v) -> assertEquals(cases.get("gain/" + k).get("value").getAsDouble(), v, 0.0, k));
    }

    @Test
    void orthogonalRowsAreOrthonormal() {
        Tensor w = Torch.tensor(new double[12]).reshape(3, 4);
        Init.orthogonal_(w, 2.0);
        double[] g = w.matmul(w.t()).toDoubleArray();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(i == j ? 4.0 : 0.0, g[i * 3 + j], 1e-12);
            }
        }
        assertTrue(w.abs().sum().item() > 0);
    }
}
