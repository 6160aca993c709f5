package org.torch4j.internal.cpu;

import java.util.Arrays;
import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.internal.ConvParams;
import org.torch4j.internal.CpuStorage;
import org.torch4j.internal.OpChecks;
import org.torch4j.internal.Parallel;

/**
 * {@code torch.convolution} and {@code convolution_backward} on the CPU (ATen's slow_conv2d scheme, also for
 * 1-d and transposed convolutions): per image, im2col into a per-thread buffer and the packed GEMM per group,
 * with the images split over the intra-op pool. The gradient of the input is the transposed product followed by
 * col2im; the gradient of the weight sums per-image products into one partial sum per fixed block of images,
 * added in block order (so the result does not depend on the thread count); the bias gradient is a sum.
 *
 * <p>Everything runs on three primitives of a direct convolution: {@link #direct}, {@link #inputGrad} and
 * {@link #weightGrad}. A transposed convolution of x by w is the input gradient of the direct convolution by w
 * whose output gradient is x; its backward is the direct convolution of the output gradient (for the input)
 * and the weight gradient with the roles of input and output gradient swapped.
 *
 * <p>Unit-stride float32 convolutions of few channels run on {@link DirectConvolution} instead, which reads the
 * column matrix in place (no im2col, no col2im).
 */
final class Convolution {
    /** Weight-gradient partial sums: at most this many blocks of images, and about this many elements in all. */
    private static final int MAX_BLOCKS = 8;
    private static final int PARTIAL_ELEMENTS = 1 << 22;
    /** Scratch slots: the im2col buffer and the input gradient's (kept zero) column buffer. */
    private static final int COLUMNS = 0;
    private static final int CLEARED = 1;
    /** The calling thread's scratch buffers, by slot, of float32 and of float64. */
    private static final ThreadScratch<CpuStorage> FLOAT_BUFFERS =
            new ThreadScratch<>(2, n -> CpuStorage.allocate(DType.FLOAT32, n), CpuStorage::length);
    private static final ThreadScratch<CpuStorage> DOUBLE_BUFFERS =
            new ThreadScratch<>(2, n -> CpuStorage.allocate(DType.FLOAT64, n), CpuStorage::length);

    private Convolution() {
    }

    /**
     * The shapes of one direct convolution as 2-d (a 1-d one has height 1): batch, channels, output channels,
     * groups and the im2col geometry.
     */
    static final class Plan {
        final DType dtype;
        final int batch;
        final int channels;
        final int outChannels;
        final int groups;
        /** Rows of a group's column matrix, columns of its weight matrix: C / groups * kh * kw. */
        final int depth;
        final Im2Col im;

        /** For a direct convolution of an input of shape {@code in} by a weight of shape {@code w}. */
        Plan(DType dtype, int[] in, int[] w, ConvParams p) {
            this.dtype = dtype;
            boolean two = p.spatialDims() == 2;
            int[] kernel = {two ? w[2] : 1, w[w.length - 1]};
            int[] stride = as2d(p.stride(), 1);
            int[] padding = as2d(p.padding(), 0);
            int[] dilation = as2d(p.dilation(), 1);
            int h = two ? in[2] : 1;
            int width = in[in.length - 1];
            int outH = (h + 2 * padding[0] - dilation[0] * (kernel[0] - 1) - 1) / stride[0] + 1;
            int outW = (width + 2 * padding[1] - dilation[1] * (kernel[1] - 1) - 1) / stride[1] + 1;
            batch = in[0];
            channels = in[1];
            outChannels = w[0];
            groups = p.groups();
            depth = channels / groups * kernel[0] * kernel[1];
            im = new Im2Col(channels, h, width, kernel, stride, padding, dilation, outH, outW);
        }

        int inputImage() {
            return channels * im.height * im.width;
        }

        int outputImage() {
            return outChannels * im.cells();
        }

        int groupOut() {
            return outChannels / groups;
        }

        /** Images per parallel chunk: about {@link Parallel#GRAIN_SIZE} multiply-adds or more. */
        int grain() {
            long work = (long) outChannels * depth * im.cells();
            return (int) Math.max(1, Parallel.GRAIN_SIZE / Math.max(1, work));
        }
    }

