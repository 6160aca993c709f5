package org.torch4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.torch4j.DType;
import org.torch4j.Fixtures;
import org.torch4j.Tensor;
import org.torch4j.Torch;

/**
 * Every layer, activation and loss against real PyTorch (tools/fixtures/gen_nn.py): the module is built as in
 * the generator, loads the fixture's state dict (which also checks the state dict's names and order), runs on
 * the fixture's inputs in train or eval mode, and backpropagates the fixture's upstream gradients; outputs,
 * input and parameter gradients and the buffers afterwards (running statistics) must match.
 */
class LayerParityTest {
    /** How to build a case's module and call it; the result is a Tensor, an RNNOutput or an AttentionOutput. */
    private record Spec(Supplier<? extends Module> build, BiFunction<Module, Tensor[], Object> call) {
    }

    private static final Map<String, Spec> SPECS = new LinkedHashMap<>();

    private static void unary(String name, Supplier<? extends Module> build) {
        SPECS.put(name, new Spec(build, (m, x) -> m.forward(x[0])));
    }

    @SuppressWarnings("unchecked")
    private static <M extends Module> void call(String name, Supplier<M> build, BiFunction<M, Tensor[], Object> call) {
        SPECS.put(name, new Spec(build, (m, x) -> call.apply((M) m, x)));
    }

