package org.torch4j.nn;

import org.torch4j.Tensor;

/**
 * What {@link MultiheadAttention} returns: the attention output and the attention weights (averaged over
 * heads unless asked otherwise; null when not requested).
 */
public record AttentionOutput(Tensor output, Tensor weights) {
}
