package org.torch4j.nn;

import java.util.Arrays;
import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.TensorOptions;
import org.torch4j.Torch;
import org.torch4j.nn.functional.F;
import org.torch4j.nn.init.Init;
import org.torch4j.nn.internal.PyRepr;

/**
 * {@code torch.nn.MultiheadAttention}: softmax(Q K^T / sqrt(head_dim) + mask) V over num_heads heads, with
 * the packed in_proj_weight (3 E, E) (or separate q/k/v weights when kdim/vdim differ) and out_proj. Input
 * is (L, N, E), (N, L, E) with batch_first, or (L, E) unbatched. The steps follow PyTorch 1.13's
 * {@code F.multi_head_attention_forward}.
 */
public class MultiheadAttention extends Module {
    /** {@code nn.MultiheadAttention(embed_dim, num_heads, ...)} keyword arguments. */
    public static final class Options {
        private final int embedDim;
        private final int numHeads;
        private double dropout;
        private boolean bias = true;
        private boolean addBiasKv;
        private boolean addZeroAttn;
        private Integer kdim;
        private Integer vdim;
        private boolean batchFirst;

        /** {@code embed_dim} (divisible by {@code num_heads}) and {@code num_heads}. */
        public Options(int embedDim, int numHeads) {
            this.embedDim = embedDim;
            this.numHeads = numHeads;
        }

        /** {@code dropout=}: on the attention weights, in training (default 0). */
        public Options dropout(double value) {
            dropout = value;
            return this;
        }

        /** {@code bias=}: input and output projection biases (default true). */
        public Options bias(boolean value) {
            bias = value;
            return this;
        }

        /** {@code add_bias_kv=}: learnable bias rows appended to the keys and values (default false). */
        public Options addBiasKv(boolean value) {
            addBiasKv = value;
            return this;
        }

        /** {@code add_zero_attn=}: a zero row appended to the keys and values (default false). */
        public Options addZeroAttn(boolean value) {
            addZeroAttn = value;
            return this;
        }

        /** {@code kdim=}: the key feature size (default embed_dim). */
        public Options kdim(int value) {
            kdim = value;
            return this;
        }

        /** {@code vdim=}: the value feature size (default embed_dim). */
        public Options vdim(int value) {
            vdim = value;
            return this;
        }

        /** {@code batch_first=}: (N, L, E) input and output (default false). */
        public Options batchFirst(boolean value) {
            batchFirst = value;
            return this;
        }
    }

    private final Options options;
    private final boolean sameEmbedDim;
    private final int headDim;
    private final Linear outProj;

    /** {@code nn.MultiheadAttention(embed_dim, num_heads)}. */
    public MultiheadAttention(int embedDim, int numHeads) {
        this(new Options(embedDim, numHeads));
    }

    /** {@code nn.MultiheadAttention(...)} with options. */
    public MultiheadAttention(Options options) {
        this.options = options;
        int e = options.embedDim;
        int kdim = options.kdim == null ? e : options.kdim;
        int vdim = options.vdim == null ? e : options.vdim;
        this.sameEmbedDim = kdim == e && vdim == e;
        this.headDim = e / options.numHeads;
        if (headDim * options.numHeads != e) {
            throw new IllegalArgumentException("embed_dim must be divisible by num_heads");
        }
        if (sameEmbedDim) {
            registerParameter("in_proj_weight", Torch.empty(3 * e, e));
        } else {
            registerParameter("q_proj_weight", Torch.empty(e, e));
            registerParameter("k_proj_weight", Torch.empty(e, kdim));
            registerParameter("v_proj_weight", Torch.empty(e, vdim));
        }
        registerParameter("in_proj_bias", options.bias ? Torch.empty(3 * e) : null);
        this.outProj = registerModule("out_proj", new NonDynamicallyQuantizableLinear(e, e, options.bias));
        if (options.addBiasKv) {
            registerParameter("bias_k", Torch.empty(1, 1, e));
            registerParameter("bias_v", Torch.empty(1, 1, e));
        }
        resetParameters();
    }

    /** {@code mha._reset_parameters()}: xavier_uniform_ projections, zero biases, xavier_normal_ bias_k/v. */
    public void resetParameters() {
        if (sameEmbedDim) {
            Init.xavierUniform_(param("in_proj_weight"));
        } else {
            Init.xavierUniform_(param("q_proj_weight"));
            Init.xavierUniform_(param("k_proj_weight"));
            Init.xavierUniform_(param("v_proj_weight"));
        }
        if (param("in_proj_bias") != null) {
            Init.constant_(param("in_proj_bias"), 0.0);
            Init.constant_(outProj.bias(), 0.0);
        }
        if (options.addBiasKv) {
            Init.xavierNormal_(param("bias_k"));
            Init.xavierNormal_(param("bias_v"));
        }
    }

    /** {@code mha.out_proj}. */
    public Linear outProj() {
        return outProj;
    }

    /** Self-attention's output: {@code mha(x, x, x)[0]}. */
    @Override
    public Tensor forward(Tensor x) {
        return forward(x, x, x, null, false, null, true).output();
    }

