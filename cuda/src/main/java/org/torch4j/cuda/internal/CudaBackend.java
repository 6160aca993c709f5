package org.torch4j.cuda.internal;

import org.torch4j.DType;
import org.torch4j.Device;
import org.torch4j.Tensor;
import org.torch4j.TensorOptions;
import org.torch4j.Torch;
import org.torch4j.internal.ConvParams;
import org.torch4j.internal.CpuStorage;
import org.torch4j.internal.OpChecks;
import org.torch4j.internal.StridedBackend;
import org.torch4j.internal.Views;

/**
 * The CUDA implementation of the op table: each operator hands over to its kernel family (elementwise,
 * reductions, indexing, linear algebra); views share the storage through {@link Views}. Every operator runs on
 * the GPU; what a kernel cannot do throws {@link #notImplemented} rather than computing on the host.
 */
public final class CudaBackend extends StridedBackend {
    /** The one instance, registered through {@link CudaProvider}. */
    public static final CudaBackend INSTANCE = new CudaBackend();

    /** The value {@link #zero_} fills with (a CPU scalar, read only). */
    private static final Tensor ZERO = Tensor.of(CpuStorage.wrap(new long[] {0}));

    private CudaBackend() {
    }

    /** The error of an operator (or a case of one) that has no CUDA kernel. */
    public static UnsupportedOperationException notImplemented(String op, String detail) {
        return new UnsupportedOperationException(op + " is not implemented for CUDA" + (detail == null ? "" : ": " + detail));
    }

    @Override
    public Tensor empty(int[] shape, DType dtype, Device device) {
        return CudaElementwise.empty(device, shape, dtype);
    }

    @Override
    public Tensor full(int[] shape, Tensor value, DType dtype, Device device) {
        return CudaElementwise.full(device, shape, value, dtype);
    }

    @Override
    public Tensor toDevice(Tensor x, Device device) {
        return Transfer.to(x, device);
    }

    @Override
    public Tensor toDType(Tensor x, DType dtype) {
        return CudaElementwise.cast(x, dtype);
    }

    @Override
    public Tensor clone(Tensor x, boolean contiguousFormat) {
        return CudaElementwise.clone(x, contiguousFormat);
    }

    @Override
    public Tensor copy_(Tensor dst, Tensor src) {
        dst.storage().bumpVersion();
        return CudaElementwise.copy(dst, src);
    }

    @Override
    public Tensor fill_(Tensor x, Tensor value) {
        x.storage().bumpVersion();
        return CudaElementwise.copy(x, value);
    }

    @Override
    public Tensor zero_(Tensor x) {
        x.storage().bumpVersion();
        return CudaElementwise.copy(x, ZERO);
    }

    @Override
    public Tensor add(Tensor a, Tensor b, double alpha, Tensor out) {
        return CudaElementwise.binary(CudaBinaryOp.ADD, a, b, alpha, out);
    }

    @Override
    public Tensor sub(Tensor a, Tensor b, double alpha, Tensor out) {
        return CudaElementwise.binary(CudaBinaryOp.SUB, a, b, alpha, out);
    }

    @Override
    public Tensor mul(Tensor a, Tensor b, Tensor out) {
        return CudaElementwise.binary(CudaBinaryOp.MUL, a, b, 1, out);
    }

    @Override
    public Tensor div(Tensor a, Tensor b, Tensor out) {
        return CudaElementwise.binary(CudaBinaryOp.DIV, a, b, 1, out);
    }

    @Override
    public Tensor pow(Tensor a, Tensor b, Tensor out) {
        return CudaElementwise.binary(CudaBinaryOp.POW, a, b, 1, out);
    }

    @Override
    public Tensor remainder(Tensor a, Tensor b, Tensor out) {
        return CudaElementwise.binary(CudaBinaryOp.REMAINDER, a, b, 1, out);
    }

    @Override
    public Tensor maximum(Tensor a, Tensor b, Tensor out) {
        return CudaElementwise.binary(CudaBinaryOp.MAXIMUM, a, b, 1, out);
    }

    @Override
    public Tensor minimum(Tensor a, Tensor b, Tensor out) {
        return CudaElementwise.binary(CudaBinaryOp.MINIMUM, a, b, 1, out);
    }

    @Override
    public Tensor atan2(Tensor a, Tensor b, Tensor out) {
        return CudaElementwise.binary(CudaBinaryOp.ATAN2, a, b, 1, out);
    }

    @Override
    public Tensor eq(Tensor a, Tensor b, Tensor out) {
        return CudaElementwise.binary(CudaBinaryOp.EQ, a, b, 1, out);
    }

