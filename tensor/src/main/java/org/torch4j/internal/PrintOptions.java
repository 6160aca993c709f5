package org.torch4j.internal;

/**
 * The print options of {@code torch.set_printoptions(profile="default")}, PyTorch's {@code PRINT_OPTS} defaults
 * ({@code sci_mode=None}: the formatter chooses scientific notation itself).
 */
public final class PrintOptions {
    /** Digits after the decimal point ({@code precision}). */
    public static final int PRECISION = 4;
    /** Element count above which a tensor is summarized with {@code ...} ({@code threshold}). */
    public static final int THRESHOLD = 1000;
    /** Items kept at each end of a summarized dimension ({@code edgeitems}). */
    public static final int EDGE_ITEMS = 3;
    /** Characters per line ({@code linewidth}). */
    public static final int LINE_WIDTH = 80;

    private PrintOptions() {
    }
}