    /** {@code mha(query, key, value)}: output and head-averaged weights. */
    public AttentionOutput forward(Tensor query, Tensor key, Tensor value) {
        return forward(query, key, value, null, true, null, true);
    }

    /**
     * {@code mha(query, key, value, key_padding_mask, need_weights, attn_mask, average_attn_weights)}.
     * keyPaddingMask (N, S): true (or -inf when float) ignores a key; attnMask (L, S) or (N * heads, L, S):
     * true forbids a position, a float mask is added. Either may be null.
     */
    public AttentionOutput forward(Tensor query, Tensor key, Tensor value, Tensor keyPaddingMask, boolean needWeights,
            Tensor attnMask, boolean averageAttnWeights) {
        boolean batched = checkShapes(query, key, value, keyPaddingMask, attnMask);
        boolean keyIsValue = key == value;
        boolean selfAttention = query == key && keyIsValue;
        Tensor q = query;
        Tensor k = key;
        Tensor v = value;
        if (options.batchFirst && batched) {
            q = q.transpose(1, 0);
            k = selfAttention ? q : k.transpose(1, 0);
            v = keyIsValue ? k : v.transpose(1, 0);
        }
        Tensor kpm = keyPaddingMask;
        if (!batched) {
            q = q.unsqueeze(1);
            k = selfAttention ? q : k.unsqueeze(1);
            v = keyIsValue ? k : v.unsqueeze(1);
            kpm = kpm == null ? null : kpm.unsqueeze(0);
        }
        AttentionOutput r = attend(q, k, v, kpm, attnMask, selfAttention, keyIsValue, needWeights, averageAttnWeights);
        Tensor weights = r.weights();
        if (!batched) {
            return new AttentionOutput(r.output().squeeze(1), weights == null ? null : weights.squeeze(0));
        }
        return new AttentionOutput(options.batchFirst ? r.output().transpose(1, 0) : r.output(), weights);
    }

    /** Attention over (L, N, E) query and (S, N, E) key and value; weights are (N, [heads,] L, S) or null. */
    private AttentionOutput attend(Tensor q0, Tensor k0, Tensor v0, Tensor keyPaddingMask, Tensor attnMask0,
            boolean selfAttention, boolean keyIsValue, boolean needWeights, boolean averageAttnWeights) {
        int tgtLen = q0.size(0);
        int bsz = q0.size(1);
        int e = q0.size(2);
        int heads = options.numHeads;
        if (e != options.embedDim) {
            throw new IllegalArgumentException("was expecting embedding dimension of " + options.embedDim + ", but got "
                    + e);
        }
        Tensor[] qkv = project(q0, k0, v0, selfAttention, keyIsValue);
        Tensor q = qkv[0];
        Tensor k = qkv[1];
        Tensor v = qkv[2];
        Tensor attnMask = prepareAttnMask(attnMask0, tgtLen, k0.size(0), bsz);
        Tensor kpm = keyPaddingMask;
        if (options.addBiasKv) {
            k = Torch.cat(new Tensor[] {k, param("bias_k").expand(1, bsz, e)}, 0);
            v = Torch.cat(new Tensor[] {v, param("bias_v").expand(1, bsz, e)}, 0);
            attnMask = padKeyColumn(attnMask);
            kpm = padKeyColumn(kpm);
        }
        q = q.contiguous().view(tgtLen, bsz * heads, headDim).transpose(0, 1);
        k = k.contiguous().view(k.size(0), bsz * heads, headDim).transpose(0, 1);
        v = v.contiguous().view(v.size(0), bsz * heads, headDim).transpose(0, 1);
        if (options.addZeroAttn) {
            TensorOptions like = TensorOptions.ofDType(k.dtype()).device(k.device());
            k = Torch.cat(new Tensor[] {k, Torch.zeros(new int[] {bsz * heads, 1, headDim}, like)}, 1);
            v = Torch.cat(new Tensor[] {v, Torch.zeros(new int[] {bsz * heads, 1, headDim}, like)}, 1);
            attnMask = padKeyColumn(attnMask);
            kpm = padKeyColumn(kpm);
        }
        int srcLen = k.size(1);
        if (kpm != null) {
            if (kpm.dim() != 2 || kpm.size(0) != bsz || kpm.size(1) != srcLen) {
                throw new IllegalArgumentException("expecting key_padding_mask shape of (" + bsz + ", " + srcLen
                        + "), but got " + PyRepr.torchSize(kpm.shape()));
            }
            kpm = kpm.view(bsz, 1, 1, srcLen).expand(bsz, heads, 1, srcLen).reshape(bsz * heads, 1, srcLen);
            if (attnMask == null) {
                attnMask = kpm;
            } else if (attnMask.dtype() == DType.BOOL) {
                attnMask = attnMask.logicalOr(kpm);
            } else {
                attnMask = attnMask.expand(bsz * heads, tgtLen, srcLen).maskedFill(kpm, Double.NEGATIVE_INFINITY);
            }
        }
        if (attnMask != null && attnMask.dtype() == DType.BOOL) {
            attnMask = Torch.zeros(attnMask.shape(), TensorOptions.ofDType(q.dtype()).device(q.device()))
                    .maskedFill(attnMask, Double.NEGATIVE_INFINITY);
        }
        Tensor scores = q.div(Math.sqrt(headDim)).bmm(k.transpose(-2, -1));
        if (attnMask != null) {
            scores = scores.add(attnMask);
        }
        Tensor weights = scores.softmax(-1);
        if (options.dropout > 0 && isTraining()) {
            weights = F.dropout(weights, options.dropout, true);
        }
        Tensor out = weights.bmm(v).transpose(0, 1).contiguous().view(tgtLen * bsz, e);
        out = F.linear(out, outProj.weight(), outProj.bias()).view(tgtLen, bsz, e);
        if (!needWeights) {
            return new AttentionOutput(out, null);
        }
        Tensor w = weights.view(bsz, heads, tgtLen, srcLen);
        return new AttentionOutput(out, averageAttnWeights ? w.sum(1).div((long) heads) : w);
    }

