package org.torch4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.TensorOptions;
import org.torch4j.Torch;
import org.torch4j.nn.functional.F;
import org.torch4j.nn.init.Init;
import org.torch4j.nn.utils.ClipGrad;

/** Module reprs, state_dict naming and loading errors, and the messages for bad input, against PyTorch. */
class ReprAndErrorParityTest {
    /** PyTorch's two-layer example module of the design document. */
    static final class Net extends Module {
        final Linear fc1 = registerModule("fc1", new Linear(1, 2));
        final Linear fc2 = registerModule("fc2", new Linear(2, 1));

        @Override
        public Tensor forward(Tensor x) {
            return fc2.forward(Torch.sigmoid(fc1.forward(x)));
        }
    }

    private static final Map<String, Supplier<Module>> REPRS = new LinkedHashMap<>();
    private static final Map<String, Executable> ERRORS = new LinkedHashMap<>();

    static {
        REPRS.put("tutorial", () -> new Sequential(new Linear(1000, 100), new ReLU(), new Linear(100, 10)));
        REPRS.put("module_list", () -> new ModuleList(new Linear(2, 2), new ReLU()));
        REPRS.put("module_dict", () -> new ModuleDict().put("a", new Linear(2, 2)).put("b", new Sequential(new Tanh(),
                new Identity())));
        REPRS.put("net", Net::new);
        REPRS.put("conv", () -> new Conv2d(new Conv2d.Options(3, 16, 3).stride(2).padding(1)));
        REPRS.put("conv_full", () -> new Conv2d(new Conv2d.Options(4, 4, 3, 2).groups(2).dilation(2).bias(false)));
        REPRS.put("conv1d", () -> new Conv1d(2, 3, 3));
        REPRS.put("conv_transpose", () -> new ConvTranspose2d(new ConvTranspose2d.Options(3, 2, 3).stride(2).outputPadding(1)));
        REPRS.put("maxpool", () -> new MaxPool2d(2));
        REPRS.put("maxpool_full", () -> new MaxPool2d(new MaxPool2d.Options(3).stride(2).padding(1)));
        REPRS.put("maxpool_tuple", () -> new MaxPool2d(new MaxPool2d.Options(2, 3)));
        REPRS.put("avgpool", () -> new AvgPool2d(new AvgPool2d.Options(3).stride(2).padding(1)));
        REPRS.put("adaptive", () -> new AdaptiveAvgPool2d(1, 1));
        REPRS.put("adaptive_int", () -> new AdaptiveAvgPool2d(5));
        REPRS.put("bn", () -> new BatchNorm2d(3));
        REPRS.put("bn_none", () -> new BatchNorm1d(new BatchNorm.Options(3).momentum(null).affine(false)
                .trackRunningStats(false).eps(1e-3)));
        REPRS.put("ln", () -> new LayerNorm(4));
        REPRS.put("ln_2", () -> new LayerNorm(new int[] {2, 3}, 1e-5, false));
        REPRS.put("gn", () -> new GroupNorm(2, 4));
        REPRS.put("dropout", Dropout::new);
        REPRS.put("dropout_0.2", () -> new Dropout(0.2));
        REPRS.put("embedding", () -> new Embedding(10, 3, 0));
        REPRS.put("embedding_plain", () -> new Embedding(10, 3));
        REPRS.put("rnn", () -> new RNN(2, 3));
        REPRS.put("lstm", () -> new LSTM(new LSTM.Options(2, 3).numLayers(2).batchFirst(true).bidirectional(true)));
        REPRS.put("gru", () -> new GRU(new GRU.Options(2, 3).numLayers(2).dropout(0.5).bias(false)));
        REPRS.put("mha", () -> new MultiheadAttention(4, 2));
        REPRS.put("transformer", () -> new TransformerEncoderLayer(new TransformerEncoderLayer.Options(4, 2)
                .dimFeedforward(8)));
        REPRS.put("identity", Identity::new);
        REPRS.put("flatten", Flatten::new);
        REPRS.put("bilinear", () -> new Bilinear(2, 3, 4));
        REPRS.put("relu", ReLU::new);
        REPRS.put("leaky_relu", LeakyReLU::new);
        REPRS.put("leaky_relu_0.2", () -> new LeakyReLU(0.2));
        REPRS.put("elu", ELU::new);
        REPRS.put("elu_0.5", () -> new ELU(0.5));
        REPRS.put("gelu", GELU::new);
        REPRS.put("gelu_tanh", () -> new GELU("tanh"));
        REPRS.put("silu", SiLU::new);
        REPRS.put("sigmoid", Sigmoid::new);
        REPRS.put("tanh", Tanh::new);
        REPRS.put("softmax", () -> new Softmax(1));
        REPRS.put("log_softmax", () -> new LogSoftmax(1));
        REPRS.put("softplus", Softplus::new);
        REPRS.put("softplus_2_10", () -> new Softplus(2, 10));
        REPRS.put("softplus_0.5_2.5", () -> new Softplus(0.5, 2.5));
        REPRS.put("hardtanh", Hardtanh::new);
        REPRS.put("hardtanh_float", () -> new Hardtanh(-2.0, 3.0));
        REPRS.put("mse", MSELoss::new);
        REPRS.put("l1", L1Loss::new);
        REPRS.put("smooth_l1", SmoothL1Loss::new);
        REPRS.put("huber", HuberLoss::new);
        REPRS.put("bce", BCELoss::new);
        REPRS.put("bce_logits", BCEWithLogitsLoss::new);
        REPRS.put("cross_entropy", CrossEntropyLoss::new);
        REPRS.put("nll", NLLLoss::new);
        REPRS.put("kl_div", KLDivLoss::new);
        REPRS.put("nested", () -> new Sequential(new Sequential(new Linear(2, 3), new ReLU()), new ModuleList(new Tanh())));

        Tensor x = Torch.zeros(1, 3, 4, 4);
        ERRORS.put("linear_2d", () -> new Linear(4, 5).forward(Torch.zeros(2, 3)));
        ERRORS.put("linear_1d", () -> new Linear(4, 5).forward(Torch.zeros(3)));
        ERRORS.put("linear_3d", () -> new Linear(4, 5).forward(Torch.zeros(2, 3, 3)));
        ERRORS.put("conv2d_channels", () -> new Conv2d(3, 16, 3).forward(Torch.zeros(1, 4, 8, 8)));
        ERRORS.put("conv2d_channels_unbatched", () -> new Conv2d(3, 16, 3).forward(Torch.zeros(4, 8, 8)));
        ERRORS.put("conv2d_rank", () -> new Conv2d(3, 16, 3).forward(Torch.zeros(8, 8)));
        ERRORS.put("conv1d_channels", () -> new Conv1d(3, 16, 3).forward(Torch.zeros(1, 4, 8)));
        ERRORS.put("conv2d_kernel_too_big", () -> new Conv2d(3, 16, 5).forward(Torch.zeros(1, 3, 3, 3)));
        ERRORS.put("conv1d_kernel_too_big", () -> F.conv1d(Torch.zeros(1, 3, 2), Torch.zeros(2, 3, 5), null));
        ERRORS.put("conv2d_bias", () -> F.conv2d(x, Torch.zeros(2, 3, 3, 3), Torch.zeros(3)));
        ERRORS.put("conv2d_groups_weight", () -> F.conv2d(x, Torch.zeros(3, 1, 3, 3), null, new int[] {1}, new int[] {0},
                new int[] {1}, 2));
        ERRORS.put("conv2d_stride", () -> F.conv2d(x, Torch.zeros(2, 3, 3, 3), null, new int[] {0}, new int[] {0},
                new int[] {1}, 1));
        ERRORS.put("conv2d_padding", () -> F.conv2d(x, Torch.zeros(2, 3, 3, 3), null, new int[] {1}, new int[] {-1},
                new int[] {1}, 1));
        ERRORS.put("conv_groups_in", () -> new Conv2d(new Conv2d.Options(3, 4, 3).groups(2)));
        ERRORS.put("conv_groups_out", () -> new Conv2d(new Conv2d.Options(4, 3, 3).groups(2)));
        ERRORS.put("conv_transpose_channels", () -> F.convTranspose2d(x, Torch.zeros(4, 2, 3, 3), null));
        ERRORS.put("conv_transpose_output_padding", () -> F.convTranspose2d(x, Torch.zeros(3, 2, 3, 3), null,
                new int[] {2}, new int[] {0}, new int[] {2}, 1, new int[] {1}));
        ERRORS.put("conv_transpose_rank", () -> F.convTranspose2d(Torch.zeros(4, 4), Torch.zeros(3, 2, 3, 3), null));
        ERRORS.put("maxpool_pad", () -> F.maxPool2d(x, new int[] {3}, null, new int[] {2}, new int[] {1}, false));
        ERRORS.put("avgpool_pad", () -> F.avgPool2d(x, new int[] {3}, null, new int[] {2}, false, true, null));
        ERRORS.put("maxpool_rank", () -> F.maxPool2d(Torch.zeros(4, 4), 2));
        ERRORS.put("maxpool_too_small", () -> F.maxPool2d(Torch.zeros(1, 3, 2, 2), 3));
        ERRORS.put("avgpool_too_small", () -> F.avgPool2d(Torch.zeros(1, 3, 2, 2), 3));
        ERRORS.put("adaptive_rank", () -> F.adaptiveAvgPool2d(Torch.zeros(4, 4), 2));
        ERRORS.put("layer_norm_shape", () -> F.layerNorm(Torch.zeros(2, 3), new int[] {4}));
        ERRORS.put("group_norm_channels", () -> F.groupNorm(Torch.zeros(2, 3, 4), 2));
        ERRORS.put("group_norm_ctor", () -> new GroupNorm(2, 3));
        ERRORS.put("batch_norm_one_value", () -> new BatchNorm1d(3).forward(Torch.zeros(1, 3)));
        ERRORS.put("batch_norm_running", () -> F.batchNorm(Torch.zeros(2, 3), Torch.zeros(4), Torch.ones(4), null, null,
                true, 0.1, 1e-5));
        ERRORS.put("batch_norm2d_rank", () -> new BatchNorm2d(3).forward(Torch.zeros(2, 3, 4)));
        ERRORS.put("batch_norm1d_rank", () -> new BatchNorm1d(3).forward(Torch.zeros(2, 3, 4, 4)));
        ERRORS.put("dropout_p", () -> new Dropout(1.5));
        ERRORS.put("embedding_dtype", () -> F.embedding(Torch.tensor(new float[] {0.5f}), Torch.zeros(3, 2)));
        ERRORS.put("embedding_padding_idx", () -> new Embedding(3, 2, 3));
        ERRORS.put("bilinear_in1", () -> F.bilinear(Torch.zeros(2, 3), Torch.zeros(2, 3), Torch.zeros(4, 2, 3), null));
        ERRORS.put("bilinear_in2", () -> F.bilinear(Torch.zeros(2, 2), Torch.zeros(2, 4), Torch.zeros(4, 2, 3), null));
        ERRORS.put("bilinear_batch", () -> F.bilinear(Torch.zeros(2, 2), Torch.zeros(3, 3), Torch.zeros(4, 2, 3), null));
        ERRORS.put("rnn_input_size", () -> new RNN(2, 3).forward(Torch.zeros(5, 1, 4)));
        ERRORS.put("rnn_hidden_size", () -> new RNN(2, 3).forward(Torch.zeros(5, 1, 2), Torch.zeros(2, 1, 3)));
        ERRORS.put("lstm_cell_size", () -> new LSTM(2, 3).forward(Torch.zeros(5, 1, 2), Torch.zeros(1, 1, 3),
                Torch.zeros(2, 1, 3)));
        ERRORS.put("rnn_unbatched_hx", () -> new RNN(2, 3).forward(Torch.zeros(5, 2), Torch.zeros(1, 1, 3)));
        ERRORS.put("rnn_rank", () -> new RNN(2, 3).forward(Torch.zeros(5, 1, 2, 1)));
        ERRORS.put("pad_odd", () -> F.pad(Torch.zeros(2, 3), 1));
        ERRORS.put("pad_too_long", () -> F.pad(Torch.zeros(2, 3), 1, 1, 1, 1, 1, 1));
        ERRORS.put("mha_heads", () -> new MultiheadAttention(5, 2));
        ERRORS.put("mha_embed", () -> new MultiheadAttention(4, 2).forward(Torch.zeros(3, 1, 5), Torch.zeros(3, 1, 5),
                Torch.zeros(3, 1, 5)));
        ERRORS.put("mse_reduction", () -> new MSELoss(Reduction.BATCHMEAN));
        ERRORS.put("ce_target_range", () -> F.crossEntropy(Torch.zeros(3, 2), Torch.tensor(new long[] {0, 5, 1})));
        ERRORS.put("ce_target_negative", () -> F.crossEntropy(Torch.zeros(3, 2), Torch.tensor(new long[] {0, 1, -1})));
        ERRORS.put("ce_batch", () -> F.crossEntropy(Torch.zeros(3, 2), Torch.tensor(new long[] {0, 1})));
        ERRORS.put("ce_weight", () -> F.crossEntropy(Torch.zeros(3, 2), Torch.tensor(new long[] {0, 1, 1}), Torch.ones(3),
                F.DEFAULT_IGNORE_INDEX, Reduction.MEAN, 0.0));
        ERRORS.put("ce_nd_target", () -> F.crossEntropy(Torch.zeros(3, 2, 4), Torch.zeros(new int[] {3, 3},
                TensorOptions.ofDType(DType.INT64))));
        ERRORS.put("ce_prob_dtype", () -> F.crossEntropy(Torch.zeros(3, 2), Torch.ones(new int[] {3, 2},
                TensorOptions.ofDType(DType.INT64))));
        ERRORS.put("ce_smoothing", () -> F.crossEntropy(Torch.zeros(3, 2), Torch.tensor(new long[] {0, 1, 1}), null,
                F.DEFAULT_IGNORE_INDEX, Reduction.MEAN, 1.5));
        ERRORS.put("nll_int_target", () -> F.nllLoss(Torch.zeros(3, 2), Torch.tensor(new int[] {0, 1, 1})));
        ERRORS.put("bce_range", () -> F.binaryCrossEntropy(Torch.tensor(new float[] {0.5f, 2f}), Torch.tensor(new float[] {0f, 1f})));
        ERRORS.put("bce_shape", () -> F.binaryCrossEntropy(Torch.tensor(new float[] {0.5f, 0.2f}),
                Torch.tensor(new float[][] {{0f, 1f}})));
        ERRORS.put("bce_logits_shape", () -> F.binaryCrossEntropyWithLogits(Torch.tensor(new float[] {0.5f, 0.2f}),
                Torch.tensor(new float[][] {{0f, 1f}})));
        ERRORS.put("smooth_l1_beta", () -> F.smoothL1Loss(Torch.zeros(2, 3), Torch.zeros(2, 3), Reduction.MEAN, -1));
        ERRORS.put("huber_delta", () -> F.huberLoss(Torch.zeros(2, 3), Torch.zeros(2, 3), Reduction.MEAN, 0));
        ERRORS.put("init_fan", () -> Init.xavierUniform_(Torch.zeros(3)));
        ERRORS.put("init_eye", () -> Init.eye_(Torch.zeros(2, 2, 2)));
        ERRORS.put("init_orthogonal", () -> Init.orthogonal_(Torch.zeros(3)));
        ERRORS.put("forward_missing", () -> new ModuleList().forward(Torch.zeros(1)));
        ERRORS.put("sequential_index", () -> new Sequential(new ReLU()).get(3));
        ERRORS.put("register_dot", () -> new Identity().registerParameter("a.b", null));
        ERRORS.put("register_empty", () -> new Identity().registerBuffer("", null));
        ERRORS.put("clip_nonfinite", () -> {
            Tensor p = Torch.zeros(2).requiresGrad_();
            p.setGrad(Torch.tensor(new float[] {1f, Float.POSITIVE_INFINITY}));
            ClipGrad.clipGradNorm_(List.of(p), 1.0, 2.0, true);
        });
    }

