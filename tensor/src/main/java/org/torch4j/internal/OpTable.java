package org.torch4j.internal;

import org.torch4j.DType;
import org.torch4j.Device;
import org.torch4j.Tensor;

/**
 * The op table: one method per operator, the torch4j equivalent of ATen's native functions as seen
 * through the dispatcher. The CPU backend implements it, the autograd module implements it again as a
 * layer that records derivatives and calls the backend below, and the CUDA module implements it for
 * CUDA tensors. {@link Dispatcher} picks the implementation for each call.
 *
 * <p>Conventions shared by every implementation:
 * <ul>
 *   <li>Arguments are already validated for the API shape (dims wrapped to be non-negative, -1 sizes
 *       resolved); implementations check what depends on data: broadcasting, dtypes, index ranges.</li>
 *   <li>Elementwise ops broadcast and promote types as PyTorch does. A scalar operand is a 0-dim
 *       "wrapped number" tensor ({@link Tensor#isWrappedNumber()}).</li>
 *   <li>{@code out} is {@code null} for the functional form; for the in-place form ({@code add_}) it is
 *       the first input, written in place, and returned.</li>
 *   <li>{@code dims} of a reduction: an empty array reduces over every dimension.</li>
 * </ul>
 */
public interface OpTable {

    // ---- memory, conversion and copies

    /** {@code torch.empty(shape, dtype, device)}: uninitialised (zero-filled on the CPU). */
    Tensor empty(int[] shape, DType dtype, Device device);

    /** {@code torch.full(shape, value, dtype, device)}: a new tensor (at version 0) holding a 0-dim value. */
    Tensor full(int[] shape, Tensor value, DType dtype, Device device);

    /** {@code x.to(device)}: a copy on another device (never called with x already there). */
    Tensor toDevice(Tensor x, Device device);

    /** {@code x.to(dtype)}: a converted copy (never called with x already of that dtype). */
    Tensor toDType(Tensor x, DType dtype);

    /**
     * {@code x.clone(memory_format)}: a copy with the same dtype. With {@code contiguousFormat} false
     * ({@code torch.preserve_format}, clone's default) a dense non-overlapping x keeps its strides; otherwise,
     * and always with {@code contiguousFormat} true ({@code x.contiguous()}), the copy is row-major.
     */
    Tensor clone(Tensor x, boolean contiguousFormat);

    /** {@code dst.copy_(src)}: copies src, broadcast to dst's shape and converted to dst's dtype. */
    Tensor copy_(Tensor dst, Tensor src);

    /** {@code x.fill_(value)} where value is a 0-dim tensor. */
    Tensor fill_(Tensor x, Tensor value);

    /** {@code x.zero_()}. */
    Tensor zero_(Tensor x);

    // ---- views (share storage with x)

    /**
     * {@code x.view(shape)}; shape has no -1 and the same numel. Throws PyTorch's IllegalStateException when x's
     * strides do not allow the view.
     */
    Tensor view(Tensor x, int[] shape);

    /**
     * {@code x.reshape(shape)} where x's strides allow a view (ATen's {@code _reshape_alias}): the same view as
     * {@link #view}, differentiated as a reshape.
     */
    Tensor reshapeAlias(Tensor x, int[] shape);

    /**
     * {@code torch._unsafe_view(x, shape)}: a view as {@link #view} that autograd does not track as a view; for a
     * result that nothing else references (the copy {@code x.reshape} makes of a layout that cannot be viewed,
     * matmul's folded and batched results).
     */
    Tensor unsafeView(Tensor x, int[] shape);

    /** {@code torch.as_strided(x, shape, strides, offset)}. */
    Tensor asStrided(Tensor x, int[] shape, int[] strides, int offset);

    /** {@code x.expand(shape)}; shape has no -1. */
    Tensor expand(Tensor x, int[] shape);

    /** {@code x.permute(dims)}. */
    Tensor permute(Tensor x, int[] dims);

    /** {@code x.transpose(dim0, dim1)}. */
    Tensor transpose(Tensor x, int dim0, int dim1);

    /** {@code x.t()} for x of at most 2 dims. */
    Tensor t(Tensor x);

    /** {@code x.squeeze()} (dim == null) or {@code x.squeeze(dim)}. */
    Tensor squeeze(Tensor x, Integer dim);

    /**
     * {@code x.squeeze_()} (dim == null) or {@code x.squeeze_(dim)}: x loses those dims in place. A Tensor's
     * geometry is fixed, so the result is a new tensor over x's storage (version bumped) that carries on x's
     * history and is used in x's place; matmul calls it on its own results.
     */
    Tensor squeeze_(Tensor x, Integer dim);