    @Override
    public Tensor ne(Tensor a, Tensor b, Tensor out) {
        return CudaElementwise.binary(CudaBinaryOp.NE, a, b, 1, out);
    }

    @Override
    public Tensor lt(Tensor a, Tensor b, Tensor out) {
        return CudaElementwise.binary(CudaBinaryOp.LT, a, b, 1, out);
    }

    @Override
    public Tensor le(Tensor a, Tensor b, Tensor out) {
        return CudaElementwise.binary(CudaBinaryOp.LE, a, b, 1, out);
    }

    @Override
    public Tensor gt(Tensor a, Tensor b, Tensor out) {
        return CudaElementwise.binary(CudaBinaryOp.GT, a, b, 1, out);
    }

    @Override
    public Tensor ge(Tensor a, Tensor b, Tensor out) {
        return CudaElementwise.binary(CudaBinaryOp.GE, a, b, 1, out);
    }

    @Override
    public Tensor logicalAnd(Tensor a, Tensor b, Tensor out) {
        return CudaElementwise.binary(CudaBinaryOp.LOGICAL_AND, a, b, 1, out);
    }

    @Override
    public Tensor logicalOr(Tensor a, Tensor b, Tensor out) {
        return CudaElementwise.binary(CudaBinaryOp.LOGICAL_OR, a, b, 1, out);
    }

    @Override
    public Tensor logicalXor(Tensor a, Tensor b, Tensor out) {
        return CudaElementwise.binary(CudaBinaryOp.LOGICAL_XOR, a, b, 1, out);
    }

    @Override
    public Tensor neg(Tensor x, Tensor out) {
        return CudaElementwise.unary(CudaUnaryOp.NEG, x, out);
    }

    @Override
    public Tensor abs(Tensor x, Tensor out) {
        return CudaElementwise.unary(CudaUnaryOp.ABS, x, out);
    }

    @Override
    public Tensor sign(Tensor x, Tensor out) {
        return CudaElementwise.unary(CudaUnaryOp.SIGN, x, out);
    }

    @Override
    public Tensor exp(Tensor x, Tensor out) {
        return CudaElementwise.unary(CudaUnaryOp.EXP, x, out);
    }

    @Override
    public Tensor log(Tensor x, Tensor out) {
        return CudaElementwise.unary(CudaUnaryOp.LOG, x, out);
    }

    @Override
    public Tensor log2(Tensor x, Tensor out) {
        return CudaElementwise.unary(CudaUnaryOp.LOG2, x, out);
    }

    @Override
    public Tensor log10(Tensor x, Tensor out) {
        return CudaElementwise.unary(CudaUnaryOp.LOG10, x, out);
    }

    @Override
    public Tensor log1p(Tensor x, Tensor out) {
        return CudaElementwise.unary(CudaUnaryOp.LOG1P, x, out);
    }

    @Override
    public Tensor expm1(Tensor x, Tensor out) {
        return CudaElementwise.unary(CudaUnaryOp.EXPM1, x, out);
    }

    @Override
    public Tensor sqrt(Tensor x, Tensor out) {
        return CudaElementwise.unary(CudaUnaryOp.SQRT, x, out);
    }

    @Override
    public Tensor rsqrt(Tensor x, Tensor out) {
        return CudaElementwise.unary(CudaUnaryOp.RSQRT, x, out);
    }

    @Override
    public Tensor reciprocal(Tensor x, Tensor out) {
        return CudaElementwise.unary(CudaUnaryOp.RECIPROCAL, x, out);
    }

    @Override
    public Tensor sin(Tensor x, Tensor out) {
        return CudaElementwise.unary(CudaUnaryOp.SIN, x, out);
    }

    @Override
    public Tensor cos(Tensor x, Tensor out) {
        return CudaElementwise.unary(CudaUnaryOp.COS, x, out);
    }

    @Override
    public Tensor tan(Tensor x, Tensor out) {
        return CudaElementwise.unary(CudaUnaryOp.TAN, x, out);
    }

    @Override
    public Tensor asin(Tensor x, Tensor out) {
        return CudaElementwise.unary(CudaUnaryOp.ASIN, x, out);
    }

    @Override
    public Tensor acos(Tensor x, Tensor out) {
        return CudaElementwise.unary(CudaUnaryOp.ACOS, x, out);
    }

    @Override
    public Tensor atan(Tensor x, Tensor out) {
        return CudaElementwise.unary(CudaUnaryOp.ATAN, x, out);
    }

    @Override
    public Tensor sinh(Tensor x, Tensor out) {
        return CudaElementwise.unary(CudaUnaryOp.SINH, x, out);
    }

