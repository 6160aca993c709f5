package org.torch4j;

import java.util.Arrays;
import org.torch4j.internal.Dispatcher;
import org.torch4j.internal.Shapes;

/**
 * {@code torch.matmul}: dispatches by rank to dot, mv, mm and bmm with PyTorch's broadcasting rules, as ATen's
 * {@code _matmul_impl} (1.13) does. Built only from ops of the table (views, reshape, expand, mm, mv, bmm, and
 * {@code squeeze_} and {@code _unsafe_view} on its own results, as ATen), so autograd differentiates through it
 * unchanged and records the nodes PyTorch records.
 */
final class Matmul {
    private Matmul() {
    }

    static Tensor matmul(Tensor a, Tensor b) {
        int da = a.dim();
        int db = b.dim();
        if (da == 0 || db == 0) {
            throw new IllegalArgumentException("both arguments to matmul need to be at least 1D, but they are " + da
                    + "D and " + db + "D");
        }
        if (da == 1 && db == 1) {
            return a.dot(b);
        }
        if (da == 2 && db == 1) {
            return a.mv(b);
        }
        if (da == 1 && db == 2) {
            Tensor row = a.unsqueeze(0).mm(b);
            return Dispatcher.of(row).squeeze_(row, 0);
        }
        if (da == 2 && db == 2) {
            return a.mm(b);
        }
        if (shouldFold(a, db) || shouldFold(b, da)) {
            return folded(a, b);
        }
        return batched(a, b);
    }

    /**
     * Whether the batch dims of t (at least 3-d) can be folded into its rows to use mm/mv instead of bmm, for
     * an other operand of {@code otherDim} dims. A 3-d t whose last two dims are transposed while its batch
     * dim is outermost stays on bmm, which reads the transposed matrices without a copy.
     */
    private static boolean shouldFold(Tensor t, int otherDim) {
        if (t.dim() < 3 || otherDim > 2) {
            return false;
        }
        return !(t.dim() == 3 && otherDim == 2 && t.stride(-1) != 1 && t.stride(0) == t.size(1) * t.size(2));
    }

    /** The larger operand (transposed if it is b) folded to a matrix: one mm or mv, then the batch shape back. */
    private static Tensor folded(Tensor a, Tensor b) {
        boolean transpose = b.dim() > a.dim();
        Tensor t1 = transpose ? b.mT() : a;
        Tensor t2 = !transpose ? b : a.dim() == 2 ? a.t() : a;
        int[] sizes1 = t1.shape();
        int[] outShape = Arrays.copyOf(sizes1, sizes1.length - 1);
        int rows = Shapes.numel(outShape);
        Tensor t1Folded = t1.reshape(rows, sizes1[sizes1.length - 1]);
        if (t2.dim() == 1) {
            return unsafeView(t1Folded.mv(t2), outShape);
        }
        int[] withCols = Arrays.copyOf(outShape, outShape.length + 1);
        withCols[outShape.length] = t2.size(1);
        Tensor output = unsafeView(t1Folded.mm(t2), withCols);
        return transpose ? output.mT().contiguous() : output;
    }

    /**
     * Broadcast batch dims, both operands expanded and reshaped to 3-d, one bmm, then the output shape. Every
     * case that reaches here has two operands of at least 2 dims: a vector operand is always folded.
     */
    private static Tensor batched(Tensor a, Tensor b) {
        int[] sa = a.shape();
        int[] sb = b.shape();
        int n = sa[sa.length - 2];
        int m1 = sa[sa.length - 1];
        int m2 = sb[sb.length - 2];
        int p = sb[sb.length - 1];
        int[] batch = Shapes.broadcast(Arrays.copyOf(sa, sa.length - 2), Arrays.copyOf(sb, sb.length - 2));
        int count = Shapes.numel(batch);
        Tensor a3 = a.expand(append(batch, n, m1)).reshape(count, n, m1);
        Tensor b3 = b.expand(append(batch, m2, p)).reshape(count, m2, p);
        return unsafeView(a3.bmm(b3), append(batch, n, p));
    }

    /** {@code at::_unsafe_view} of a fresh product. */
    private static Tensor unsafeView(Tensor product, int[] shape) {
        return Dispatcher.of(product).unsafeView(product, shape);
    }

    private static int[] append(int[] shape, int... more) {
        int[] out = Arrays.copyOf(shape, shape.length + more.length);
        System.arraycopy(more, 0, out, shape.length, more.length);
        return out;
    }
}
