package org.torch4j.internal;

import java.util.Arrays;
import org.torch4j.DType;
import org.torch4j.Tensor;

/**
 * The argument checks of the operators that depend neither on data nor on the device, shared by every
 * backend of the op table so that a CPU and a CUDA call fail alike, with PyTorch's messages
 * (IllegalArgumentException for RuntimeError, IndexOutOfBoundsException for IndexError).
 */
public final class OpChecks {
    private OpChecks() {
    }

    // ------------------------------------------------------------------ elementwise

    /** {@code a - b} of two bool tensors. */
    public static void noBoolSubtraction(DType common) {
        if (common == DType.BOOL) {
            throw new IllegalArgumentException("Subtraction, the `-` operator, with two bool tensors is not supported. "
                    + "Use the `^` or `logical_xor()` operator instead.");
        }
    }

    /** {@code -x} of a bool tensor. */
    public static void noBoolNegation(DType dtype) {
        if (dtype == DType.BOOL) {
            throw new IllegalArgumentException("Negation, the `-` operator, on a bool tensor is not supported. If you are "
                    + "trying to invert a mask, use the `~` or `logical_not()` operator instead.");
        }
    }

    /** add/sub's alpha must be integral for integral results. */
    public static void alpha(double alpha, DType common) {
        if (alpha != 1 && !common.isFloatingPoint() && alpha != Math.rint(alpha)) {
            throw new IllegalArgumentException("For integral input tensors, argument alpha must not be a floating point number.");
        }
    }

    /** An output (in-place target or copy destination) must have exactly the broadcast shape. */
    public static void outputShape(int[] out, int[] broadcast) {
        if (!Arrays.equals(out, broadcast)) {
            throw new IllegalArgumentException("output with shape " + Shapes.format(out)
                    + " doesn't match the broadcast shape " + Shapes.format(broadcast));
        }
    }

    /** {@code dst.copy_(src)}: src must broadcast to dst's shape. */
    public static void copyShape(int[] dst, int[] src) {
        outputShape(dst, Shapes.broadcast(dst, src));
    }

    /** {@code masked_fill}'s checks; returns the result shape (x's shape in place, the broadcast one otherwise). */
    public static int[] maskedFill(Tensor x, Tensor mask, Tensor value, Tensor out) {
        if (mask.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("masked_fill_ only supports boolean masks, but got mask with dtype "
                    + mask.dtype().scalarTypeName());
        }
        if (value.dtype().isFloatingPoint() && !x.dtype().isFloatingPoint() && out != null) {
            TypePromotion.checkCastToOut(value.dtype(), x.dtype());
        }
        int[] shape = out != null ? x.shape() : Shapes.broadcast(x.shape(), mask.shape());
        if (out != null && !Arrays.equals(Shapes.broadcast(x.shape(), mask.shape()), shape)) {
            throw new IllegalArgumentException("The expanded size of the mask " + Shapes.format(mask.shape())
                    + " must match the size of the tensor " + Shapes.format(shape));
        }
        return shape;
    }

    // ------------------------------------------------------------------ reductions

