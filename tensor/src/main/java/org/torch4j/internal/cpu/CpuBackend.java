package org.torch4j.internal.cpu;

import org.torch4j.DType;
import org.torch4j.Device;
import org.torch4j.Tensor;
import org.torch4j.internal.ConvParams;
import org.torch4j.internal.CpuStorage;
import org.torch4j.internal.Shapes;
import org.torch4j.internal.StridedBackend;

/** The CPU implementation of the op table: each operator hands over to its kernel family. */
public final class CpuBackend extends StridedBackend {
    /** The one instance, registered by the dispatcher for {@link Device.Type#CPU}. */
    public static final CpuBackend INSTANCE = new CpuBackend();

    /** The value {@link #zero_} fills with (read only). */
    private static final Tensor ZERO = Tensor.of(CpuStorage.wrap(new long[] {0}));

    private CpuBackend() {
    }

    @Override
    public Tensor empty(int[] shape, DType dtype, Device device) {
        return Elementwise.empty(shape, dtype);
    }

    @Override
    public Tensor toDevice(Tensor x, Device device) {
        throw new IllegalStateException("the CPU backend cannot copy to " + device + ": that device's backend does");
    }

    @Override
    public Tensor toDType(Tensor x, DType dtype) {
        return Elementwise.cast(x, dtype);
    }

    @Override
    public Tensor clone(Tensor x, boolean contiguousFormat) {
        int[] strides = contiguousFormat ? null : Shapes.denseStrides(x.shape(), x.stride());
        Tensor out = strides == null ? Elementwise.empty(x.shape(), x.dtype())
                : Tensor.of(CpuStorage.allocate(x.dtype(), x.numel()), x.shape(), strides, 0);
        return Elementwise.copy(out, x);
    }

    @Override
    public Tensor copy_(Tensor dst, Tensor src) {
        dst.storage().bumpVersion();
        return Elementwise.copy(dst, src);
    }

    @Override
    public Tensor full(int[] shape, Tensor value, DType dtype, Device device) {
        return Elementwise.copy(Elementwise.empty(shape, dtype), value);
    }

    @Override
    public Tensor fill_(Tensor x, Tensor value) {
        return Elementwise.fill(x, value);
    }

    @Override
    public Tensor zero_(Tensor x) {
        return Elementwise.fill(x, ZERO);
    }

    @Override
    public Tensor add(Tensor a, Tensor b, double alpha, Tensor out) {
        return Elementwise.binary(BinaryOp.ADD, a, b, alpha, out);
    }

    @Override
    public Tensor sub(Tensor a, Tensor b, double alpha, Tensor out) {
        return Elementwise.binary(BinaryOp.SUB, a, b, alpha, out);
    }

    @Override
    public Tensor mul(Tensor a, Tensor b, Tensor out) {
        return Elementwise.binary(BinaryOp.MUL, a, b, 1, out);
    }

    @Override
    public Tensor div(Tensor a, Tensor b, Tensor out) {
        return Elementwise.binary(BinaryOp.DIV, a, b, 1, out);
    }

    @Override
    public Tensor pow(Tensor a, Tensor b, Tensor out) {
        return Elementwise.binary(BinaryOp.POW, a, b, 1, out);
    }

    @Override
    public Tensor remainder(Tensor a, Tensor b, Tensor out) {
        return Elementwise.binary(BinaryOp.REMAINDER, a, b, 1, out);
    }

    @Override
    public Tensor maximum(Tensor a, Tensor b, Tensor out) {
        return Elementwise.binary(BinaryOp.MAXIMUM, a, b, 1, out);
    }

    @Override
    public Tensor minimum(Tensor a, Tensor b, Tensor out) {
        return Elementwise.binary(BinaryOp.MINIMUM, a, b, 1, out);
    }

    @Override
    public Tensor atan2(Tensor a, Tensor b, Tensor out) {
        return Elementwise.binary(BinaryOp.ATAN2, a, b, 1, out);
    }