    @Override
    public Tensor cosh(Tensor x, Tensor out) {
        return CudaElementwise.unary(CudaUnaryOp.COSH, x, out);
    }

    @Override
    public Tensor tanh(Tensor x, Tensor out) {
        return CudaElementwise.unary(CudaUnaryOp.TANH, x, out);
    }

    @Override
    public Tensor sigmoid(Tensor x, Tensor out) {
        return CudaElementwise.unary(CudaUnaryOp.SIGMOID, x, out);
    }

    @Override
    public Tensor relu(Tensor x, Tensor out) {
        return CudaElementwise.unary(CudaUnaryOp.RELU, x, out);
    }

    @Override
    public Tensor erf(Tensor x, Tensor out) {
        return CudaElementwise.unary(CudaUnaryOp.ERF, x, out);
    }

    @Override
    public Tensor floor(Tensor x, Tensor out) {
        return CudaElementwise.unary(CudaUnaryOp.FLOOR, x, out);
    }

    @Override
    public Tensor ceil(Tensor x, Tensor out) {
        return CudaElementwise.unary(CudaUnaryOp.CEIL, x, out);
    }

    @Override
    public Tensor round(Tensor x, Tensor out) {
        return CudaElementwise.unary(CudaUnaryOp.ROUND, x, out);
    }

    @Override
    public Tensor trunc(Tensor x, Tensor out) {
        return CudaElementwise.unary(CudaUnaryOp.TRUNC, x, out);
    }

    @Override
    public Tensor logicalNot(Tensor x, Tensor out) {
        return CudaElementwise.logicalNot(x, out);
    }

    @Override
    public Tensor clamp(Tensor x, Double min, Double max, Tensor out) {
        return CudaElementwise.clamp(x, min, max, out);
    }

    @Override
    public Tensor where(Tensor condition, Tensor a, Tensor b) {
        return CudaElementwise.where(condition, a, b);
    }

    @Override
    public Tensor maskedFill(Tensor x, Tensor mask, Tensor value, Tensor out) {
        return CudaElementwise.maskedFill(x, mask, value, out);
    }

    @Override
    public Tensor sum(Tensor x, int[] dims, boolean keepdim, DType dtype) {
        return CudaReductions.sum(x, dims, keepdim, dtype);
    }

    @Override
    public Tensor mean(Tensor x, int[] dims, boolean keepdim) {
        return CudaReductions.mean(x, dims, keepdim);
    }

    @Override
    public Tensor prod(Tensor x, Integer dim, boolean keepdim) {
        return CudaReductions.prod(x, dim, keepdim);
    }

    @Override
    public Tensor amax(Tensor x, int[] dims, boolean keepdim) {
        return CudaReductions.amax(x, dims, keepdim);
    }

    @Override
    public Tensor amin(Tensor x, int[] dims, boolean keepdim) {
        return CudaReductions.amin(x, dims, keepdim);
    }

    @Override
    public Tensor maxAll(Tensor x) {
        return CudaReductions.maxAll(x);
    }

    @Override
    public Tensor minAll(Tensor x) {
        return CudaReductions.minAll(x);
    }

    @Override
    public Tensor[] maxDim(Tensor x, int dim, boolean keepdim) {
        return CudaReductions.maxDim(x, dim, keepdim);
    }

    @Override
    public Tensor[] minDim(Tensor x, int dim, boolean keepdim) {
        return CudaReductions.minDim(x, dim, keepdim);
    }

    @Override
    public Tensor argmax(Tensor x, Integer dim, boolean keepdim) {
        return CudaReductions.argmax(x, dim, keepdim);
    }

    @Override
    public Tensor argmin(Tensor x, Integer dim, boolean keepdim) {
        return CudaReductions.argmin(x, dim, keepdim);
    }

    @Override
    public Tensor var(Tensor x, int[] dims, double correction, boolean keepdim) {
        return CudaReductions.var(x, dims, correction, keepdim);
    }

    @Override
    public Tensor std(Tensor x, int[] dims, double correction, boolean keepdim) {
        return CudaReductions.std(x, dims, correction, keepdim);
    }

    @Override
    public Tensor norm(Tensor x, double p, int[] dims, boolean keepdim) {
        return CudaReductions.norm(x, p, dims, keepdim);
    }

    @Override
    public Tensor logsumexp(Tensor x, int[] dims, boolean keepdim) {
        return CudaReductions.logsumexp(x, dims, keepdim);
    }

    @Override
    public Tensor softmax(Tensor x, int dim) {
        return CudaReductions.softmax(x, dim);
    }