    /** {@code torch.convolution}: input (N, C, *spatial) and weight of one floating dtype, bias optional. */
    static Tensor convolution(Tensor input, Tensor weight, Tensor bias, ConvParams p) {
        checkDTypes(input, weight);
        Tensor x = dense(input);
        Tensor w = dense(weight);
        Tensor b = bias == null ? null : dense(Elementwise.cast(bias, input.dtype()));
        int[] outShape = p.outputShape(input.shape(), weight.shape());
        if (p.transposed()) {
            return inputGrad(x, w, b, new Plan(x.dtype(), outShape, w.shape(), p), outShape);
        }
        Plan plan = new Plan(x.dtype(), x.shape(), w.shape(), p);
        if (DirectConvolution.applies(plan)) {
            return DirectConvolution.forward(x, w, b, plan, outShape);
        }
        return direct(x, w, b, plan, outShape);
    }

    /** {@code convolution_backward}: {grad_input, grad_weight, grad_bias}, null where the mask is false. */
    static Tensor[] backward(Tensor gradOutput, Tensor input, Tensor weight, ConvParams p, boolean[] mask) {
        checkDTypes(input, weight);
        Tensor g = dense(Elementwise.cast(gradOutput, input.dtype()));
        Tensor x = dense(input);
        Tensor w = dense(weight);
        Tensor[] grads = new Tensor[3];
        if (p.transposed()) {
            Plan plan = new Plan(x.dtype(), g.shape(), w.shape(), p);
            grads[0] = mask[0] ? direct(g, w, null, plan, x.shape()) : null;
            grads[1] = mask[1] ? weightGrad(g, x, plan, w.shape(), null) : null;
        } else {
            Plan plan = new Plan(x.dtype(), x.shape(), w.shape(), p);
            if ((mask[0] || mask[1]) && DirectConvolution.backwardApplies(plan, x, w, mask)) {
                Tensor[] direct = DirectConvolution.backward(g, x, w, plan, mask);
                grads[0] = direct[0];
                grads[1] = direct[1];
            } else if (mask[0] && mask[1] && Parallel.numThreads() <= blockCount(plan.batch, w.numel())) {
                // one pass over the images for both, while each image's output gradient is in the caches
                grads[0] = Elementwise.empty(x.shape(), plan.dtype);
                grads[1] = weightGrad(x, g, plan, w.shape(), inputGradImage(g, w, null, plan, grads[0]));
            } else {
                grads[0] = mask[0] ? inputGrad(g, w, null, plan, x.shape()) : null;
                grads[1] = mask[1] ? weightGrad(x, g, plan, w.shape(), null) : null;
            }
        }
        if (mask[2]) {
            int[] dims = new int[g.dim() - 1];
            for (int d = 1; d < dims.length; d++) {
                dims[d] = d + 1;
            }
            grads[2] = Reductions.sum(g, dims, false, null);
        }
        return grads;
    }

    /** The direct convolution of x by w plus bias (may be null), into a new tensor of shape {@code outShape}. */
    private static Tensor direct(Tensor x, Tensor w, Tensor bias, Plan plan, int[] outShape) {
        Tensor out = Elementwise.empty(outShape, plan.dtype);
        CpuStorage xs = Elementwise.data(x);
        CpuStorage ws = Elementwise.data(w);
        CpuStorage os = Elementwise.data(out);
        int cells = plan.im.cells();
        int og = plan.groupOut();
        Parallel.forRange(plan.batch, plan.grain(), (first, end) -> {
            for (int n = first; n < end; n++) {
                int oBase = n * plan.outputImage();
                if (bias != null) {
                    fillRows(os, oBase, plan.outChannels, cells, Elementwise.data(bias));
                }
                CpuStorage cols = columns(plan, xs, n * plan.inputImage());
                int cBase = plan.im.isIdentity() ? n * plan.inputImage() : 0;
                for (int gr = 0; gr < plan.groups; gr++) {
                    gemm(ws, gr * og * plan.depth, og, plan.depth, plan.depth, 1,
                            cols, cBase + gr * plan.depth * cells, cells, 1, os, oBase + gr * og * cells, cells);
                }
            }
        });
        return out;
    }

    /** Work on one image n of a batch. */
    private interface ImageTask {
        void run(int n);
    }

