package org.torch4j.internal;

import org.torch4j.DType;
import org.torch4j.Tensor;

/**
 * PyTorch's {@code torch.result_type}: dtypes of dimensioned tensors win over 0-dim tensors, which win
 * over wrapped numbers, except that a higher category (bool &lt; integer &lt; floating) always promotes.
 * A wrapped floating number counts as the default dtype (float32).
 */
public final class TypePromotion {
    private TypePromotion() {
    }

    /** The result dtype of an operator over the given operands. */
    public static DType resultType(Tensor... operands) {
        DType dimResult = null;
        DType zeroResult = null;
        DType wrappedResult = null;
        for (Tensor t : operands) {
            DType d = t.dtype();
            if (t.isWrappedNumber()) {
                wrappedResult = promote(wrappedResult, d.isFloatingPoint() ? DType.FLOAT32 : d);
            } else if (t.dim() == 0) {
                zeroResult = promote(zeroResult, d);
            } else {
                dimResult = promote(dimResult, d);
            }
        }
        return combineCategories(dimResult, combineCategories(zeroResult, wrappedResult));
    }

    private static DType promote(DType a, DType b) {
        return a == null ? b : DType.promote(a, b);
    }

    private static DType combineCategories(DType higher, DType lower) {
        if (higher == null) {
            return lower;
        }
        if (higher.isFloatingPoint() || lower == null) {
            return higher;
        }
        if (higher == DType.BOOL || lower.isFloatingPoint()) {
            return DType.promote(higher, lower);
        }
        return higher;
    }

    /** The dtype a float-valued function (exp, sqrt, true division) computes in: integers become float32. */
    public static DType toFloating(DType d) {
        return d.isFloatingPoint() ? d : DType.FLOAT32;
    }

    /**
     * The C++ type name (caffe2's TypeMeta name) that some PyTorch messages print for a dtype, where others print
     * {@link DType#scalarTypeName()}: {@code long int} where those say {@code Long}.
     */
    public static String cppTypeName(DType dtype) {
        switch (dtype) {
            case FLOAT32: return "float";
            case FLOAT64: return "double";
            case INT64: return "long int";
            case INT32: return "int";
            default: return "bool";
        }
    }

    /** Checks that an in-place result can be stored into {@code out}, with PyTorch's message. */
    public static void checkCastToOut(DType result, DType out) {
        if (!DType.canCast(result, out)) {
            throw new IllegalArgumentException("result type " + result.scalarTypeName()
                    + " can't be cast to the desired output type " + out.scalarTypeName());
        }
    }
}