    @Override
    public Tensor logSoftmax(Tensor x, int dim) {
        return CudaReductions.logSoftmax(x, dim);
    }

    @Override
    public Tensor cumsum(Tensor x, int dim) {
        return CudaReductions.cumsum(x, dim);
    }

    @Override
    public Tensor mm(Tensor a, Tensor b) {
        return CudaLinalg.mm(a, b);
    }

    @Override
    public Tensor bmm(Tensor a, Tensor b) {
        return CudaLinalg.bmm(a, b);
    }

    @Override
    public Tensor mv(Tensor a, Tensor v) {
        return CudaLinalg.mv(a, v);
    }

    @Override
    public Tensor dot(Tensor a, Tensor b) {
        return CudaLinalg.dot(a, b);
    }

    // ---- convolution

    @Override
    public Tensor convolution(Tensor input, Tensor weight, Tensor bias, ConvParams params) {
        return CudaConvolution.convolution(input, weight, bias, params);
    }

    @Override
    public Tensor[] convolutionBackward(Tensor gradOutput, Tensor input, Tensor weight, ConvParams params,
            boolean[] outputMask) {
        return CudaConvolution.backward(gradOutput, input, weight, params, outputMask);
    }

    // ---- addmm (branch mlp)

    /**
     * {@code torch.addmm} composed on the device: the product (scaled in place) plus the broadcast self scaled by
     * beta; the factors are converted to the dtype first, and a zero one drops its term as in BLAS.
     */
    @Override
    public Tensor addmm(Tensor self, Tensor mat1, Tensor mat2, double beta, double alpha) {
        OpChecks.addmm(self, mat1, mat2);
        Tensor bias = self.expand(mat1.size(0), mat2.size(1));
        Tensor product = mm(mat1, mat2);
        double a = converted(alpha, product.dtype());
        double b = converted(beta, product.dtype());
        if (a == 0) {
            zero_(product);
        } else if (a != 1) {
            mul(product, Torch.scalarTensor(a, TensorOptions.ofDType(product.dtype())), product);
        }
        return b == 0 ? product : add(product, bias, b, product);
    }

    /** A factor as a tensor of the dtype holds it: integer dtypes truncate toward zero (C++'s static_cast). */
    private static double converted(double factor, DType dtype) {
        return dtype.isFloatingPoint() ? factor : (double) (long) factor;
    }

    /** ATen's {@code threshold_backward} composed on the device: grad with zeros where self is at most threshold. */
    @Override
    public Tensor thresholdBackward(Tensor grad, Tensor self, double threshold) {
        Tensor t = Torch.scalarTensor(threshold, TensorOptions.ofDType(self.dtype()));
        return maskedFill(grad, le(self, t, null), ZERO, null);
    }

    /** ATen's {@code sigmoid_backward} composed on the device: grad * (output * (1 - output)). */
    @Override
    public Tensor sigmoidBackward(Tensor grad, Tensor output) {
        Tensor one = Torch.scalarTensor(1, TensorOptions.ofDType(output.dtype()));
        return mul(grad, mul(output, sub(one, output, 1, null), null), null);
    }

    @Override
    public Tensor cat(Tensor[] tensors, int dim) {
        return CudaIndexing.cat(tensors, dim);
    }

    @Override
    public Tensor stack(Tensor[] tensors, int dim) {
        return CudaIndexing.stack(tensors, dim);
    }

    @Override
    public Tensor indexSelect(Tensor x, int dim, Tensor index) {
        return CudaIndexing.indexSelect(x, dim, index);
    }

    @Override
    public Tensor gather(Tensor x, int dim, Tensor index) {
        return CudaIndexing.gather(x, dim, index);
    }

    @Override
    public Tensor scatter(Tensor x, int dim, Tensor index, Tensor src, Tensor out) {
        return CudaIndexing.scatter(x, dim, index, src, out);
    }

    @Override
    public Tensor scatterAdd(Tensor x, int dim, Tensor index, Tensor src, Tensor out) {
        return CudaIndexing.scatterAdd(x, dim, index, src, out);
    }

    @Override
    public Tensor indexMask(Tensor x, Tensor mask) {
        return CudaIndexing.indexMask(x, mask);
    }

    @Override
    public Tensor indexPutMask(Tensor x, Tensor mask, Tensor values, Tensor out) {
        return CudaIndexing.indexPutMask(x, mask, values, out);
    }

    @Override
    public Tensor maskedSelect(Tensor x, Tensor mask) {
        return CudaIndexing.maskedSelect(x, mask);
    }
}
