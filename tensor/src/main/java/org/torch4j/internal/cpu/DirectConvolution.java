package org.torch4j.internal.cpu;

import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.internal.Parallel;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Unit-stride float32 convolutions of few channels without im2col: each image is copied once into a zero-padded
 * buffer (an unpadded forward reads the input itself), and the products read the column matrix in place at one
 * offset per (channel, kernel row, kernel column), over a widened output whose rows are as wide as the buffer's (the extra cells are dropped when the
 * result is copied out). The input gradient is the direct convolution of the zero-padded output gradient by the
 * flipped, transposed weight (no col2im); the weight gradient takes its dot products from the same padded
 * output gradient, whose zero margins blank the widened cells.
 *
 * <p>Used by {@link Convolution} when {@link #applies} holds; the weight gradient also needs a finite input (a
 * widened cell multiplies an input element that the convolution does not pair with that weight by zero) and the
 * input gradient a finite weight (the padded margins multiply it by zero), which {@link #backwardApplies} checks.
 */
final class DirectConvolution {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = FloatShiftedProducts.L;
    /** The deepest product (C * kh * kw, or Cout * kh * kw for the input gradient) worth reading in place. */
    private static final int MAX_DEPTH = 256;
    /** The most floats of one image's widened result; larger images go through im2col and the packed GEMM. */
    private static final int MAX_WIDE = 1 << 16;
    /** Zeros after each padded plane, so that reads of a whole last vector stay inside the buffer. */
    private static final int SLACK = 2 * L;
    /** The calling thread's buffers: the padded input, the padded output gradient, the widened result, lanes. */
    private static final int INPUT = 0;
    private static final int GRAD = 1;
    private static final int WIDE = 2;
    private static final int LANES = 3;
    private static final ThreadScratch<float[]> BUFFERS = new ThreadScratch<>(4, float[]::new, a -> a.length);

    private final Convolution.Plan plan;
    private final Im2Col im;
    private final int outChannels;
    /**
     * Forward: the padded input's row width and plane size (planes follow each other directly: a read past a plane
     * only reaches widened cells), the widened result's columns, the row offsets.
     */
    private final int forwardWidth;
    private final int forwardPlane;
    private final int forwardColumns;
    private final int[] forwardOffsets;
    /**
     * Backward: one row width for the padded input and the padded output gradient, their plane sizes, where the
     * output gradient sits in its plane, the input gradient's widened columns, the weight gradient's dot length
     * and the row offsets of both products.
     */
    private final int backwardWidth;
    private final int inputPlane;
    private final int gradPlane;
    private final int gradTop;
    private final int gradLeft;
    private final int inputGradColumns;
    private final int dotLength;
    private final int[] inputOffsets;
    private final int[] gradOffsets;

    private DirectConvolution(Convolution.Plan plan) {
        this.plan = plan;
        im = plan.im;
        outChannels = plan.outChannels;
        int extentH = (im.kh - 1) * im.dh;
        int extentW = (im.kw - 1) * im.dw;
        int paddedH = im.height + 2 * im.ph;
        forwardWidth = im.width + 2 * im.pw;
        forwardPlane = paddedH * forwardWidth;
        forwardColumns = roundUp((im.outH - 1) * forwardWidth + im.outW, FloatShiftedProducts.TILE_COLUMNS);
        forwardOffsets = offsets(im.channels, forwardPlane, forwardWidth);
        backwardWidth = backwardWidth(im);
        inputPlane = paddedH * backwardWidth + SLACK;
        gradPlane = (im.height + extentH) * backwardWidth + SLACK;
        gradTop = extentH - im.ph;
        gradLeft = extentW - im.pw;
        inputGradColumns = roundUp((im.height - 1) * backwardWidth + im.width, FloatShiftedProducts.TILE_COLUMNS);
        dotLength = roundUp((im.outH - 1) * backwardWidth + im.outW, L);
        inputOffsets = offsets(im.channels, inputPlane, backwardWidth);
        gradOffsets = offsets(outChannels, gradPlane, backwardWidth);
    }

    /**
     * Whether the convolution of the plan (not transposed) runs here: float32, one group, unit stride, padding
     * within the kernel's extent, few channels and small images.
     */
    static boolean applies(Convolution.Plan plan) {
        Im2Col im = plan.im;
        int window = im.kh * im.kw;
        int rows = FloatShiftedProducts.paddedRows(Math.max(plan.outChannels, im.channels));
        int columns = Math.max(im.outH, im.height) * backwardWidth(im) + SLACK;
        return plan.dtype == DType.FLOAT32 && plan.groups == 1 && im.sh == 1 && im.sw == 1
                && im.ph <= (im.kh - 1) * im.dh && im.pw <= (im.kw - 1) * im.dw
                && plan.depth > 0 && plan.depth <= MAX_DEPTH && plan.outChannels * window <= MAX_DEPTH
                && (long) rows * columns <= MAX_WIDE;
    }

    /**
     * The row width the backward pass shares between the padded input and the padded output gradient: wide
     * enough for the input's padding and for the full convolution's reach past the input.
     */
    private static int backwardWidth(Im2Col im) {
        return im.width + Math.max(2 * im.pw, (im.kw - 1) * im.dw);
    }

    /** {@link #applies} plus the finiteness the requested gradients need (see the class comment). */
    static boolean backwardApplies(Convolution.Plan plan, Tensor input, Tensor weight, boolean[] mask) {
        return applies(plan) && (!mask[1] || allFinite(Elementwise.data(input).floats(), input.numel()))
                && (!mask[0] || allFinite(Elementwise.data(weight).floats(), weight.numel()));
    }

    /** The convolution of the dense input x by the dense weight w plus bias (may be null). */
    static Tensor forward(Tensor x, Tensor w, Tensor bias, Convolution.Plan plan, int[] outShape) {
        DirectConvolution conv = new DirectConvolution(plan);
        Im2Col im = conv.im;
        float[] packed = FloatShiftedProducts.packWeights(Elementwise.data(w).floats(), 0, plan.depth, 1,
                plan.outChannels, plan.depth);
        float[] start = bias == null ? null : paddedBias(Elementwise.data(bias).floats(), plan.outChannels);
        Tensor out = Elementwise.empty(outShape, DType.FLOAT32);
        float[] xs = Elementwise.data(x).floats();
        float[] os = Elementwise.data(out).floats();
        int rows = FloatShiftedProducts.paddedRows(plan.outChannels);
        boolean unpadded = im.ph == 0 && im.pw == 0;
        Parallel.forRange(plan.batch, plan.grain(), (first, end) -> {
            for (int n = first; n < end; n++) {
                int image = n * plan.inputImage();
                float[] source = xs;
                if (!unpadded || image + plan.inputImage() + SLACK > xs.length) {
                    // read through a padded copy (the widened cells' reads run up to SLACK past the image)
                    source = BUFFERS.get(INPUT, im.channels * conv.forwardPlane + SLACK);
                    place(xs, image, im.channels, im.height, im.width, source, conv.forwardPlane, conv.forwardWidth,
                            im.ph, im.pw);
                    image = 0;
                }
                float[] wide = BUFFERS.get(WIDE, rows * conv.forwardColumns);
                FloatShiftedProducts.multiply(packed, plan.depth, start, source, image, conv.forwardOffsets, wide,
                        conv.forwardColumns);
                compact(wide, conv.forwardColumns, conv.forwardWidth, plan.outChannels, im.outH, im.outW, os,
                        n * plan.outputImage());
            }
        });
        return out;
    }

    /**
     * {grad_input, grad_weight} of the convolution of x by w for the output gradient g (all dense), null where
     * the mask says so; the weight gradient is summed per fixed block of images as {@link Convolution} does.
     */
    static Tensor[] backward(Tensor g, Tensor x, Tensor w, Convolution.Plan plan, boolean[] mask) {
        DirectConvolution conv = new DirectConvolution(plan);
        float[] flipped = mask[0] ? conv.flippedWeight(Elementwise.data(w).floats()) : null;
        Tensor gx = mask[0] ? Elementwise.empty(x.shape(), DType.FLOAT32) : null;
        float[] gs = Elementwise.data(g).floats();
        float[] gxs = mask[0] ? Elementwise.data(gx).floats() : null;
        if (!mask[1]) {
            conv.inputGrad(gs, flipped, gxs);
            return new Tensor[] {gx, null};
        }
        Tensor gw = Elementwise.empty(w.shape(), DType.FLOAT32);
        int size = gw.numel();
        int per = Convolution.perBlock(plan.batch, size);
        int blocks = (plan.batch + per - 1) / per;
        boolean alongside = mask[0] && Parallel.numThreads() <= blocks;
        if (mask[0] && !alongside) {
            conv.inputGrad(gs, flipped, gxs);
        }
        float[] xs = Elementwise.data(x).floats();
        // one region of lane sums per block (in the calling thread's buffer), added in block order at the end
        int region = size * L;
        float[] lanes = BUFFERS.get(LANES, blocks * region);
        Parallel.forRange(blocks, 1, (firstBlock, endBlock) -> {
            for (int blk = firstBlock; blk < endBlock; blk++) {
                int first = blk * per;
                for (int n = first; n < Math.min(plan.batch, first + per); n++) {
                    float[] gp = conv.placeGrad(gs, n);
                    if (alongside) {
                        conv.inputGradImage(gp, flipped, gxs, n);
                    }
                    conv.weightGradImage(gp, xs, n, lanes, blk * region, n == first);
                }
            }
        });
        for (int blk = 1; blk < blocks; blk++) {
            FloatMatVec.axpy(1f, lanes, blk * region, lanes, 0, region);
        }
        if (blocks > 0) {
            FloatShiftedProducts.sumLanes(lanes, size, Elementwise.data(gw).floats(), 0);
        }
        return new Tensor[] {gx, gw};
    }

    /** The input gradient of every image, split over the batch. */
    private void inputGrad(float[] gs, float[] flipped, float[] gxs) {
        Parallel.forRange(plan.batch, plan.grain(), (first, end) -> {
            for (int n = first; n < end; n++) {
                inputGradImage(placeGrad(gs, n), flipped, gxs, n);
            }
        });
    }

    /** The output gradient of image n, zero-padded in this thread's buffer. */
    private float[] placeGrad(float[] gs, int n) {
        float[] padded = BUFFERS.get(GRAD, outChannels * gradPlane);
        place(gs, n * plan.outputImage(), outChannels, im.outH, im.outW, padded, gradPlane, backwardWidth, gradTop,
                gradLeft);
        return padded;
    }

    /** Image n of the input gradient from its padded output gradient gp. */
    private void inputGradImage(float[] gp, float[] flipped, float[] gxs, int n) {
        float[] wide = BUFFERS.get(WIDE, FloatShiftedProducts.paddedRows(im.channels) * inputGradColumns);
        FloatShiftedProducts.multiply(flipped, gradOffsets.length, null, gp, 0, gradOffsets, wide, inputGradColumns);
        compact(wide, inputGradColumns, backwardWidth, im.channels, im.height, im.width, gxs, n * plan.inputImage());
    }

    /** Adds image n's weight-gradient dot products into lanes at lo (or starts them there when {@code fresh}). */
    private void weightGradImage(float[] gp, float[] xs, int n, float[] lanes, int lo, boolean fresh) {
        float[] padded = BUFFERS.get(INPUT, im.channels * inputPlane);
        place(xs, n * plan.inputImage(), im.channels, im.height, im.width, padded, inputPlane, backwardWidth, im.ph,
                im.pw);
        FloatShiftedProducts.accumulateDots(gp, gradTop * backwardWidth + gradLeft, gradPlane, outChannels, padded,
                inputOffsets, plan.depth, dotLength, lanes, lo, fresh);
    }

    /**
     * The weight for the input gradient, packed for {@link FloatShiftedProducts#multiply}: row c, column (o, i,
     * j) holds w[o][c][kh - 1 - i][kw - 1 - j].
     */
    private float[] flippedWeight(float[] w) {
        int window = im.kh * im.kw;
        int depth = outChannels * window;
        float[] flipped = new float[im.channels * depth];
        for (int c = 0; c < im.channels; c++) {
            for (int o = 0; o < outChannels; o++) {
                for (int k = 0; k < window; k++) {
                    flipped[c * depth + o * window + k] = w[(o * im.channels + c) * window + window - 1 - k];
                }
            }
        }
        return FloatShiftedProducts.packWeights(flipped, 0, depth, 1, im.channels, depth);
    }

    /** The row offsets of the column matrix over padded planes: (channel, kernel row, kernel column) in order. */
    private int[] offsets(int channels, int plane, int width) {
        int[] offsets = new int[channels * im.kh * im.kw];
        int k = 0;
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < im.kh; i++) {
                for (int j = 0; j < im.kw; j++) {
                    offsets[k++] = c * plane + i * im.dh * width + j * im.dw;
                }
            }
        }
        return offsets;
    }

    /**
     * dst = planes of {@code plane} floats, each all zero but for the rows x cols block of src's plane (planes
     * of rows x cols at src[so]) placed at row {@code top} and column {@code left} of rows {@code width} wide.
     */
    private static void place(float[] src, int so, int planes, int rows, int cols, float[] dst, int plane, int width,
            int top, int left) {
        FloatVector zero = FloatVector.zero(S);
        int n = planes * plane;
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            zero.intoArray(dst, i);
        }
        for (; i < n; i++) {
            dst[i] = 0f;
        }
        for (int c = 0; c < planes; c++) {
            for (int r = 0; r < rows; r++) {
                copyRow(src, so + (c * rows + r) * cols, dst, c * plane + (top + r) * width + left, cols);
            }
        }
    }

    /** dst[d + (c * rows + r) * cols + j] = wide[c * columns + r * width + j]: the widened result's real cells. */
    private static void compact(float[] wide, int columns, int width, int planes, int rows, int cols, float[] dst,
            int d) {
        for (int c = 0; c < planes; c++) {
            for (int r = 0; r < rows; r++) {
                copyRow(wide, c * columns + r * width, dst, d + (c * rows + r) * cols, cols);
            }
        }
    }

    /** dst[d .. d + n) = src[s .. s + n); a run of a vector or more ends with a vector overlapping the last. */
    private static void copyRow(float[] src, int s, float[] dst, int d, int n) {
        if (n < L) {
            System.arraycopy(src, s, dst, d, n);
            return;
        }
        int i = 0;
        for (; i + L < n; i += L) {
            FloatVector.fromArray(S, src, s + i).intoArray(dst, d + i);
        }
        FloatVector.fromArray(S, src, s + n - L).intoArray(dst, d + n - L);
    }

    private static float[] paddedBias(float[] bias, int rows) {
        float[] padded = new float[FloatShiftedProducts.paddedRows(rows)];
        System.arraycopy(bias, 0, padded, 0, rows);
        return padded;
    }

    /** Whether a[0 .. n) are all finite: x * 0 is 0 for finite x and NaN otherwise. */
    private static boolean allFinite(float[] a, int n) {
        FloatVector sum = FloatVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            sum = sum.add(FloatVector.fromArray(S, a, i).mul(0f));
        }
        float tail = 0f;
        for (; i < n; i++) {
            tail += a[i] * 0f;
        }
        return !Float.isNaN(tail) && !sum.test(VectorOperators.IS_NAN).anyTrue();
    }

    private static int roundUp(int n, int multiple) {
        return (n + multiple - 1) / multiple * multiple;
    }
}
