package org.torch4j.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.TensorOptions;
import org.torch4j.Torch;
import org.torch4j.autograd.GradCheck;
import org.torch4j.nn.functional.F;

/**
 * Finite-difference checks in float64 of the functional ops (built from differentiable tensor ops, so
 * first and second derivatives come from autograd) and of the recurrent and attention layers.
 */
class GradcheckTest {
    @BeforeEach
    void seed() {
        Torch.manualSeed(3);
    }

    private static Tensor randn(int... shape) {
        return Torch.randn(shape, TensorOptions.ofDType(DType.FLOAT64), org.torch4j.Generator.defaultGenerator())
                .requiresGrad_();
    }

    private static Tensor constant(Tensor t) {
        return t.detach().to(DType.FLOAT64);
    }

    @Test
    void linearAndBilinear() {
        assertTrue(GradCheck.gradcheck(in -> new Tensor[] {F.linear(in[0], in[1], in[2])},
                randn(2, 3), randn(4, 3), randn(4)));
        assertTrue(GradCheck.gradcheck(in -> new Tensor[] {F.bilinear(in[0], in[1], in[2], in[3])},
                randn(2, 2), randn(2, 3), randn(2, 2, 3), randn(2)));
    }

    @Test
    void convolutions() {
        assertTrue(GradCheck.gradcheck(in -> new Tensor[] {F.conv2d(in[0], in[1], in[2], new int[] {2, 1},
                new int[] {1}, new int[] {1, 2}, 2)}, randn(1, 4, 5, 5), randn(2, 2, 3, 2), randn(2)));
        assertTrue(GradCheck.gradcheck(in -> new Tensor[] {F.conv1d(in[0], in[1], null, 2, 1, 1, 1)},
                randn(2, 2, 5), randn(3, 2, 3)));
        assertTrue(GradCheck.gradcheck(in -> new Tensor[] {F.convTranspose2d(in[0], in[1], in[2], new int[] {2},
                new int[] {1}, new int[] {1}, 1, new int[] {1})}, randn(1, 2, 3, 3), randn(2, 2, 3, 3), randn(2)));
        assertTrue(GradCheck.gradgradcheck(in -> new Tensor[] {F.conv2d(in[0], in[1], null)},
                randn(1, 2, 4, 4), randn(2, 2, 2, 2)));
    }

    @Test
    void pooling() {
        assertTrue(GradCheck.gradcheck(x -> F.maxPool2d(x, new int[] {3}, new int[] {2}, new int[] {1}, new int[] {1},
                true), randn(1, 2, 6, 6)));
        assertTrue(GradCheck.gradcheck(x -> F.avgPool2d(x, new int[] {3}, new int[] {2}, new int[] {1}, true, false,
                null), randn(1, 2, 6, 6)));
        assertTrue(GradCheck.gradcheck(x -> F.adaptiveAvgPool2d(x, 2, 3), randn(1, 2, 5, 7)));
    }

    @Test
    void normalisation() {
        assertTrue(GradCheck.gradcheck(in -> new Tensor[] {F.batchNorm(in[0], null, null, in[1], in[2], true, 0.1, 1e-5)},
                randn(4, 3, 2), randn(3), randn(3)));
        assertTrue(GradCheck.gradcheck(in -> new Tensor[] {F.layerNorm(in[0], new int[] {3, 2}, in[1], in[2], 1e-5)},
                randn(2, 3, 2), randn(3, 2), randn(3, 2)));
        assertTrue(GradCheck.gradcheck(in -> new Tensor[] {F.groupNorm(in[0], 2, in[1], in[2], 1e-5)},
                randn(2, 4, 3), randn(4), randn(4)));
        assertTrue(GradCheck.gradgradcheck(x -> F.layerNorm(x, new int[] {3}), randn(2, 3)));
    }

