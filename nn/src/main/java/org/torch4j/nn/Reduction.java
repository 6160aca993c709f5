package org.torch4j.nn;

/** The {@code reduction} argument of the losses: {@code 'none'}, {@code 'mean'} or {@code 'sum'}. */
public enum Reduction {
    /** Keep one loss per element. */
    NONE,
    /** Average (the default). */
    MEAN,
    /** Sum. */
    SUM,
    /** {@code 'batchmean'}: the sum divided by the batch size; only {@link KLDivLoss} accepts it. */
    BATCHMEAN;

    /** The Python spelling, as printed in reprs. */
    public String pythonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