    /** {@code x.unsqueeze(dim)}. */
    Tensor unsqueeze(Tensor x, int dim);

    /** {@code x[..., start:end:step, ...]} along dim; start/end already clamped to the size. */
    Tensor slice(Tensor x, int dim, int start, int end, int step);

    /** {@code x.select(dim, index)}; index already wrapped and checked. */
    Tensor select(Tensor x, int dim, int index);

    /**
     * {@code x.split(splitSize, dim)}: views of splitSize along dim, the last one possibly smaller (one view when
     * dim's size is at most splitSize); splitSize is positive, or 0 when dim's size is 0.
     */
    Tensor[] split(Tensor x, int splitSize, int dim);

    /** {@code x.split(sizes, dim)} ({@code split_with_sizes}): sizes are non-negative and add up to dim's size. */
    Tensor[] splitWithSizes(Tensor x, int[] sizes, int dim);

    /** {@code x.unbind(dim)}: one view per index of dim, which x has. */
    Tensor[] unbind(Tensor x, int dim);

    // ---- elementwise binary (broadcasting, type promotion)

    /** {@code torch.add(a, b, alpha=alpha)}. */
    Tensor add(Tensor a, Tensor b, double alpha, Tensor out);

    /** {@code torch.sub(a, b, alpha=alpha)}. */
    Tensor sub(Tensor a, Tensor b, double alpha, Tensor out);

    /** {@code torch.mul(a, b)}. */
    Tensor mul(Tensor a, Tensor b, Tensor out);

    /** True division: integer inputs give the default float dtype. */
    Tensor div(Tensor a, Tensor b, Tensor out);

    /** {@code torch.pow(a, b)}. */
    Tensor pow(Tensor a, Tensor b, Tensor out);

    /** Python's {@code %}: the result has the sign of the divisor. */
    Tensor remainder(Tensor a, Tensor b, Tensor out);

    /** {@code torch.maximum(a, b)}. */
    Tensor maximum(Tensor a, Tensor b, Tensor out);

    /** {@code torch.minimum(a, b)}. */
    Tensor minimum(Tensor a, Tensor b, Tensor out);

    /** {@code torch.atan2(a, b)}. */
    Tensor atan2(Tensor a, Tensor b, Tensor out);

    // comparisons and logic: bool results (in place: written into out's dtype)

    /** {@code torch.eq(a, b)}. */
    Tensor eq(Tensor a, Tensor b, Tensor out);

    /** {@code torch.ne(a, b)}. */
    Tensor ne(Tensor a, Tensor b, Tensor out);

    /** {@code torch.lt(a, b)}. */
    Tensor lt(Tensor a, Tensor b, Tensor out);

    /** {@code torch.le(a, b)}. */
    Tensor le(Tensor a, Tensor b, Tensor out);

    /** {@code torch.gt(a, b)}. */
    Tensor gt(Tensor a, Tensor b, Tensor out);

    /** {@code torch.ge(a, b)}. */
    Tensor ge(Tensor a, Tensor b, Tensor out);

    /** {@code torch.logical_and(a, b)}. */
    Tensor logicalAnd(Tensor a, Tensor b, Tensor out);

    /** {@code torch.logical_or(a, b)}. */
    Tensor logicalOr(Tensor a, Tensor b, Tensor out);

    /** {@code torch.logical_xor(a, b)}. */
    Tensor logicalXor(Tensor a, Tensor b, Tensor out);

    // ---- elementwise unary (integer inputs of float-valued functions give the default float dtype)

    /** {@code torch.neg(x)}. */
    Tensor neg(Tensor x, Tensor out);

    /** {@code torch.abs(x)}. */
    Tensor abs(Tensor x, Tensor out);

    /** {@code torch.sign(x)}. */
    Tensor sign(Tensor x, Tensor out);

    /** {@code torch.exp(x)}. */
    Tensor exp(Tensor x, Tensor out);

    /** {@code torch.log(x)}. */
    Tensor log(Tensor x, Tensor out);

    /** {@code torch.log2(x)}. */
    Tensor log2(Tensor x, Tensor out);

    /** {@code torch.log10(x)}. */
    Tensor log10(Tensor x, Tensor out);

    /** {@code torch.log1p(x)}. */
    Tensor log1p(Tensor x, Tensor out);

    /** {@code torch.expm1(x)}. */
    Tensor expm1(Tensor x, Tensor out);

