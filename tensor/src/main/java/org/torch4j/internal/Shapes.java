package org.torch4j.internal;

import java.util.Arrays;

/** Shape and stride arithmetic shared by every backend: numel, dim wrapping, broadcasting, view strides. */
public final class Shapes {
    private Shapes() {
    }

    /** The number of elements of a shape; it must fit a Java array. */
    public static int numel(int[] shape) {
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("tensor of shape " + format(shape)
                    + " has more elements than a Java array can hold");
        }
        return (int) n;
    }

    /** Row-major strides for a shape. */
    public static int[] contiguousStrides(int[] shape) {
        int[] strides = new int[shape.length];
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = s;
            s *= Math.max(shape[i], 1);
        }
        return strides;
    }

    /** Whether shape/strides describe a row-major layout (size-1 dims may have any stride). */
    public static boolean isContiguous(int[] shape, int[] strides) {
        int expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] == 0) {
                return true;
            }
            if (shape[i] != 1) {
                if (strides[i] != expected) {
                    return false;
                }
                expected *= shape[i];
            }
        }
        return true;
    }

    /**
     * The strides of a dense, non-overlapping layout with the same dim order as {@code strides} (what
     * {@code torch.preserve_format} keeps), or null when strides do not describe one (overlaps, gaps).
     */
    public static int[] denseStrides(int[] shape, int[] strides) {
        Integer[] order = new Integer[shape.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> strides[q] != strides[p] ? Integer.compare(strides[q], strides[p])
                : Integer.compare(p, q));
        int expected = 1;
        for (int k = order.length - 1; k >= 0; k--) {
            int d = order[k];
            if (shape[d] != 1 && strides[d] != expected) {
                return null;
            }
            expected *= shape[d];
        }
        int[] out = new int[shape.length];
        expected = 1;
        for (int k = order.length - 1; k >= 0; k--) {
            out[order[k]] = expected;
            expected *= shape[order[k]];
        }
        return out;
    }

    /**
     * The dims ordered innermost first as PyTorch's TensorIterator orders them ({@code reorder_dimensions}), for
     * operands with the given strides over {@code shape} (broadcast dims have stride 0): starting from the reversed
     * dims, an insertion sort where the first operand with unequal non-zero strides for two dims decides their
     * order, equal strides put the smaller size inside, and stride 0 leaves the decision to the next operand.
     */
    public static int[] innermostFirst(int[] shape, int[][] strides) {
        int nd = shape.length;
        int[] perm = new int[nd];
        for (int i = 0; i < nd; i++) {
            perm[i] = nd - 1 - i;
        }
        for (int i = 1; i < nd; i++) {
            int dim1 = i;
            for (int dim0 = i - 1; dim0 >= 0; dim0--) {
                int comparison = shouldSwap(shape, strides, perm[dim0], perm[dim1]);
                if (comparison > 0) {
                    int t = perm[dim0];
                    perm[dim0] = perm[dim1];
                    perm[dim1] = t;
                    dim1 = dim0;
                } else if (comparison < 0) {
                    break;
                }
            }
        }
        return perm;
    }

    /** TensorIterator's comparison: 1 if dim0 must go outside dim1, -1 if inside, 0 if no operand decides. */
    private static int shouldSwap(int[] shape, int[][] strides, int dim0, int dim1) {
        for (int[] s : strides) {
            int s0 = s[dim0];
            int s1 = s[dim1];
            if (s0 == 0 || s1 == 0) {
                continue;
            }
            if (s0 != s1) {
                return s0 < s1 ? -1 : 1;
            }
            if (shape[dim0] > shape[dim1]) {
                return 1;
            }
        }
        return 0;
    }

    /** Wraps a possibly negative dim for a tensor of {@code ndim} dims, with PyTorch's IndexError text. */
    public static int wrapDim(int dim, int ndim) {
        int n = Math.max(ndim, 1);
        if (dim < -n || dim >= n) {
            throw new IndexOutOfBoundsException("Dimension out of range (expected to be in range of ["
                    + (-n) + ", " + (n - 1) + "], but got " + dim + ")");
        }
        return dim < 0 ? dim + n : dim;
    }

    /** Wraps a list of dims and rejects repeats, as PyTorch's reductions do. */
    public static int[] wrapDims(int[] dims, int ndim) {
        int[] out = new int[dims.length];
        boolean[] seen = new boolean[Math.max(ndim, 1)];
        for (int i = 0; i < dims.length; i++) {
            out[i] = wrapDim(dims[i], ndim);
            if (seen[out[i]]) {
                throw new IllegalArgumentException("dim " + out[i] + " appears multiple times in the list of dims");
            }
            seen[out[i]] = true;
        }
        return out;
    }

    /** The broadcast shape of two shapes, with PyTorch's error text. */
    public static int[] broadcast(int[] a, int[] b) {
        int n = Math.max(a.length, b.length);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int ia = a.length - n + i;
            int ib = b.length - n + i;
            int sa = ia >= 0 ? a[ia] : 1;
            int sb = ib >= 0 ? b[ib] : 1;
            if (sa != sb && sa != 1 && sb != 1) {
                throw new IllegalArgumentException("The size of tensor a (" + sa + ") must match the size of tensor b ("
                        + sb + ") at non-singleton dimension " + i);
            }
            out[i] = sa == 1 ? sb : sa;
        }
        return out;
    }

    /** Resolves one -1 in a requested view shape, with PyTorch's errors. */
    public static int[] inferSize(int[] shape, int numel) {
        int[] out = shape.clone();
        int inferred = -1;
        long product = 1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == -1) {
                if (inferred >= 0) {
                    throw new IllegalArgumentException("only one dimension can be inferred");
                }
                inferred = i;
            } else if (out[i] < 0) {
                throw new IllegalArgumentException("invalid shape dimension " + out[i]);
            } else {
                product *= out[i];
            }
        }
        if (product == numel || (inferred >= 0 && product > 0 && numel % product == 0)) {
            if (inferred >= 0) {
                if (product == 0) {
                    throw new IllegalArgumentException("cannot reshape tensor of 0 elements into shape " + format(shape)
                            + " because the unspecified dimension size -1 can be any value and is ambiguous");
                }
                out[inferred] = (int) (numel / product);
            }
            return out;
        }
        throw new IllegalArgumentException("shape '" + format(shape) + "' is invalid for input of size " + numel);
    }

    /**
     * Strides that let {@code newShape} view memory laid out as oldShape/oldStrides, or null when no view is
     * possible (ATen's {@code computeStride}).
     */
    public static int[] viewStrides(int[] oldShape, int[] oldStrides, int[] newShape) {
        int[] newStrides = new int[newShape.length];
        if (oldShape.length == 0) {
            Arrays.fill(newStrides, 1);
            return newStrides;
        }
        if (numel(oldShape) == 0) {
            return contiguousStrides(newShape);
        }
        int viewD = newShape.length - 1;
        long chunkBaseStride = oldStrides.length > 0 ? oldStrides[oldStrides.length - 1] : 1;
        long tensorNumel = 1;
        long viewNumel = 1;
        for (int tensorD = oldShape.length - 1; tensorD >= 0; tensorD--) {
            tensorNumel *= oldShape[tensorD];
            if (tensorD == 0 || (oldShape[tensorD - 1] != 1 && oldStrides[tensorD - 1] != tensorNumel * chunkBaseStride)) {
                while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] == 1)) {
                    newStrides[viewD] = (int) (viewNumel * chunkBaseStride);
                    viewNumel *= newShape[viewD];
                    viewD--;
                }
                if (viewNumel != tensorNumel) {
                    return null;
                }
                if (tensorD > 0) {
                    chunkBaseStride = oldStrides[tensorD - 1];
                    tensorNumel = 1;
                    viewNumel = 1;
                }
            }
        }
        if (viewD != -1) {
            return null;
        }
        return newStrides;
    }

    /** A shape as PyTorch prints it in messages: {@code [2, 3]}. */
    public static String format(int[] shape) {
        return Arrays.toString(shape);
    }
}
