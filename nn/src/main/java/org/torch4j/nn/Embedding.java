package org.torch4j.nn;

import org.torch4j.GradGuard;
import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.nn.functional.F;
import org.torch4j.nn.init.Init;
import org.torch4j.nn.internal.Args;

/** {@code torch.nn.Embedding(num_embeddings, embedding_dim, padding_idx)}: a lookup table of vectors. */
public class Embedding extends Module {
    private final int numEmbeddings;
    private final int embeddingDim;
    private final Integer paddingIdx;

    /** {@code nn.Embedding(num_embeddings, embedding_dim)}. */
    public Embedding(int numEmbeddings, int embeddingDim) {
        this(numEmbeddings, embeddingDim, null);
    }

    /**
     * {@code nn.Embedding(num_embeddings, embedding_dim, padding_idx)}: the padding row starts at zero and
     * takes no gradient; a negative index counts from the end; null for none.
     */
    public Embedding(int numEmbeddings, int embeddingDim, Integer paddingIdx) {
        this.numEmbeddings = numEmbeddings;
        this.embeddingDim = embeddingDim;
        this.paddingIdx = Args.paddingIdx(paddingIdx, numEmbeddings);
        registerParameter("weight", Torch.empty(numEmbeddings, embeddingDim));
        resetParameters();
    }

    /** {@code embedding.reset_parameters()}: N(0, 1), padding row zeroed. */
    public void resetParameters() {
        Init.normal_(weight());
        if (paddingIdx != null) {
            try (GradGuard ignored = GradGuard.disable()) {
                weight().select(0, paddingIdx).fill_(0L);
            }
        }
    }

    /** {@code embedding.weight}: (num_embeddings, embedding_dim). */
    public Tensor weight() {
        return param("weight");
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.embedding(input, weight(), paddingIdx);
    }

    @Override
    protected String extraRepr() {
        return numEmbeddings + ", " + embeddingDim + (paddingIdx == null ? "" : ", padding_idx=" + paddingIdx);
    }
}