    /** A mask (or null) with one more key column, zero (not masked), for a key appended by bias_k or zero_attn. */
    private static Tensor padKeyColumn(Tensor mask) {
        return mask == null ? null : F.pad(mask, 0, 1);
    }

    /** The input projections: one matmul for self-attention, else per tensor with the matching weight rows. */
    private Tensor[] project(Tensor q, Tensor k, Tensor v, boolean selfAttention, boolean keyIsValue) {
        int e = options.embedDim;
        Tensor bias = param("in_proj_bias");
        Tensor[] b = bias == null ? new Tensor[3] : bias.chunk(3, 0);
        if (!sameEmbedDim) {
            return new Tensor[] {F.linear(q, param("q_proj_weight"), b[0]), F.linear(k, param("k_proj_weight"), b[1]),
                F.linear(v, param("v_proj_weight"), b[2])};
        }
        Tensor w = param("in_proj_weight");
        if (selfAttention) {
            return F.linear(q, w, bias).chunk(3, -1);
        }
        Tensor[] ws = w.chunk(3, 0);
        if (keyIsValue) {
            Tensor[] kv = F.linear(k, w.narrow(0, e, 2 * e), bias == null ? null : bias.narrow(0, e, 2 * e)).chunk(2, -1);
            return new Tensor[] {F.linear(q, ws[0], b[0]), kv[0], kv[1]};
        }
        return new Tensor[] {F.linear(q, ws[0], b[0]), F.linear(k, ws[1], b[1]), F.linear(v, ws[2], b[2])};
    }

    private Tensor prepareAttnMask(Tensor attnMask, int tgtLen, int srcLen, int bsz) {
        if (attnMask == null) {
            return null;
        }
        if (!attnMask.isFloatingPoint() && attnMask.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("Only float, byte, and bool types are supported for attn_mask, not torch."
                    + attnMask.dtype().pythonName());
        }
        if (attnMask.dim() == 2) {
            if (attnMask.size(0) != tgtLen || attnMask.size(1) != srcLen) {
                throw new IllegalArgumentException("The shape of the 2D attn_mask is "
                        + PyRepr.torchSize(attnMask.shape()) + ", but should be " + PyRepr.tuple(tgtLen, srcLen) + ".");
            }
            return attnMask.unsqueeze(0);
        }
        int[] expected = {bsz * options.numHeads, tgtLen, srcLen};
        if (!Arrays.equals(attnMask.shape(), expected)) {
            throw new IllegalArgumentException("The shape of the 3D attn_mask is " + PyRepr.torchSize(attnMask.shape())
                    + ", but should be " + PyRepr.tuple(expected) + ".");
        }
        return attnMask;
    }

    /** PyTorch's _mha_shape_check; returns whether the input is batched. */
    private static boolean checkShapes(Tensor query, Tensor key, Tensor value, Tensor keyPaddingMask, Tensor attnMask) {
        if (query.dim() != 2 && query.dim() != 3) {
            throw new IllegalArgumentException("query should be unbatched 2D or batched 3D tensor but received "
                    + query.dim() + "-D query tensor");
        }
        boolean batched = query.dim() == 3;
        String form = batched ? "For batched (3-D) `query`, " : "For unbatched (2-D) `query`, ";
        if (key.dim() != query.dim() || value.dim() != query.dim()) {
            throw new IllegalArgumentException(form + "expected `key` and `value` to be " + query.dim() + "-D but found "
                    + key.dim() + "-D and " + value.dim() + "-D tensors respectively");
        }
        if (keyPaddingMask != null && keyPaddingMask.dim() != query.dim() - 1) {
            throw new IllegalArgumentException(form + "expected `key_padding_mask` to be `None` or " + (query.dim() - 1)
                    + "-D but found " + keyPaddingMask.dim() + "-D tensor instead");
        }
        if (attnMask != null && attnMask.dim() != 2 && attnMask.dim() != 3) {
            throw new IllegalArgumentException(form + "expected `attn_mask` to be `None`, 2-D or 3-D but found "
                    + attnMask.dim() + "-D tensor instead");
        }
        return batched;
    }
}