    @TestFactory
    Stream<DynamicTest> reprsMatchPyTorch() {
        List<DynamicTest> tests = new ArrayList<>();
        NnCases.withPrefix("repr/").forEach((name, c) -> tests.add(DynamicTest.dynamicTest(name, () -> {
            Supplier<Module> build = REPRS.get(name.substring("repr/".length()));
            assertNotNull(build, "no Java module for " + name);
            assertEquals(c.get("repr").getAsString(), build.get().toString());
        })));
        assertEquals(REPRS.size(), tests.size());
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> errorsMatchPyTorch() {
        List<DynamicTest> tests = new ArrayList<>();
        NnCases.withPrefix("error/").forEach((name, c) -> tests.add(DynamicTest.dynamicTest(name, () -> {
            Executable scenario = ERRORS.get(name.substring("error/".length()));
            assertNotNull(scenario, "no Java scenario for " + name);
            RuntimeException e = assertThrows(RuntimeException.class, scenario);
            assertEquals(c.get("message").getAsString(), e.getMessage());
        })));
        assertEquals(ERRORS.size(), tests.size());
        return tests.stream();
    }

    /** Messages checked by hand against PyTorch 1.13 for cases the fixtures do not hold. */
    @Test
    void moreErrorsMatchPyTorch() {
        assertMessage("all elements of input should be between 0 and 1",
                () -> F.binaryCrossEntropy(Torch.tensor(new float[] {Float.NaN}), Torch.tensor(new float[] {0.5f})));
        assertMessage("running_var must be defined in evaluation mode",
                () -> F.batchNorm(Torch.zeros(2, 3), Torch.zeros(3), null, null, null, false, 0.1, 1e-5));
        assertMessage("running_mean must be defined in evaluation mode",
                () -> F.batchNorm(Torch.zeros(2, 3), null, Torch.zeros(4), null, null, false, 0.1, 1e-5));
        assertMessage("both arguments to matmul need to be at least 1D, but they are 0D and 2D",
                () -> new Linear(3, 5).forward(Torch.scalarTensor(1.0)));
        assertMessage("output with shape [] doesn't match the broadcast shape [1]",
                () -> F.linear(Torch.zeros(3), Torch.zeros(3), Torch.zeros(1)));
        GELU gelu = new GELU("foo");
        assertEquals("GELU(approximate='foo')", gelu.toString());
        assertMessage("approximate argument must be either none or tanh.", () -> gelu.forward(Torch.zeros(1)));
        assertMessage("Padding_idx must be within num_embeddings",
                () -> F.embedding(Torch.tensor(new long[] {0}), Torch.zeros(3, 2), -4));
        assertMessage("dropout probability has to be between 0 and 1, but got -0.5", () -> F.dropout(Torch.zeros(1), -0.5));
        Tensor x = Torch.zeros(1, 3, 4, 4);
        int[] one = {1};
        int[] zero = {0};
        assertMessage("negative padding is not supported",
                () -> F.conv2d(x, Torch.zeros(2, 3, 3, 3), null, zero, new int[] {-1}, one, 1));
        assertMessage("Given groups=3, expected weight to be at least 3 at dimension 0, but got weight of size "
                + "[2, 1, 3, 3] instead", () -> F.conv2d(x, Torch.zeros(2, 1, 3, 3), null, one, zero, one, 3));
        assertMessage("Given groups=3, expected weight to be divisible by 3 at dimension 0, but got weight of size "
                + "[[4, 2, 3, 3]] instead", () -> F.convTranspose2d(x, Torch.zeros(4, 2, 3, 3), null, one, zero, zero, 3,
                        one));
        assertMessage("dilation should be greater than zero, but got [0, 0]",
                () -> F.conv2d(x, Torch.zeros(2, 3, 3, 3), null, one, zero, zero, 1));
        assertMessage("dilation should be greater than zero, but got [1, 0]",
                () -> F.conv1d(Torch.zeros(1, 3, 4), Torch.zeros(2, 3, 3), null, 1, 0, 0, 1));
        assertMessage("dilation should be greater than zero, but got dilation_height: 0, dilation_width: 0",
                () -> F.convTranspose2d(x, Torch.zeros(3, 2, 3, 3), null, new int[] {2}, zero, one, 1, zero));
        assertMessage("negative output_padding is not supported",
                () -> F.convTranspose2d(x, Torch.zeros(3, 2, 3, 3), null, zero, zero, new int[] {-1}, 1, one));
        assertMessage("Given input size per channel: (4 x 4). Calculated output size per channel: (0 x 0). Output size "
                + "is too small", () -> F.convTranspose2d(x, Torch.zeros(3, 2, 1, 1), null, one, new int[] {2}, zero, 1,
                        one));
        assertMessage("expected padding to be a single integer value or a list of 2 values to match the convolution "
                + "dimensions, but got padding=[1, 2, 3]", () -> F.conv2d(x, Torch.zeros(2, 3, 3, 3), null, one,
                        new int[] {1, 2, 3}, one, 1));
        assertMessage("expected output_padding to be a single integer value or a list of 2 values to match the "
                + "convolution dimensions, but got output_padding=[0, 0, 0]", () -> F.convTranspose2d(x,
                        Torch.zeros(3, 2, 3, 3), null, one, zero, new int[] {0, 0, 0}, 1, one));
        assertMessage("Expected 4-dimensional input for 4-dimensional weight [2, 3, 3, 3], but got 3-dimensional input "
                + "of size [1, 3, 8] instead", () -> F.conv1d(Torch.zeros(1, 3, 8), Torch.zeros(2, 3, 3, 3), null));
        assertMessage("weight should have at least three dimensions",
                () -> F.conv2d(x, Torch.zeros(2, 3), null));
        int[] three = {1, 2, 3};
        assertMessage("max_pool2d: kernel_size must either be a single int, or a tuple of two ints",
                () -> F.maxPool2d(Torch.zeros(4, 4), three, null, zero, one, false));
        assertMessage("max_pool2d: stride must either be omitted, a single int, or a tuple of two ints",
                () -> F.maxPool2d(x, new int[] {2}, three, zero, one, false));
        assertMessage("max_pool2d: padding must be either be a single int, or a tuple of two ints",
                () -> F.maxPool2d(x, new int[] {2}, null, three, one, false));
        assertMessage("max_pool2d: dilation must be either a single int, or a tuple of two ints",
                () -> F.maxPool2d(x, new int[] {2}, null, zero, three, false));
        assertMessage("avg_pool2d: kernel_size must either be a single int, or a tuple of two ints",
                () -> F.avgPool2d(x, three, null, zero, false, true, 0));
        assertMessage("avg_pool2d: padding must either be a single int, or a tuple of two ints",
                () -> F.avgPool2d(x, new int[] {2}, null, three, false, true, null));
        assertMessage("adaptive_avg_pool2d: output_size must be 2", () -> F.adaptiveAvgPool2d(x, three));
        assertMessage("adaptive_avg_pool2d: elements of output_size must be greater than or equal to 0 but received "
                + "{-1, 2}", () -> F.adaptiveAvgPool2d(x, -1, 2));
        MultiheadAttention mha = new MultiheadAttention(4, 2);
        Tensor q = Torch.zeros(3, 1, 4);
        Tensor k = Torch.zeros(5, 1, 4);
        assertMessage("The shape of the 2D attn_mask is torch.Size([2, 2]), but should be (3, 5).",
                () -> mha.forward(q, k, k, null, true, Torch.zeros(2, 2), true));
        assertMessage("The shape of the 3D attn_mask is torch.Size([1, 3, 5]), but should be (2, 3, 5).",
                () -> mha.forward(q, k, k, null, true, Torch.zeros(1, 3, 5), true));
        assertMessage("expecting key_padding_mask shape of (1, 5), but got torch.Size([1, 4])",
                () -> mha.forward(q, k, k, Torch.zeros(new int[] {1, 4}, TensorOptions.ofDType(DType.BOOL)), true, null,
                        true));
    }

    private static void assertMessage(String expected, Executable scenario) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, scenario).getMessage());
    }

    @Test
    void indexErrorsAreIndexOutOfBounds() {
        assertThrows(IndexOutOfBoundsException.class, ERRORS.get("ce_target_range"));
        assertThrows(IndexOutOfBoundsException.class, ERRORS.get("sequential_index"));
    }

    @Test
    void stateDictNamesFollowPyTorch() {
        Module model = new Sequential(new Conv2d(1, 2, 3), new BatchNorm2d(2), new ReLU(), new Flatten(), new Linear(8, 2));
        var c = NnCases.ALL.get("state/keys");
        assertEquals(NnCases.strings(c.getAsJsonArray("state_dict")), new ArrayList<>(model.stateDict().keySet()));
        assertEquals(NnCases.strings(c.getAsJsonArray("named_parameters")), new ArrayList<>(model.namedParameters().keySet()));
        assertEquals(NnCases.strings(c.getAsJsonArray("named_buffers")), new ArrayList<>(model.namedBuffers().keySet()));
        assertEquals(NnCases.strings(c.getAsJsonArray("named_modules")), new ArrayList<>(model.namedModules().keySet()));
    }

    @Test
    void loadStateDictReportsEveryOffendingKey() {
        Net net = new Net();
        Map<String, Tensor> sd = new LinkedHashMap<>(net.stateDict());
        sd.put("foo", Torch.zeros(1));
        sd.remove("fc1.bias");
        sd.put("fc2.weight", Torch.zeros(3, 2));
        sd.put("fc3.x", Torch.zeros(1));
        RuntimeException strict = assertThrows(IllegalArgumentException.class, () -> net.loadStateDict(sd));
        assertEquals(NnCases.ALL.get("state/load_errors_strict").get("message").getAsString(), strict.getMessage());
        RuntimeException lenient = assertThrows(IllegalArgumentException.class, () -> net.loadStateDict(sd, false));
        assertEquals(NnCases.ALL.get("state/load_errors_lenient").get("message").getAsString(), lenient.getMessage());

        Map<String, Tensor> extra = new LinkedHashMap<>(net.stateDict());
        extra.put("foo", Torch.zeros(1));
        assertEquals(NnCases.ALL.get("state/load_unexpected_lenient").get("result").getAsString(),
                net.loadStateDict(extra, false).toString());
        assertEquals(NnCases.ALL.get("state/load_ok").get("result").getAsString(),
                net.loadStateDict(net.stateDict()).toString());
    }
}