    @Test
    void activations() {
        Tensor x = randn(3, 4);
        assertTrue(GradCheck.gradcheck(t -> F.elu(t, 0.7), x));
        assertTrue(GradCheck.gradcheck(F::gelu, x));
        assertTrue(GradCheck.gradcheck(t -> F.gelu(t, "tanh"), x));
        assertTrue(GradCheck.gradcheck(F::silu, x));
        assertTrue(GradCheck.gradcheck(t -> F.softplus(t, 2, 1), x));
        assertTrue(GradCheck.gradcheck(t -> F.leakyRelu(t, 0.2), x));
        assertTrue(GradCheck.gradcheck(t -> F.hardtanh(t, -0.5, 0.5), x));
        assertTrue(GradCheck.gradgradcheck(F::gelu, x));
        assertTrue(GradCheck.gradgradcheck(t -> F.softplus(t, 1, 20), x));
    }

    @Test
    void losses() {
        Tensor target = constant(Torch.randn(3, 4));
        Tensor probs = constant(Torch.rand(3, 4));
        Tensor classes = Torch.tensor(new long[] {1, 3, 0});
        Tensor weight = constant(Torch.rand(4).add(0.5));
        assertTrue(GradCheck.gradcheck(x -> F.smoothL1Loss(x, target, Reduction.SUM, 0.5), randn(3, 4)));
        assertTrue(GradCheck.gradcheck(x -> F.huberLoss(x, target, Reduction.MEAN, 0.7), randn(3, 4)));
        assertTrue(GradCheck.gradcheck(x -> F.binaryCrossEntropy(x.sigmoid(), probs, weight, Reduction.MEAN), randn(3, 4)));
        assertTrue(GradCheck.gradcheck(x -> F.binaryCrossEntropyWithLogits(x, probs, null, weight, Reduction.SUM),
                randn(3, 4)));
        assertTrue(GradCheck.gradcheck(x -> F.crossEntropy(x, classes, weight, 3, Reduction.MEAN, 0.2), randn(3, 4)));
        assertTrue(GradCheck.gradcheck(x -> F.crossEntropy(x, probs.softmax(1), weight, -100, Reduction.MEAN, 0.1),
                randn(3, 4)));
        assertTrue(GradCheck.gradcheck(x -> F.klDiv(x.logSoftmax(1), probs.softmax(1), Reduction.BATCHMEAN, false),
                randn(3, 4)));
        assertTrue(GradCheck.gradgradcheck(x -> F.crossEntropy(x, classes), randn(3, 4)));
        assertTrue(GradCheck.gradgradcheck(x -> F.mseLoss(x, target), randn(3, 4)));
    }

    /** Without padding_idx: the padding row's gradient is zero by design, not the derivative. */
    @Test
    void embeddingWeight() {
        Tensor idx = Torch.tensor(new long[][] {{0, 2}, {2, 1}});
        assertTrue(GradCheck.gradcheck(w -> F.embedding(idx, w), randn(3, 2)));
    }

    @Test
    void recurrentAndAttentionLayers() {
        LSTM lstm = new LSTM(new LSTM.Options(2, 2).bidirectional(true));
        lstm.to(DType.FLOAT64);
        assertTrue(GradCheck.gradcheck(lstm::forward, randn(3, 1, 2)));
        GRU gru = new GRU(new GRU.Options(2, 2).numLayers(2));
        gru.to(DType.FLOAT64);
        assertTrue(GradCheck.gradcheck(in -> new Tensor[] {gru.forward(in[0], in[1]).hN()}, randn(3, 1, 2), randn(2, 1, 2)));
        MultiheadAttention mha = new MultiheadAttention(4, 2);
        mha.to(DType.FLOAT64);
        assertTrue(GradCheck.gradcheck(in -> {
            AttentionOutput a = mha.forward(in[0], in[1], in[1]);
            return new Tensor[] {a.output(), a.weights()};
        }, randn(2, 1, 4), randn(3, 1, 4)));
        TransformerEncoderLayer layer = new TransformerEncoderLayer(new TransformerEncoderLayer.Options(4, 2)
                .dimFeedforward(6).dropout(0.0).activation("gelu"));
        layer.to(DType.FLOAT64);
        assertTrue(GradCheck.gradcheck(layer::forward, randn(2, 1, 4)));
    }
}
