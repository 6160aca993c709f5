package org.torch4j;

/**
 * The element type of a tensor; the equivalent of {@code torch.dtype}.
 *
 * <p>Declared in PyTorch's promotion order within each category: {@link #promote} of two dtypes is the
 * later one, as {@code torch.promote_types} gives for these five types.
 */
public enum DType {
    /** {@code torch.bool}. */
    BOOL("bool", 1),
    /** {@code torch.int32} ({@code torch.int}). */
    INT32("int32", 4),
    /** {@code torch.int64} ({@code torch.long}). */
    INT64("int64", 8),
    /** {@code torch.float32} ({@code torch.float}), the default dtype. */
    FLOAT32("float32", 4),
    /** {@code torch.float64} ({@code torch.double}). */
    FLOAT64("float64", 8);

    private final String pythonName;
    private final int itemSize;

    DType(String pythonName, int itemSize) {
        this.pythonName = pythonName;
        this.itemSize = itemSize;
    }

    /** The name without the {@code torch.} prefix, for example {@code float32}. */
    public String pythonName() {
        return pythonName;
    }

    /** Bytes per element, as {@code tensor.element_size()}. */
    public int itemSize() {
        return itemSize;
    }

    /** {@code dtype.is_floating_point}. */
    public boolean isFloatingPoint() {
        return this == FLOAT32 || this == FLOAT64;
    }

    /** True for int32 and int64 (not bool). */
    public boolean isIntegral() {
        return this == INT32 || this == INT64;
    }

    /** {@code torch.promote_types(a, b)}. */
    public static DType promote(DType a, DType b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /** {@code torch.can_cast(from, to)}: no float to integer, no non-bool to bool. */
    public static boolean canCast(DType from, DType to) {
        if (from.isFloatingPoint() && !to.isFloatingPoint()) {
            return false;
        }
        return from == BOOL || to != BOOL;
    }

    /** The name PyTorch prints in messages such as "result type Float can't be cast to ... Long". */
    public String scalarTypeName() {
        switch (this) {
            case BOOL: return "Bool";
            case INT32: return "Int";
            case INT64: return "Long";
            case FLOAT32: return "Float";
            default: return "Double";
        }
    }

    @Override
    public String toString() {
        return "torch." + pythonName;
    }
}