    /** {@code torch.sqrt(x)}. */
    Tensor sqrt(Tensor x, Tensor out);

    /** {@code torch.rsqrt(x)}. */
    Tensor rsqrt(Tensor x, Tensor out);

    /** {@code torch.reciprocal(x)}. */
    Tensor reciprocal(Tensor x, Tensor out);

    /** {@code torch.sin(x)}. */
    Tensor sin(Tensor x, Tensor out);

    /** {@code torch.cos(x)}. */
    Tensor cos(Tensor x, Tensor out);

    /** {@code torch.tan(x)}. */
    Tensor tan(Tensor x, Tensor out);

    /** {@code torch.asin(x)}. */
    Tensor asin(Tensor x, Tensor out);

    /** {@code torch.acos(x)}. */
    Tensor acos(Tensor x, Tensor out);

    /** {@code torch.atan(x)}. */
    Tensor atan(Tensor x, Tensor out);

    /** {@code torch.sinh(x)}. */
    Tensor sinh(Tensor x, Tensor out);

    /** {@code torch.cosh(x)}. */
    Tensor cosh(Tensor x, Tensor out);

    /** {@code torch.tanh(x)}. */
    Tensor tanh(Tensor x, Tensor out);

    /** {@code torch.sigmoid(x)}. */
    Tensor sigmoid(Tensor x, Tensor out);

    /** {@code torch.relu(x)}. */
    Tensor relu(Tensor x, Tensor out);

    /** {@code torch.erf(x)}. */
    Tensor erf(Tensor x, Tensor out);

    /** {@code torch.floor(x)}. */
    Tensor floor(Tensor x, Tensor out);

    /** {@code torch.ceil(x)}. */
    Tensor ceil(Tensor x, Tensor out);

    /** Round half to even, as {@code torch.round}. */
    Tensor round(Tensor x, Tensor out);

    /** {@code torch.trunc(x)}. */
    Tensor trunc(Tensor x, Tensor out);

    /** {@code torch.logical_not(x)}. */
    Tensor logicalNot(Tensor x, Tensor out);

    /** {@code torch.clamp(x, min, max)}; either bound may be null (not both). */
    Tensor clamp(Tensor x, Double min, Double max, Tensor out);

    // ---- selection

    /** {@code torch.where(condition, a, b)} with broadcasting and promotion of a and b. */
    Tensor where(Tensor condition, Tensor a, Tensor b);

    /** {@code x.masked_fill(mask, value)}; value is a 0-dim tensor; mask broadcasts to x. */
    Tensor maskedFill(Tensor x, Tensor mask, Tensor value, Tensor out);

    // ---- reductions

    /** {@code torch.sum(x, dims, keepdim, dtype)}; dtype null means PyTorch's default (int/bool sum to int64). */
    Tensor sum(Tensor x, int[] dims, boolean keepdim, DType dtype);

    /** {@code torch.mean(x, dims, keepdim)}. */
    Tensor mean(Tensor x, int[] dims, boolean keepdim);

    /** {@code torch.prod}; dim null reduces everything. */
    Tensor prod(Tensor x, Integer dim, boolean keepdim);

    /** {@code torch.amax(x, dims, keepdim)}. */
    Tensor amax(Tensor x, int[] dims, boolean keepdim);

    /** {@code torch.amin(x, dims, keepdim)}. */
    Tensor amin(Tensor x, int[] dims, boolean keepdim);

    /** {@code x.max()}: the largest element as a 0-dim tensor (amax over every dim, differentiated as max). */
    Tensor maxAll(Tensor x);

    /** {@code x.min()}. */
    Tensor minAll(Tensor x);

    /** {@code torch.max(x, dim, keepdim)}: {values, indices}; ties give the first index. */
    Tensor[] maxDim(Tensor x, int dim, boolean keepdim);

    /** {@code torch.min(x, dim, keepdim)}: {values, indices}; ties give the first index. */
    Tensor[] minDim(Tensor x, int dim, boolean keepdim);

    /** {@code torch.argmax}; dim null means over the flattened tensor. */
    Tensor argmax(Tensor x, Integer dim, boolean keepdim);

    /** {@code torch.argmin}; dim null means over the flattened tensor. */
    Tensor argmin(Tensor x, Integer dim, boolean keepdim);

    /** {@code torch.var(x, dims, correction, keepdim)}. */
    Tensor var(Tensor x, int[] dims, double correction, boolean keepdim);

    /** {@code torch.std(x, dims, correction, keepdim)}. */
    Tensor std(Tensor x, int[] dims, double correction, boolean keepdim);