    @Override
    public Tensor eq(Tensor a, Tensor b, Tensor out) {
        return Elementwise.binary(BinaryOp.EQ, a, b, 1, out);
    }

    @Override
    public Tensor ne(Tensor a, Tensor b, Tensor out) {
        return Elementwise.binary(BinaryOp.NE, a, b, 1, out);
    }

    @Override
    public Tensor lt(Tensor a, Tensor b, Tensor out) {
        return Elementwise.binary(BinaryOp.LT, a, b, 1, out);
    }

    @Override
    public Tensor le(Tensor a, Tensor b, Tensor out) {
        return Elementwise.binary(BinaryOp.LE, a, b, 1, out);
    }

    @Override
    public Tensor gt(Tensor a, Tensor b, Tensor out) {
        return Elementwise.binary(BinaryOp.GT, a, b, 1, out);
    }

    @Override
    public Tensor ge(Tensor a, Tensor b, Tensor out) {
        return Elementwise.binary(BinaryOp.GE, a, b, 1, out);
    }

    @Override
    public Tensor logicalAnd(Tensor a, Tensor b, Tensor out) {
        return Elementwise.binary(BinaryOp.LOGICAL_AND, a, b, 1, out);
    }

    @Override
    public Tensor logicalOr(Tensor a, Tensor b, Tensor out) {
        return Elementwise.binary(BinaryOp.LOGICAL_OR, a, b, 1, out);
    }

    @Override
    public Tensor logicalXor(Tensor a, Tensor b, Tensor out) {
        return Elementwise.binary(BinaryOp.LOGICAL_XOR, a, b, 1, out);
    }

    @Override
    public Tensor neg(Tensor x, Tensor out) {
        return Elementwise.unary(UnaryOp.NEG, x, out);
    }

    @Override
    public Tensor abs(Tensor x, Tensor out) {
        return Elementwise.unary(UnaryOp.ABS, x, out);
    }

    @Override
    public Tensor sign(Tensor x, Tensor out) {
        return Elementwise.unary(UnaryOp.SIGN, x, out);
    }

    @Override
    public Tensor exp(Tensor x, Tensor out) {
        return Elementwise.unary(UnaryOp.EXP, x, out);
    }

    @Override
    public Tensor log(Tensor x, Tensor out) {
        return Elementwise.unary(UnaryOp.LOG, x, out);
    }

    @Override
    public Tensor log2(Tensor x, Tensor out) {
        return Elementwise.unary(UnaryOp.LOG2, x, out);
    }

    @Override
    public Tensor log10(Tensor x, Tensor out) {
        return Elementwise.unary(UnaryOp.LOG10, x, out);
    }

    @Override
    public Tensor log1p(Tensor x, Tensor out) {
        return Elementwise.unary(UnaryOp.LOG1P, x, out);
    }

    @Override
    public Tensor expm1(Tensor x, Tensor out) {
        return Elementwise.unary(UnaryOp.EXPM1, x, out);
    }

    @Override
    public Tensor sqrt(Tensor x, Tensor out) {
        return Elementwise.unary(UnaryOp.SQRT, x, out);
    }

    @Override
    public Tensor rsqrt(Tensor x, Tensor out) {
        return Elementwise.unary(UnaryOp.RSQRT, x, out);
    }

    @Override
    public Tensor reciprocal(Tensor x, Tensor out) {
        return Elementwise.unary(UnaryOp.RECIPROCAL, x, out);
    }

    @Override
    public Tensor sin(Tensor x, Tensor out) {
        return Elementwise.unary(UnaryOp.SIN, x, out);
    }

    @Override
    public Tensor cos(Tensor x, Tensor out) {
        return Elementwise.unary(UnaryOp.COS, x, out);
    }

    @Override
    public Tensor tan(Tensor x, Tensor out) {
        return Elementwise.unary(UnaryOp.TAN, x, out);
    }

    @Override
    public Tensor asin(Tensor x, Tensor out) {
        return Elementwise.unary(UnaryOp.ASIN, x, out);
    }

