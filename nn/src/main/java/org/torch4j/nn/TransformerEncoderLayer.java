package org.torch4j.nn;

import org.torch4j.Tensor;
import org.torch4j.nn.functional.F;

/**
 * {@code torch.nn.TransformerEncoderLayer}: self-attention and a feed-forward block, each with dropout, a
 * residual connection and LayerNorm, after the block (default) or before it ({@code norm_first}).
 */
public class TransformerEncoderLayer extends Module {
    /** {@code nn.TransformerEncoderLayer(d_model, nhead, ...)} keyword arguments. */
    public static final class Options {
        private final int dModel;
        private final int nhead;
        private int dimFeedforward = 2048;
        private double dropout = 0.1;
        private String activation = "relu";
        private double layerNormEps = 1e-5;
        private boolean batchFirst;
        private boolean normFirst;

        /** {@code d_model}: the feature size; {@code nhead}: the attention heads. */
        public Options(int dModel, int nhead) {
            this.dModel = dModel;
            this.nhead = nhead;
        }

        /** {@code dim_feedforward=} (default 2048). */
        public Options dimFeedforward(int value) {
            dimFeedforward = value;
            return this;
        }

        /** {@code dropout=} (default 0.1). */
        public Options dropout(double value) {
            dropout = value;
            return this;
        }

        /** {@code activation=}: "relu" (default) or "gelu". */
        public Options activation(String value) {
            if (!value.equals("relu") && !value.equals("gelu")) {
                throw new IllegalArgumentException("activation should be relu/gelu, not " + value);
            }
            activation = value;
            return this;
        }

        /** {@code layer_norm_eps=} (default 1e-5). */
        public Options layerNormEps(double value) {
            layerNormEps = value;
            return this;
        }

        /** {@code batch_first=} (default false). */
        public Options batchFirst(boolean value) {
            batchFirst = value;
            return this;
        }

        /** {@code norm_first=}: LayerNorm before each block instead of after (default false). */
        public Options normFirst(boolean value) {
            normFirst = value;
            return this;
        }
    }

    private final Options options;
    private final MultiheadAttention selfAttn;
    private final Linear linear1;
    private final Dropout dropout;
    private final Linear linear2;
    private final LayerNorm norm1;
    private final LayerNorm norm2;
    private final Dropout dropout1;
    private final Dropout dropout2;

    /** {@code nn.TransformerEncoderLayer(d_model, nhead)}. */
    public TransformerEncoderLayer(int dModel, int nhead) {
        this(new Options(dModel, nhead));
    }

    /** {@code nn.TransformerEncoderLayer(...)} with options. */
    public TransformerEncoderLayer(Options options) {
        this.options = options;
        int d = options.dModel;
        selfAttn = registerModule("self_attn", new MultiheadAttention(new MultiheadAttention.Options(d, options.nhead)
                .dropout(options.dropout).batchFirst(options.batchFirst)));
        linear1 = registerModule("linear1", new Linear(d, options.dimFeedforward));
        dropout = registerModule("dropout", new Dropout(options.dropout));
        linear2 = registerModule("linear2", new Linear(options.dimFeedforward, d));
        norm1 = registerModule("norm1", new LayerNorm(new int[] {d}, options.layerNormEps, true));
        norm2 = registerModule("norm2", new LayerNorm(new int[] {d}, options.layerNormEps, true));
        dropout1 = registerModule("dropout1", new Dropout(options.dropout));
        dropout2 = registerModule("dropout2", new Dropout(options.dropout));
    }

    @Override
    public Tensor forward(Tensor src) {
        return forward(src, null, null);
    }

    /** {@code layer(src, src_mask, src_key_padding_mask)}; either mask may be null. */
    public Tensor forward(Tensor src, Tensor srcMask, Tensor srcKeyPaddingMask) {
        Tensor x = src;
        if (options.normFirst) {
            x = x.add(selfAttentionBlock(norm1.forward(x), srcMask, srcKeyPaddingMask));
            return x.add(feedForwardBlock(norm2.forward(x)));
        }
        x = norm1.forward(x.add(selfAttentionBlock(x, srcMask, srcKeyPaddingMask)));
        return norm2.forward(x.add(feedForwardBlock(x)));
    }

    private Tensor selfAttentionBlock(Tensor x, Tensor attnMask, Tensor keyPaddingMask) {
        return dropout1.forward(selfAttn.forward(x, x, x, keyPaddingMask, false, attnMask, true).output());
    }

    private Tensor feedForwardBlock(Tensor x) {
        Tensor hidden = linear1.forward(x);
        hidden = options.activation.equals("gelu") ? F.gelu(hidden) : hidden.relu();
        return dropout2.forward(linear2.forward(dropout.forward(hidden)));
    }
}