    static {
        unary("linear/2d", () -> new Linear(3, 4));
        unary("linear/3d", () -> new Linear(3, 4));
        unary("linear/1d_nobias", () -> new Linear(3, 4, false));
        call("bilinear", () -> new Bilinear(2, 3, 4), (m, x) -> m.forward(x[0], x[1]));
        unary("identity", Identity::new);
        unary("flatten", Flatten::new);
        unary("flatten/0_1", () -> new Flatten(0, 1));

        unary("conv1d/stride_pad", () -> new Conv1d(new Conv1d.Options(2, 4, 3).stride(2).padding(1)));
        unary("conv1d/groups_dilation", () -> new Conv1d(new Conv1d.Options(4, 2, 2).dilation(2).groups(2)));
        unary("conv1d/unbatched", () -> new Conv1d(2, 3, 3));
        unary("conv2d/basic", () -> new Conv2d(3, 4, 3));
        unary("conv2d/full", () -> new Conv2d(new Conv2d.Options(4, 6, 3, 2).stride(2, 1).padding(1, 2).dilation(2, 1)
                .groups(2)));
        unary("conv2d/1x1", () -> new Conv2d(new Conv2d.Options(3, 2, 1).bias(false)));
        unary("conv2d/unbatched", () -> new Conv2d(new Conv2d.Options(3, 2, 3).padding(1)));
        unary("conv2d/depthwise_stride", () -> new Conv2d(new Conv2d.Options(3, 3, 3).stride(2).padding(1).groups(3)));
        unary("conv_transpose2d/basic", () -> new ConvTranspose2d(new ConvTranspose2d.Options(3, 2, 3).stride(2).padding(1)
                .outputPadding(1)));
        unary("conv_transpose2d/groups_dilation", () -> new ConvTranspose2d(new ConvTranspose2d.Options(4, 6, 3, 2)
                .stride(2, 1).padding(0, 1).groups(2).dilation(1, 2)));
        unary("conv_transpose2d/output_padding", () -> new ConvTranspose2d(new ConvTranspose2d.Options(2, 2, 2).stride(3)
                .outputPadding(2)));
        unary("conv_transpose2d/unbatched", () -> new ConvTranspose2d(2, 2, 3));

        unary("maxpool2d/2", () -> new MaxPool2d(2));
        unary("maxpool2d/3_2_1", () -> new MaxPool2d(new MaxPool2d.Options(3).stride(2).padding(1)));
        unary("maxpool2d/dilation_ceil", () -> new MaxPool2d(new MaxPool2d.Options(2).stride(2).dilation(2).ceilMode(true)));
        unary("maxpool2d/ceil_pad", () -> new MaxPool2d(new MaxPool2d.Options(3).stride(2).padding(1).ceilMode(true)));
        unary("maxpool2d/unbatched", () -> new MaxPool2d(new MaxPool2d.Options(2, 3)));
        unary("avgpool2d/2", () -> new AvgPool2d(2));
        unary("avgpool2d/3_2_1", () -> new AvgPool2d(new AvgPool2d.Options(3).stride(2).padding(1)));
        unary("avgpool2d/exclude_pad", () -> new AvgPool2d(new AvgPool2d.Options(3).stride(2).padding(1)
                .countIncludePad(false)));
        unary("avgpool2d/ceil", () -> new AvgPool2d(new AvgPool2d.Options(3).stride(2).padding(1).ceilMode(true)));
        unary("avgpool2d/ceil_exclude", () -> new AvgPool2d(new AvgPool2d.Options(3).stride(2).padding(1).ceilMode(true)
                .countIncludePad(false)));
        unary("avgpool2d/divisor", () -> new AvgPool2d(new AvgPool2d.Options(2).divisorOverride(3)));
        unary("adaptive_avgpool2d/2x3", () -> new AdaptiveAvgPool2d(2, 3));
        unary("adaptive_avgpool2d/1", () -> new AdaptiveAvgPool2d(1));
        unary("adaptive_avgpool2d/upsample", () -> new AdaptiveAvgPool2d(3, 4));

        for (String mode : new String[] {"train", "eval"}) {
            unary("batchnorm1d/2d/" + mode, () -> new BatchNorm1d(3));
            unary("batchnorm1d/3d/" + mode, () -> new BatchNorm1d(3));
            unary("batchnorm2d/" + mode, () -> new BatchNorm2d(3));
            unary("batchnorm2d/no_stats/" + mode, () -> new BatchNorm2d(new BatchNorm.Options(3).affine(false)
                    .trackRunningStats(false)));
            unary("dropout/" + mode, () -> new Dropout(0.3));
        }
        unary("batchnorm2d/cumulative/train", () -> new BatchNorm2d(new BatchNorm.Options(3).momentum(null).eps(1e-3)));
        unary("layernorm/last", () -> new LayerNorm(4));
        unary("layernorm/two_dims", () -> new LayerNorm(new int[] {3, 4}, 1e-3, true));
        unary("layernorm/no_affine", () -> new LayerNorm(new int[] {4}, 1e-5, false));
        unary("groupnorm/2d", () -> new GroupNorm(2, 4));
        unary("groupnorm/1d", () -> new GroupNorm(3, 6, 1e-3, true));
        unary("dropout/p1", () -> new Dropout(1.0));
        unary("embedding/plain", () -> new Embedding(10, 3));
        unary("embedding/padding", () -> new Embedding(10, 3, 1));
        unary("embedding/padding_negative", () -> new Embedding(10, 3, -1));

        call("rnn/basic", () -> new RNN(3, 3), (m, x) -> m.forward(x[0], x[1]));
        call("rnn/relu_deep_bi_batch_first", () -> new RNN(new RNN.Options(3, 3).numLayers(2).nonlinearity("relu")
                .bidirectional(true).batchFirst(true)), (m, x) -> m.forward(x[0], x[1]));
        call("rnn/unbatched_nobias", () -> new RNN(new RNN.Options(3, 3).bias(false)), (m, x) -> m.forward(x[0], null));
        call("rnn/dropout/train", () -> new RNN(new RNN.Options(3, 3).numLayers(2).dropout(0.4)),
                (m, x) -> m.forward(x[0], null));
        call("lstm/basic", () -> new LSTM(3, 3), (m, x) -> m.forward(x[0], x[1], x[2]));
        call("lstm/deep_bi_batch_first", () -> new LSTM(new LSTM.Options(3, 3).numLayers(2).bidirectional(true)
                .batchFirst(true)), (m, x) -> m.forward(x[0], x[1], x[2]));
        call("lstm/unbatched", () -> new LSTM(3, 3), (m, x) -> m.forward(x[0], null, null));
        call("gru/basic", () -> new GRU(3, 3), (m, x) -> m.forward(x[0], x[1]));
        call("gru/deep_bi", () -> new GRU(new GRU.Options(3, 3).numLayers(2).bidirectional(true)),
                (m, x) -> m.forward(x[0], x[1]));
        call("gru/batch_first_nobias", () -> new GRU(new GRU.Options(3, 3).batchFirst(true).bias(false)),
                (m, x) -> m.forward(x[0], null));

        call("mha/self", () -> new MultiheadAttention(4, 2), (m, x) -> m.forward(x[0], x[0], x[0]));
        call("mha/masks", () -> new MultiheadAttention(4, 2), (m, x) -> m.forward(x[0], x[1], x[2], x[3], true, x[4], true));
        call("mha/float_mask_kv_same", () -> new MultiheadAttention(4, 2),
                (m, x) -> m.forward(x[0], x[1], x[1], x[2], true, x[3], true));
        call("mha/batch_first_per_head", () -> new MultiheadAttention(new MultiheadAttention.Options(4, 2).batchFirst(true)),
                (m, x) -> m.forward(x[0], x[1], x[1], null, true, null, false));
        call("mha/unbatched_no_weights", () -> new MultiheadAttention(4, 4),
                (m, x) -> m.forward(x[0], x[0], x[0], null, false, null, true));
        call("mha/bias_kv_zero_attn", () -> new MultiheadAttention(new MultiheadAttention.Options(4, 2).addBiasKv(true)
                .addZeroAttn(true)), (m, x) -> m.forward(x[0], x[1], x[2], x[3], true, null, true));
        call("mha/kdim_vdim_nobias", () -> new MultiheadAttention(new MultiheadAttention.Options(4, 2).kdim(3).vdim(5)
                .bias(false)), (m, x) -> m.forward(x[0], x[1], x[2]));
        unary("transformer/post_norm/train", () -> new TransformerEncoderLayer(new TransformerEncoderLayer.Options(4, 2)
                .dimFeedforward(8).dropout(0.0)));
        call("transformer/pre_norm_gelu_batch_first/train", () -> new TransformerEncoderLayer(
                new TransformerEncoderLayer.Options(4, 2).dimFeedforward(6).dropout(0.0).activation("gelu").normFirst(true)
                        .batchFirst(true)), (m, x) -> m.forward(x[0], null, x[1]));
        call("transformer/post_norm/eval", () -> new TransformerEncoderLayer(new TransformerEncoderLayer.Options(4, 2)
                .dimFeedforward(8)), (m, x) -> m.forward(x[0], x[1], null));

        unary("activation/relu", ReLU::new);
        unary("activation/leaky_relu", () -> new LeakyReLU(0.2));
        unary("activation/leaky_relu_default", LeakyReLU::new);
        unary("activation/elu", () -> new ELU(0.7));
        unary("activation/elu_default", ELU::new);
        unary("activation/gelu", GELU::new);
        unary("activation/gelu_tanh", () -> new GELU("tanh"));
        unary("activation/silu", SiLU::new);
        unary("activation/sigmoid", Sigmoid::new);
        unary("activation/tanh", Tanh::new);
        unary("activation/softmax", () -> new Softmax(1));
        unary("activation/softmax_dim0", () -> new Softmax(0));
        unary("activation/log_softmax", () -> new LogSoftmax(-1));
        unary("activation/log_softmax_3d", () -> new LogSoftmax(1));
        unary("activation/softplus", Softplus::new);
        unary("activation/softplus_beta", () -> new Softplus(2, 1));
        unary("activation/hardtanh", Hardtanh::new);
        unary("activation/hardtanh_range", () -> new Hardtanh(-0.5, 2.0));

        Map<String, Function<Reduction, Loss>> losses = new LinkedHashMap<>();
        losses.put("mse", MSELoss::new);
        losses.put("l1", L1Loss::new);
        losses.put("smooth_l1", r -> new SmoothL1Loss(new SmoothL1Loss.Options().reduction(r).beta(0.5)));
        losses.put("smooth_l1_beta0", r -> new SmoothL1Loss(new SmoothL1Loss.Options().reduction(r).beta(0.0)));
        losses.put("huber", r -> new HuberLoss(new HuberLoss.Options().reduction(r).delta(0.7)));
        losses.put("bce", r -> new BCELoss(new BCELoss.Options().reduction(r)));
        losses.put("bce_weight", r -> new BCELoss(new BCELoss.Options().reduction(r).weight(Torch.ones(5))));
        losses.put("bce_logits", r -> new BCEWithLogitsLoss(new BCEWithLogitsLoss.Options().reduction(r)));
        losses.put("bce_logits_weights", r -> new BCEWithLogitsLoss(new BCEWithLogitsLoss.Options().reduction(r)
                .weight(Torch.ones(5)).posWeight(Torch.ones(5))));
        losses.put("cross_entropy", r -> new CrossEntropyLoss(new CrossEntropyLoss.Options().reduction(r)));
        losses.put("cross_entropy_nd", r -> new CrossEntropyLoss(new CrossEntropyLoss.Options().reduction(r)));
        losses.put("cross_entropy_unbatched", r -> new CrossEntropyLoss(new CrossEntropyLoss.Options().reduction(r)));
        losses.put("cross_entropy_probs", r -> new CrossEntropyLoss(new CrossEntropyLoss.Options().reduction(r)));
        losses.put("cross_entropy_weight_ignore", r -> new CrossEntropyLoss(new CrossEntropyLoss.Options().reduction(r)
                .weight(Torch.ones(5)).ignoreIndex(2)));
        losses.put("cross_entropy_smoothing", r -> new CrossEntropyLoss(new CrossEntropyLoss.Options().reduction(r)
                .ignoreIndex(2).labelSmoothing(0.1)));
        losses.put("cross_entropy_smoothing_weight", r -> new CrossEntropyLoss(new CrossEntropyLoss.Options().reduction(r)
                .weight(Torch.ones(5)).ignoreIndex(2).labelSmoothing(0.2)));
        losses.put("cross_entropy_probs_weight_smoothing", r -> new CrossEntropyLoss(new CrossEntropyLoss.Options()
                .reduction(r).weight(Torch.ones(5)).labelSmoothing(0.3)));
        losses.put("nll", r -> new NLLLoss(new NLLLoss.Options().reduction(r)));
        losses.put("nll_4d", r -> new NLLLoss(new NLLLoss.Options().reduction(r)));
        losses.put("nll_weight_ignore", r -> new NLLLoss(new NLLLoss.Options().reduction(r).weight(Torch.ones(5))
                .ignoreIndex(1)));
        losses.put("kl_div", r -> new KLDivLoss(new KLDivLoss.Options().reduction(r)));
        losses.put("kl_div_log_target", r -> new KLDivLoss(new KLDivLoss.Options().reduction(r).logTarget(true)));
        for (Map.Entry<String, Function<Reduction, Loss>> e : losses.entrySet()) {
            for (Reduction r : Reduction.values()) {
                call("loss/" + e.getKey() + "/" + r.pythonName(), () -> e.getValue().apply(r), (m, x) -> m.forward(x[0], x[1]));
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> layersMatchPyTorch() {
        List<DynamicTest> tests = new ArrayList<>();
        NnCases.ALL.forEach((name, c) -> {
            if (c.has("inputs")) {
                tests.add(DynamicTest.dynamicTest(name, () -> check(name, c)));
            }
        });
        return tests.stream();
    }

    private static void check(String name, JsonObject c) {
        Spec spec = SPECS.get(name);
        assertNotNull(spec, "no Java spec for fixture case " + name);
        Module m = spec.build().get();
        m.train(c.get("train").getAsBoolean());
        assertEquals(NnCases.strings(c.getAsJsonArray("keys")), new ArrayList<>(m.stateDict().keySet()), "state_dict keys");
        m.loadStateDict(NnCases.stateDict(c));

        JsonArray inputsJson = c.getAsJsonArray("inputs");
        JsonArray requiresGrad = c.getAsJsonArray("requires_grad");
        Tensor[] inputs = new Tensor[inputsJson.size()];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = Fixtures.tensor(inputsJson.get(i));
            if (requiresGrad.get(i).getAsBoolean()) {
                inputs[i].requiresGrad_(true);
            }
        }
        if (!c.get("seed").isJsonNull()) {
            Torch.manualSeed(c.get("seed").getAsLong());
        }
        List<Tensor> outputs = flatten(spec.call().apply(m, inputs));
        JsonArray expectedOutputs = c.getAsJsonArray("outputs");
        JsonArray gradOutputs = c.getAsJsonArray("grad_outputs");
        assertEquals(expectedOutputs.size(), outputs.size(), "number of outputs");
        Tensor loss = null;
        for (int i = 0; i < outputs.size(); i++) {
            NnCases.assertClose(expectedOutputs.get(i), outputs.get(i), "output " + i);
            if (outputs.get(i).requiresGrad()) {
                Tensor term = outputs.get(i).mul(Fixtures.tensor(gradOutputs.get(i))).sum();
                loss = loss == null ? term : loss.add(term);
            }
        }
        if (loss != null) {
            loss.backward();
        }
        JsonArray gradInputs = c.getAsJsonArray("grad_inputs");
        for (int i = 0; i < inputs.length; i++) {
            JsonElement expected = gradInputs.get(i);
            if (expected.isJsonNull()) {
                assertNull(inputs[i].grad(), "grad of input " + i);
            } else {
                assertNotNull(inputs[i].grad(), "grad of input " + i);
                NnCases.assertClose(expected, inputs[i].grad(), "grad of input " + i);
            }
        }
        JsonObject gradParams = c.getAsJsonObject("grad_params");
        for (Map.Entry<String, Tensor> p : m.namedParameters().entrySet()) {
            assertTrue(gradParams.has(p.getKey()) == (p.getValue().grad() != null), "grad presence of " + p.getKey());
            if (gradParams.has(p.getKey())) {
                NnCases.assertClose(gradParams.get(p.getKey()), p.getValue().grad(), "grad of " + p.getKey());
            }
        }
        JsonObject buffers = c.getAsJsonObject("buffers_after");
        Map<String, Tensor> actualBuffers = m.namedBuffers();
        assertEquals(buffers.keySet(), actualBuffers.keySet(), "buffers");
        for (String b : buffers.keySet()) {
            NnCases.assertClose(buffers.get(b), actualBuffers.get(b), "buffer " + b);
        }
    }

    /** The tensors of a module's result in PyTorch's order, leaving out absent ones (as the generator does). */
    private static List<Tensor> flatten(Object result) {
        List<Tensor> out = new ArrayList<>();
        if (result instanceof Tensor) {
            out.add((Tensor) result);
        } else if (result instanceof RNNOutput) {
            RNNOutput r = (RNNOutput) result;
            out.add(r.output());
            out.add(r.hN());
            if (r.cN() != null) {
                out.add(r.cN());
            }
        } else {
            AttentionOutput a = (AttentionOutput) result;
            out.add(a.output());
            if (a.weights() != null) {
                out.add(a.weights());
            }
        }
        return out;
    }

    /** PyTorch 1.13 divides by a negative divisor_override too (avg_pool2d(x, 2, divisor_override=-2)). */
    @Test
    void negativeDivisorOverrideDivides() {
        Tensor x = Torch.arange(16).to(DType.FLOAT32).view(1, 4, 4);
        Tensor y = new AvgPool2d(new AvgPool2d.Options(2).divisorOverride(-2)).forward(x);
        assertArrayEquals(new float[] {-5f, -9f, -21f, -25f}, y.toFloatArray());
    }
}