    @Override
    public Tensor acos(Tensor x, Tensor out) {
        return Elementwise.unary(UnaryOp.ACOS, x, out);
    }

    @Override
    public Tensor atan(Tensor x, Tensor out) {
        return Elementwise.unary(UnaryOp.ATAN, x, out);
    }

    @Override
    public Tensor sinh(Tensor x, Tensor out) {
        return Elementwise.unary(UnaryOp.SINH, x, out);
    }

    @Override
    public Tensor cosh(Tensor x, Tensor out) {
        return Elementwise.unary(UnaryOp.COSH, x, out);
    }

    @Override
    public Tensor tanh(Tensor x, Tensor out) {
        return Elementwise.unary(UnaryOp.TANH, x, out);
    }

    @Override
    public Tensor sigmoid(Tensor x, Tensor out) {
        return Elementwise.unary(UnaryOp.SIGMOID, x, out);
    }

    @Override
    public Tensor relu(Tensor x, Tensor out) {
        return Elementwise.unary(UnaryOp.RELU, x, out);
    }

    @Override
    public Tensor erf(Tensor x, Tensor out) {
        return Elementwise.unary(UnaryOp.ERF, x, out);
    }

    @Override
    public Tensor floor(Tensor x, Tensor out) {
        return Elementwise.unary(UnaryOp.FLOOR, x, out);
    }

    @Override
    public Tensor ceil(Tensor x, Tensor out) {
        return Elementwise.unary(UnaryOp.CEIL, x, out);
    }

    @Override
    public Tensor round(Tensor x, Tensor out) {
        return Elementwise.unary(UnaryOp.ROUND, x, out);
    }

    @Override
    public Tensor trunc(Tensor x, Tensor out) {
        return Elementwise.unary(UnaryOp.TRUNC, x, out);
    }

    @Override
    public Tensor logicalNot(Tensor x, Tensor out) {
        return Elementwise.logicalNot(x, out);
    }

    @Override
    public Tensor clamp(Tensor x, Double min, Double max, Tensor out) {
        return Elementwise.clamp(x, min, max, out);
    }

    @Override
    public Tensor where(Tensor condition, Tensor a, Tensor b) {
        return Elementwise.where(condition, a, b);
    }

    @Override
    public Tensor maskedFill(Tensor x, Tensor mask, Tensor value, Tensor out) {
        return Elementwise.maskedFill(x, mask, value, out);
    }

    @Override
    public Tensor sum(Tensor x, int[] dims, boolean keepdim, DType dtype) {
        return Reductions.sum(x, dims, keepdim, dtype);
    }

    @Override
    public Tensor mean(Tensor x, int[] dims, boolean keepdim) {
        return Reductions.mean(x, dims, keepdim);
    }

    @Override
    public Tensor prod(Tensor x, Integer dim, boolean keepdim) {
        return Reductions.prod(x, dim, keepdim);
    }

    @Override
    public Tensor amax(Tensor x, int[] dims, boolean keepdim) {
        return Reductions.amax(x, dims, keepdim);
    }

    @Override
    public Tensor amin(Tensor x, int[] dims, boolean keepdim) {
        return Reductions.amin(x, dims, keepdim);
    }

    @Override
    public Tensor maxAll(Tensor x) {
        return Reductions.maxAll(x);
    }

    @Override
    public Tensor minAll(Tensor x) {
        return Reductions.minAll(x);
    }

    @Override
    public Tensor[] maxDim(Tensor x, int dim, boolean keepdim) {
        return Reductions.maxDim(x, dim, keepdim);
    }

    @Override
    public Tensor[] minDim(Tensor x, int dim, boolean keepdim) {
        return Reductions.minDim(x, dim, keepdim);
    }

    @Override
    public Tensor argmax(Tensor x, Integer dim, boolean keepdim) {
        return Reductions.argmax(x, dim, keepdim);
    }