    /**
     * The gradient of the direct convolution's input for output gradient g: per image and group the product
     * w^T · g into the column buffer, then col2im; added to bias rows (may be null) in a new tensor of shape
     * {@code inShape}.
     */
    private static Tensor inputGrad(Tensor g, Tensor w, Tensor bias, Plan plan, int[] inShape) {
        Tensor gx = Elementwise.empty(inShape, plan.dtype);
        ImageTask image = inputGradImage(g, w, bias, plan, gx);
        Parallel.forRange(plan.batch, plan.grain(), (first, end) -> {
            for (int n = first; n < end; n++) {
                image.run(n);
            }
        });
        return gx;
    }

    /** {@link #inputGrad}'s work on one image, written into gx. */
    private static ImageTask inputGradImage(Tensor g, Tensor w, Tensor bias, Plan plan, Tensor gx) {
        CpuStorage gs = Elementwise.data(g);
        CpuStorage ws = Elementwise.data(w);
        CpuStorage xs = Elementwise.data(gx);
        int cells = plan.im.cells();
        int og = plan.groupOut();
        int image = plan.im.height * plan.im.width;
        boolean identity = plan.im.isIdentity();
        return n -> {
            int xBase = n * plan.inputImage();
            if (bias != null) {
                fillRows(xs, xBase, plan.channels, image, Elementwise.data(bias));
            }
            CpuStorage cols = identity ? xs : scratch(plan.dtype, CLEARED, plan.im.rows() * cells);
            int cBase = identity ? xBase : 0;
            for (int gr = 0; gr < plan.groups; gr++) {
                gemm(ws, gr * og * plan.depth, plan.depth, og, 1, plan.depth, gs,
                        n * plan.outputImage() + gr * og * cells, cells, 1, cols, cBase + gr * plan.depth * cells,
                        cells);
            }
            if (!identity) {
                col2im(plan.im, cols, xs, xBase);
            }
        };
    }

    /**
     * The gradient of the direct convolution's weight for input x and output gradient g: per image and group
     * g · cols^T (as dot products of rows, which need no packing), summed per fixed block of images into partial
     * sums that are then added in block order. {@code alongside} (may be null) runs on each image first, in the
     * same pass.
     */
    private static Tensor weightGrad(Tensor x, Tensor g, Plan plan, int[] weightShape, ImageTask alongside) {
        Tensor gw = Elementwise.empty(weightShape, plan.dtype);
        int size = gw.numel();
        int per = perBlock(plan.batch, size);
        int blocks = (plan.batch + per - 1) / per;
        CpuStorage partials = CpuStorage.allocate(plan.dtype, Math.max(0, blocks - 1) * size);
        CpuStorage xs = Elementwise.data(x);
        CpuStorage gs = Elementwise.data(g);
        CpuStorage ws = Elementwise.data(gw);
        int cells = plan.im.cells();
        int og = plan.groupOut();
        Parallel.forRange(blocks, 1, (firstBlock, endBlock) -> {
            for (int blk = firstBlock; blk < endBlock; blk++) {
                CpuStorage target = blk == 0 ? ws : partials;
                int tBase = blk == 0 ? 0 : (blk - 1) * size;
                for (int n = blk * per; n < Math.min(plan.batch, (blk + 1) * per); n++) {
                    if (alongside != null) {
                        alongside.run(n);
                    }
                    CpuStorage cols = columns(plan, xs, n * plan.inputImage());
                    int cBase = plan.im.isIdentity() ? n * plan.inputImage() : 0;
                    for (int gr = 0; gr < plan.groups; gr++) {
                        // g · colsᵀ: both operands run along the cells, which the GEMM's dot-product path reads in place
                        gemm(gs, n * plan.outputImage() + gr * og * cells, og, cells, cells, 1, cols,
                                cBase + gr * plan.depth * cells, 1, cells, target, tBase + gr * og * plan.depth,
                                plan.depth);
                    }
                }
            }
        });
        for (int blk = 1; blk < blocks; blk++) {
            addInto(partials, (blk - 1) * size, ws, size);
        }
        return gw;
    }

    /** Images per block of the weight-gradient partial sums (all blocks but the last are full). */
    static int perBlock(int batch, int size) {
        int count = blockCount(batch, size);
        return Math.max(1, (batch + count - 1) / count);
    }

    /** Blocks of images for the weight-gradient partial sums: a function of the shapes only. */
    static int blockCount(int batch, int size) {
        return Math.max(1, Math.min(Math.min(batch, MAX_BLOCKS), PARTIAL_ELEMENTS / Math.max(1, size)));
    }