    /** {@code torch.norm(x, p, dims, keepdim)}: the vector p-norm (p may be infinite). */
    Tensor norm(Tensor x, double p, int[] dims, boolean keepdim);

    /** {@code torch.logsumexp(x, dims, keepdim)}. */
    Tensor logsumexp(Tensor x, int[] dims, boolean keepdim);

    /** {@code torch.softmax(x, dim)}. */
    Tensor softmax(Tensor x, int dim);

    /** {@code torch.log_softmax(x, dim)}. */
    Tensor logSoftmax(Tensor x, int dim);

    /** {@code torch.cumsum(x, dim)}. */
    Tensor cumsum(Tensor x, int dim);

    // ---- linear algebra

    /** {@code torch.mm}: (n,k) x (k,m). */
    Tensor mm(Tensor a, Tensor b);

    /** {@code torch.bmm}: (B,n,k) x (B,k,m). */
    Tensor bmm(Tensor a, Tensor b);

    /** {@code torch.mv}: (n,k) x (k). */
    Tensor mv(Tensor a, Tensor v);

    /** {@code torch.dot}: two 1-d tensors of the same length. */
    Tensor dot(Tensor a, Tensor b);

    // ---- convolution

    /**
     * {@code torch.convolution(input, weight, bias, stride, padding, dilation, transposed, output_padding, groups)}
     * for a batched input (N, C, *spatial) with one or two spatial dims; bias may be null. The arguments are
     * checked and expanded ({@link ConvChecks}).
     */
    Tensor convolution(Tensor input, Tensor weight, Tensor bias, ConvParams params);

    /**
     * {@code torch.ops.aten.convolution_backward}: {grad_input, grad_weight, grad_bias} of {@link #convolution}
     * for the gradient of its output, each computed only where {@code outputMask} asks for it (null otherwise).
     */
    Tensor[] convolutionBackward(Tensor gradOutput, Tensor input, Tensor weight, ConvParams params,
            boolean[] outputMask);

    /**
     * {@code torch.addmm(self, mat1, mat2, beta=beta, alpha=alpha)}: {@code beta * self + alpha * (mat1 · mat2)},
     * self broadcast to (n, m); a zero beta ignores self, a zero alpha the product.
     */
    Tensor addmm(Tensor self, Tensor mat1, Tensor mat2, double beta, double alpha);

    /**
     * ATen's {@code threshold_backward(grad, self, threshold)}: grad where self is above the threshold, zero
     * elsewhere (ReLU's derivative, with self its result and threshold 0); grad and self of one shape and dtype.
     */
    Tensor thresholdBackward(Tensor grad, Tensor self, double threshold);

    /**
     * ATen's {@code sigmoid_backward(grad_output, output)}: {@code grad * (output * (1 - output))} (sigmoid's
     * derivative from its result, the products in that order); grad and output of one shape and dtype.
     */
    Tensor sigmoidBackward(Tensor grad, Tensor output);

    // ---- joining

    /**
     * {@code torch.cat(tensors, dim)}; unlike other ops, dim arrives unwrapped: PyTorch wraps it against the
     * first input that is not a legacy empty tensor of shape [0] (such inputs are skipped).
     */
    Tensor cat(Tensor[] tensors, int dim);

    /** {@code torch.stack(tensors, dim)}. */
    Tensor stack(Tensor[] tensors, int dim);

    // ---- indexing

    /** {@code torch.index_select(x, dim, index)}. */
    Tensor indexSelect(Tensor x, int dim, Tensor index);

    /** {@code torch.gather(x, dim, index)}. */
    Tensor gather(Tensor x, int dim, Tensor index);

    /** {@code x.scatter(dim, index, src)}; a wrapped-number src is the value overload. */
    Tensor scatter(Tensor x, int dim, Tensor index, Tensor src, Tensor out);

    /** {@code torch.scatter_add(x, dim, index, src)}. */
    Tensor scatterAdd(Tensor x, int dim, Tensor index, Tensor src, Tensor out);

    /** {@code x[mask]} for a bool mask whose shape matches x's leading dims: a 1-d (or trailing-dims) copy. */
    Tensor indexMask(Tensor x, Tensor mask);

    /** {@code x[mask] = values} ({@code index_put_}); values broadcasts to the selected elements. */
    Tensor indexPutMask(Tensor x, Tensor mask, Tensor values, Tensor out);

    /** {@code x.masked_select(mask)}: a bool mask and x broadcast together; the selected elements as a 1-d copy. */
    Tensor maskedSelect(Tensor x, Tensor mask);
}