    @Override
    public Tensor argmin(Tensor x, Integer dim, boolean keepdim) {
        return Reductions.argmin(x, dim, keepdim);
    }

    @Override
    public Tensor var(Tensor x, int[] dims, double correction, boolean keepdim) {
        return Reductions.var(x, dims, correction, keepdim);
    }

    @Override
    public Tensor std(Tensor x, int[] dims, double correction, boolean keepdim) {
        return Reductions.std(x, dims, correction, keepdim);
    }

    @Override
    public Tensor norm(Tensor x, double p, int[] dims, boolean keepdim) {
        return Reductions.norm(x, p, dims, keepdim);
    }

    @Override
    public Tensor logsumexp(Tensor x, int[] dims, boolean keepdim) {
        return Reductions.logsumexp(x, dims, keepdim);
    }

    @Override
    public Tensor softmax(Tensor x, int dim) {
        return Reductions.softmax(x, dim);
    }

    @Override
    public Tensor logSoftmax(Tensor x, int dim) {
        return Reductions.logSoftmax(x, dim);
    }

    @Override
    public Tensor cumsum(Tensor x, int dim) {
        return Reductions.cumsum(x, dim);
    }

    @Override
    public Tensor mm(Tensor a, Tensor b) {
        return Linalg.mm(a, b);
    }

    @Override
    public Tensor bmm(Tensor a, Tensor b) {
        return Linalg.bmm(a, b);
    }

    @Override
    public Tensor mv(Tensor a, Tensor v) {
        return Linalg.mv(a, v);
    }

    @Override
    public Tensor dot(Tensor a, Tensor b) {
        return Linalg.dot(a, b);
    }

    // ---- convolution

    @Override
    public Tensor convolution(Tensor input, Tensor weight, Tensor bias, ConvParams params) {
        return Convolution.convolution(input, weight, bias, params);
    }

    @Override
    public Tensor[] convolutionBackward(Tensor gradOutput, Tensor input, Tensor weight, ConvParams params,
            boolean[] outputMask) {
        return Convolution.backward(gradOutput, input, weight, params, outputMask);
    }

    @Override
    public Tensor addmm(Tensor self, Tensor mat1, Tensor mat2, double beta, double alpha) {
        return Linalg.addmm(self, mat1, mat2, beta, alpha);
    }

    @Override
    public Tensor thresholdBackward(Tensor grad, Tensor self, double threshold) {
        return ThresholdBackward.compute(grad, self, threshold);
    }

    @Override
    public Tensor sigmoidBackward(Tensor grad, Tensor output) {
        return SigmoidBackward.compute(grad, output);
    }

    @Override
    public Tensor cat(Tensor[] tensors, int dim) {
        return Indexing.cat(tensors, dim);
    }

    @Override
    public Tensor stack(Tensor[] tensors, int dim) {
        return Indexing.stack(tensors, dim);
    }

    @Override
    public Tensor indexSelect(Tensor x, int dim, Tensor index) {
        return Indexing.indexSelect(x, dim, index);
    }

    @Override
    public Tensor gather(Tensor x, int dim, Tensor index) {
        return Indexing.gather(x, dim, index);
    }

    @Override
    public Tensor scatter(Tensor x, int dim, Tensor index, Tensor src, Tensor out) {
        return Indexing.scatter(x, dim, index, src, out);
    }

    @Override
    public Tensor scatterAdd(Tensor x, int dim, Tensor index, Tensor src, Tensor out) {
        return Indexing.scatterAdd(x, dim, index, src, out);
    }

    @Override
    public Tensor indexMask(Tensor x, Tensor mask) {
        return Indexing.indexMask(x, mask);
    }

    @Override
    public Tensor indexPutMask(Tensor x, Tensor mask, Tensor values, Tensor out) {
        return Indexing.indexPutMask(x, mask, values, out);
    }

    @Override
    public Tensor maskedSelect(Tensor x, Tensor mask) {
        return Indexing.maskedSelect(x, mask);
    }
}