    /** The column matrix of image n (at xBase of xs): the image itself for an identity geometry, else im2col. */
    private static CpuStorage columns(Plan plan, CpuStorage xs, int xBase) {
        if (plan.im.isIdentity()) {
            return xs;
        }
        CpuStorage cols = scratch(plan.dtype, COLUMNS, plan.im.rows() * plan.im.cells());
        if (plan.dtype == DType.FLOAT32) {
            plan.im.im2col(xs.floats(), xBase, cols.floats());
        } else {
            plan.im.im2col(xs.doubles(), xBase, cols.doubles());
        }
        return cols;
    }

    private static void col2im(Im2Col im, CpuStorage cols, CpuStorage xs, int xBase) {
        if (cols.array() instanceof float[]) {
            im.col2im(cols.floats(), xs.floats(), xBase);
        } else {
            im.col2im(cols.doubles(), xs.doubles(), xBase);
        }
    }

    /**
     * The calling thread's buffer of the dtype for a slot, at least {@code length} long: {@link #COLUMNS} for
     * im2col (overwritten whole), {@link #CLEARED} for the input gradient's columns (all zero between uses: the
     * product accumulates into it and col2im clears what it consumes).
     */
    private static CpuStorage scratch(DType dtype, int slot, int length) {
        return (dtype == DType.FLOAT32 ? FLOAT_BUFFERS : DOUBLE_BUFFERS).get(slot, length);
    }

    /** out[base + r * cells .. + cells) = bias[r] for each of the rows. */
    private static void fillRows(CpuStorage out, int base, int rows, int cells, CpuStorage bias) {
        for (int r = 0; r < rows; r++) {
            int at = base + r * cells;
            if (out.array() instanceof float[]) {
                Arrays.fill(out.floats(), at, at + cells, bias.floats()[r]);
            } else {
                Arrays.fill(out.doubles(), at, at + cells, bias.doubles()[r]);
            }
        }
    }

    /** dst[0 .. n) += src[off .. off + n). */
    private static void addInto(CpuStorage src, int off, CpuStorage dst, int n) {
        if (src.array() instanceof float[]) {
            FloatMatVec.axpy(1f, src.floats(), off, dst.floats(), 0, n);
        } else {
            DoubleMatVec.axpy(1d, src.doubles(), off, dst.doubles(), 0, n);
        }
    }

    /**
     * C (m x n, row-major at cOff) += A (m x k at aOff, strides aRs, aCs) · B (k x n at bOff, strides bRs, bCs) on
     * the storages' arrays, with the packed GEMM of the dtype.
     */
    private static void gemm(CpuStorage a, int aOff, int m, int k, int aRs, int aCs, CpuStorage b, int bOff, int bRs,
            int bCs, CpuStorage c, int cOff, int n) {
        Tensor ta = Tensor.of(a, new int[] {m, k}, new int[] {aRs, aCs}, aOff);
        Tensor tb = Tensor.of(b, new int[] {k, n}, new int[] {bRs, bCs}, bOff);
        Tensor tc = Tensor.of(c, new int[] {m, n}, new int[] {n, 1}, cOff);
        if (a.array() instanceof float[]) {
            FloatGemm.multiply(ta, tb, tc);
        } else {
            DoubleGemm.multiply(ta, tb, tc);
        }
    }

    /** PyTorch's dtype checks: input and weight of one dtype, float32 or float64 (the types with a kernel here). */
    private static void checkDTypes(Tensor input, Tensor weight) {
        if (!input.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("\"slow_conv2d_cpu\" not implemented for '"
                    + input.dtype().scalarTypeName() + "'");
        }
        OpChecks.matmulDTypes("slow_conv2d_cpu", input, weight);
    }

    /** x itself when row-major from the start of its storage, else a row-major copy. */
    private static Tensor dense(Tensor x) {
        return x.isContiguous() && x.storageOffset() == 0 ? x : CpuBackend.INSTANCE.clone(x, true);
    }

    /** A per-dim argument of a 1-d convolution as the 2-d one it runs as ({@code fill} for the height). */
    private static int[] as2d(int[] values, int fill) {
        return values.length == 1 ? new int[] {fill, values[0]} : values;
    }
}
