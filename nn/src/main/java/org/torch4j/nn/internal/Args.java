package org.torch4j.nn.internal;

/**
 * The argument checks that PyTorch makes both in a layer's constructor and in its functional form, with
 * PyTorch's messages (not API).
 */
public final class Args {
    private Args() {
    }

    /** {@code nn.Dropout(p)} and {@code F.dropout(x, p)}: p must lie in [0, 1]. */
    public static double dropoutProbability(double p) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got "
                    + PyRepr.floatRepr(p));
        }
        return p;
    }

    /**
     * {@code nn.Embedding} and {@code F.embedding}: padding_idx within [-num_embeddings, num_embeddings),
     * returned non-negative; null (no padding row) stays null.
     */
    public static Integer paddingIdx(Integer paddingIdx, int numEmbeddings) {
        if (paddingIdx == null) {
            return null;
        }
        if (paddingIdx >= numEmbeddings || paddingIdx < -numEmbeddings) {
            throw new IllegalArgumentException("Padding_idx must be within num_embeddings");
        }
        return paddingIdx < 0 ? paddingIdx + numEmbeddings : paddingIdx;
    }
}