    /** {@code torch.mean} needs a floating input. */
    public static void meanDType(DType dtype) {
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("mean(): could not infer output dtype. Input dtype must be either a "
                    + "floating point or complex dtype. Got: " + dtype.scalarTypeName());
        }
    }

    /** amax/amin over dims, and max()/min() (dims empty): no empty reduction; name is the operator's. */
    public static void extremeReduction(String name, Tensor x, int[] dims) {
        if (dims.length == 0 && x.numel() == 0) {
            throw new IllegalArgumentException(name + "(): Expected reduction dim to be specified for input.numel() == 0. "
                    + "Specify the reduction dim with the 'dim' argument.");
        }
        for (int d : dims) {
            nonEmptyDim(name, x, d);
        }
    }

    /** argmax/argmin: a dim or a non-empty input, and no bool ({@code kernel} is the backend's kernel name). */
    public static void argReduction(String name, String kernel, Tensor x, Integer dim) {
        if (dim == null && x.numel() == 0) {
            throw new IndexOutOfBoundsException(name + "(): Expected reduction dim to be specified for input.numel() == 0.");
        }
        if (dim != null) {
            nonEmptyDim(name, x, dim);
        }
        if (x.dtype() == DType.BOOL) {
            throw new IllegalArgumentException("\"" + kernel + "\" not implemented for 'Bool'");
        }
    }

    /** PyTorch's IndexError for a reduction over a dim of size 0. */
    public static void nonEmptyDim(String name, Tensor x, int dim) {
        if (x.dim() > 0 && x.shape()[dim] == 0) {
            throw new IndexOutOfBoundsException(name + "(): Expected reduction dim " + dim + " to have non-zero size.");
        }
    }

    /** var and std need a floating input. */
    public static void momentsDType(DType dtype) {
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("std and var only support floating point and complex dtypes");
        }
    }

    /** {@code torch.norm} needs a floating input. */
    public static void normDType(DType dtype) {
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("norm(): input dtype should be either floating point or complex. Got "
                    + dtype.scalarTypeName() + " instead.");
        }
    }

    // ------------------------------------------------------------------ linear algebra

    /** {@code torch.mm}'s shapes. */
    public static void mm(Tensor a, Tensor b) {
        if (a.dim() != 2) {
            throw new IllegalArgumentException("self must be a matrix");
        }
        if (b.dim() != 2) {
            throw new IllegalArgumentException("mat2 must be a matrix");
        }
        if (a.size(1) != b.size(0)) {
            throw new IllegalArgumentException("mat1 and mat2 shapes cannot be multiplied (" + a.size(0) + "x" + a.size(1)
                    + " and " + b.size(0) + "x" + b.size(1) + ")");
        }
    }

    /** {@code torch.addmm}'s dtype and shape checks in PyTorch's order (self's broadcast is checked by its expand). */
    public static void addmm(Tensor self, Tensor mat1, Tensor mat2) {
        if (self.dtype() != mat2.dtype()) {
            throw new IllegalArgumentException("self and mat2 must have the same dtype");
        }
        if (mat1.dtype() != mat2.dtype()) {
            throw new IllegalArgumentException("mat1 and mat2 must have the same dtype");
        }
        if (mat1.dim() != 2) {
            throw new IllegalArgumentException("mat1 must be a matrix, got " + mat1.dim() + "-D tensor");
        }
        if (mat2.dim() != 2) {
            throw new IllegalArgumentException("mat2 must be a matrix, got " + mat2.dim() + "-D tensor");
        }
        if (mat1.size(1) != mat2.size(0)) {
            throw new IllegalArgumentException("mat1 and mat2 shapes cannot be multiplied (" + mat1.size(0) + "x"
                    + mat1.size(1) + " and " + mat2.size(0) + "x" + mat2.size(1) + ")");
        }
    }

    /** {@code torch.bmm}'s shapes. */
    public static void bmm(Tensor a, Tensor b) {
        if (a.dim() != 3) {
            throw new IllegalArgumentException("batch1 must be a 3D tensor");
        }
        if (b.dim() != 3) {
            throw new IllegalArgumentException("batch2 must be a 3D tensor");
        }
        if (b.size(0) != a.size(0) || b.size(1) != a.size(2)) {
            throw new IllegalArgumentException("Expected size for first two dimensions of batch2 tensor to be: ["
                    + a.size(0) + ", " + a.size(2) + "] but got: [" + b.size(0) + ", " + b.size(1) + "].");
        }
    }

    /** {@code torch.mv}'s shapes. */
    public static void mv(Tensor a, Tensor v) {
        if (a.dim() == 0) {
            throw new IndexOutOfBoundsException("Dimension specified as 0 but tensor has no dimensions");
        }
        if (a.dim() != 2 || v.dim() != 1) {
            throw new IllegalArgumentException("vector + matrix @ vector expected, got 1, " + a.dim() + ", " + v.dim());
        }
        if (a.size(1) != v.size(0)) {
            throw new IllegalArgumentException("size mismatch, got " + a.size(0) + ", " + a.size(0) + "x" + a.size(1)
                    + "," + v.size(0));
        }
    }

    /** {@code torch.dot}'s shapes and dtypes. */
    public static void dot(Tensor a, Tensor b) {
        if (a.dim() != 1 || b.dim() != 1) {
            throw new IllegalArgumentException("1D tensors expected, but got " + a.dim() + "D and " + b.dim() + "D tensors");
        }
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException("dot : expected both vectors to have same dtype, but found "
                    + a.dtype().scalarTypeName() + " and " + b.dtype().scalarTypeName());
        }
        if (a.size(0) != b.size(0)) {
            throw new IllegalArgumentException("inconsistent tensor size, expected tensor [" + a.size(0) + "] and src ["
                    + b.size(0) + "] to have the same number of elements, but got " + a.size(0) + " and " + b.size(0)
                    + " elements respectively");
        }
    }

    /** The dtype checks of the matrix kernels: bool is not dispatched, and the second operand must match. */
    public static void matmulDTypes(String kernel, Tensor a, Tensor b) {
        if (a.dtype() == DType.BOOL) {
            throw new IllegalArgumentException("\"" + kernel + "\" not implemented for 'Bool'");
        }
        if (b.dtype() != a.dtype()) {
            throw new IllegalArgumentException("expected scalar type " + a.dtype().scalarTypeName() + " but found "
                    + b.dtype().scalarTypeName());
        }
    }

    // ------------------------------------------------------------------ joining

    /**
     * {@code torch.cat}'s checks with PyTorch 1.13's rules; returns the first input that is not a legacy empty
     * tensor (1-d of shape [0], skipped by cat), or null when every input is one.
     */
    public static Tensor cat(Tensor[] tensors, int wrappedDimOrRaw) {
        for (int i = 0; i < tensors.length; i++) {
            if (tensors[i].dim() == 0) {
                throw new IllegalArgumentException("zero-dimensional tensor (at position " + i + ") cannot be concatenated");
            }
        }
        Tensor first = null;
        for (Tensor t : tensors) {
            if (!catSkips(t)) {
                first = t;
                break;
            }
        }
        if (first == null) {
            return null;
        }
        int dim = Shapes.wrapDim(wrappedDimOrRaw, first.dim());
        for (int i = 0; i < tensors.length; i++) {
            if (!catSkips(tensors[i])) {
                catShape(first, tensors[i], dim, i);
            }
        }
        return first;
    }

    /** ATen's {@code cat_should_skip_tensor}: legacy empty tensors of shape [0] take no part in cat. */
    public static boolean catSkips(Tensor t) {
        return t.dim() == 1 && t.numel() == 0;
    }

    private static void catShape(Tensor first, Tensor t, int dim, int index) {
        if (first.dim() != t.dim()) {
            throw new IllegalArgumentException("Tensors must have same number of dimensions: got " + first.dim()
                    + " and " + t.dim());
        }
        for (int d = 0; d < first.dim(); d++) {
            if (d != dim && first.size(d) != t.size(d)) {
                throw new IllegalArgumentException("Sizes of tensors must match except in dimension " + dim
                        + ". Expected size " + first.size(d) + " but got size " + t.size(d) + " for tensor number "
                        + index + " in the list.");
            }
        }
    }

    /** {@code torch.stack}: every input has the first one's shape. */
    public static void stack(Tensor[] tensors) {
        int[] entry = tensors[0].shape();
        for (int i = 0; i < tensors.length; i++) {
            if (!Arrays.equals(entry, tensors[i].shape())) {
                throw new IllegalArgumentException("stack expects each tensor to be equal size, but got "
                        + Shapes.format(entry) + " at entry 0 and " + Shapes.format(tensors[i].shape()) + " at entry " + i);
            }
        }
    }

    // ------------------------------------------------------------------ indexing

    /** {@code index_select}'s checks of the index (a 0-d or 1-d int32/int64 tensor) and of an empty self. */
    public static void indexSelect(Tensor x, int dim, Tensor index) {
        if (index.dim() > 1) {
            throw new IndexOutOfBoundsException("index_select(): Index is supposed to be a vector");
        }
        if (index.dtype() != DType.INT64 && index.dtype() != DType.INT32) {
            throw new IllegalArgumentException("index_select(): Expected dtype int32 or int64 for index");
        }
        int size = x.dim() == 0 ? 1 : x.size(dim);
        if (x.dim() > 1 && x.numel() == 0 && index.numel() > 0 && size == 0) {
            throw new IllegalArgumentException("index_select(): self indexing axis dim should be positive");
        }
    }

    /** gather/scatter take an int64 index (unless it is empty). */
    public static void scatterGatherIndexDType(String op, Tensor index) {
        if (index.numel() != 0 && index.dtype() != DType.INT64) {
            throw new IllegalArgumentException(op + "(): Expected dtype int64 for index");
        }
    }

    /** ATen's {@code gather_shape_check}. */
    public static void gatherShape(Tensor x, int dim, Tensor index) {
        int dims = nonEmptyDims(x);
        if (dims != nonEmptyDims(index)) {
            throw new IllegalArgumentException("Index tensor must have the same number of dimensions as input tensor");
        }
        for (int d = 0; d < dims; d++) {
            if (d != dim && nonEmptySize(index, d) > nonEmptySize(x, d)) {
                throw new IllegalArgumentException("Size does not match at dimension " + d + " expected index "
                        + Shapes.format(index.shape()) + " to be smaller than self " + Shapes.format(x.shape())
                        + " apart from dimension " + dim);
            }
        }
    }

    /** scatter/scatter_add's dtype and shape checks; src is null for the value overload. */
    public static void scatter(Tensor x, int dim, Tensor index, Tensor src) {
        scatterGatherIndexDType("scatter", index);
        if (src != null && src.dtype() != x.dtype()) {
            throw new IllegalArgumentException("scatter(): Expected self.dtype to be equal to src.dtype");
        }
        scatterShape(x, dim, index, src);
    }

    /** ATen's {@code scatter_shape_check}; src is null for the value overload. */
    private static void scatterShape(Tensor x, int dim, Tensor index, Tensor src) {
        if (index.numel() == 0) {
            return;
        }
        int dims = nonEmptyDims(x);
        if (dims != nonEmptyDims(index)) {
            throw new IllegalArgumentException("Index tensor must have the same number of dimensions as self tensor");
        }
        boolean wrongShape = false;
        for (int d = 0; d < dims && !wrongShape; d++) {
            wrongShape = d != dim && nonEmptySize(index, d) > nonEmptySize(x, d);
        }
        for (int d = 0; d < dims && !wrongShape && src != null; d++) {
            wrongShape = nonEmptySize(index, d) > nonEmptySize(src, d);
        }
        String expected = "Expected index " + Shapes.format(index.shape()) + " to be smaller than self "
                + Shapes.format(x.shape()) + " apart from dimension " + dim;
        if (src == null) {
            if (wrongShape) {
                throw new IllegalArgumentException(expected);
            }
            return;
        }
        if (nonEmptyDims(src) != nonEmptyDims(index)) {
            throw new IllegalArgumentException("Index tensor must have the same number of dimensions as src tensor");
        }
        if (wrongShape) {
            throw new IllegalArgumentException(expected + " and to be smaller size than src " + Shapes.format(src.shape()));
        }
    }

    /** The message of gather/scatter for an index value out of range. */
    public static IllegalArgumentException indexOutOfBounds(long k, int dim, int size) {
        return new IllegalArgumentException("index " + k + " is out of bounds for dimension " + dim + " with size " + size);
    }

    /** ATen's {@code ensure_nonempty_dim}: a 0-dim tensor counts as 1-d. */
    private static int nonEmptyDims(Tensor t) {
        return Math.max(t.dim(), 1);
    }

    /** ATen's {@code ensure_nonempty_size}: size 1 for a 0-dim tensor, else {@code t.size(d)} (may throw IndexError). */
    private static int nonEmptySize(Tensor t, int d) {
        return t.dim() == 0 ? 1 : t.size(d);
    }

    /** Python's checks of a mask index: bool dtype, no more dims than x, and x's leading sizes. */
    public static void mask(Tensor x, Tensor mask) {
        if (mask.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("indexing with a tensor of dtype " + mask.dtype() + " is not supported: "
                    + "index and indexPut_ take a bool mask (use indexSelect or gather for integer indices)");
        }
        if (mask.dim() > x.dim()) {
            throw new IndexOutOfBoundsException("too many indices for tensor of dimension " + x.dim());
        }
        for (int j = 0; j < mask.dim(); j++) {
            if (mask.size(j) != x.size(j)) {
                throw new IndexOutOfBoundsException("The shape of the mask " + Shapes.format(mask.shape()) + " at index "
                        + j + " does not match the shape of the indexed tensor " + Shapes.format(x.shape())
                        + " at index " + j);
            }
        }
    }

    /**
     * {@code x[mask] = v}: v (its leading size-1 dims already dropped) must broadcast to the indexing result
     * and have x's dtype.
     */
    public static void indexPutValues(Tensor x, Tensor v, int[] resultShape) {
        if (!expandable(v.shape(), resultShape)) {
            throw new IllegalArgumentException("shape mismatch: value tensor of shape " + Shapes.format(v.shape())
                    + " cannot be broadcast to indexing result of shape " + Shapes.format(resultShape));
        }
        if (v.dtype() != x.dtype()) {
            throw new IllegalArgumentException("Index put requires the source and destination dtypes match, got "
                    + x.dtype().scalarTypeName() + " for the destination and " + v.dtype().scalarTypeName()
                    + " for the source.");
        }
    }

    /** Python's {@code slicePrefix1sSize}: a value's leading size-1 dims are dropped before index_put_. */
    public static int[] stripLeadingOnes(int[] shape) {
        int first = 0;
        while (first < shape.length && shape[first] == 1) {
            first++;
        }
        return Arrays.copyOfRange(shape, first, shape.length);
    }

    /** ATen's {@code is_expandable_to}: shape broadcasts to target without changing target. */
    private static boolean expandable(int[] shape, int[] target) {
        if (shape.length > target.length) {
            return false;
        }
        for (int i = 1; i <= shape.length; i++) {
            int s = shape[shape.length - i];
            if (s != 1 && s != target[target.length - i]) {
                return false;
            }
        }
        return true;
    }
}
