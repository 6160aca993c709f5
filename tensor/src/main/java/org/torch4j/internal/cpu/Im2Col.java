package org.torch4j.internal.cpu;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * im2col and its adjoint col2im for one image of a 2-d convolution (a 1-d one has height 1): the column matrix
 * (C * kh * kw, outH * outW) holds, for each channel and kernel offset (row) and output cell (column), the input
 * element that the cell's window reads there, zero where the window covers padding. Rows are filled a run of
 * output cells at a time: the cells whose window stays inside the input form one range per kernel column.
 */
final class Im2Col {
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    /** Channels, input height and width, kernel, stride, padding, dilation and output size per spatial dim. */
    final int channels;
    final int height;
    final int width;
    final int kh;
    final int kw;
    final int sh;
    final int sw;
    final int ph;
    final int pw;
    final int dh;
    final int dw;
    final int outH;
    final int outW;
    /** Per kernel column: the first and the end output column whose window column lies inside the input. */
    private final int[] first;
    private final int[] end;

    Im2Col(int channels, int height, int width, int[] kernel, int[] stride, int[] padding, int[] dilation, int outH,
            int outW) {
        this.channels = channels;
        this.height = height;
        this.width = width;
        kh = kernel[0];
        kw = kernel[1];
        sh = stride[0];
        sw = stride[1];
        ph = padding[0];
        pw = padding[1];
        dh = dilation[0];
        dw = dilation[1];
        this.outH = outH;
        this.outW = outW;
        first = new int[kw];
        end = new int[kw];
        for (int kj = 0; kj < kw; kj++) {
            int shift = kj * dw - pw;
            first[kj] = Math.min(outW, Math.max(0, Math.floorDiv(-shift + sw - 1, sw)));
            end[kj] = Math.max(first[kj], Math.min(outW, Math.floorDiv(width - 1 - shift, sw) + 1));
        }
    }

    /** Rows of the column matrix: C * kh * kw. */
    int rows() {
        return channels * kh * kw;
    }

    /** Columns of the column matrix: the output cells. */
    int cells() {
        return outH * outW;
    }

    /** Whether the column matrix is the image itself (a 1x1 kernel with unit stride and no padding). */
    boolean isIdentity() {
        return kh == 1 && kw == 1 && sh == 1 && sw == 1 && ph == 0 && pw == 0;
    }

    /** The input row that output row {@code oh} reads at kernel row {@code ki}, or -1 in the padding. */
    private int inputRow(int oh, int ki) {
        int ih = oh * sh - ph + ki * dh;
        return ih >= 0 && ih < height ? ih : -1;
    }

    /** cols[0 .. rows * cells) = im2col of the (C, H, W) image at x[xOff]. */
    void im2col(float[] x, int xOff, float[] cols) {
        int d = 0;
        for (int c = 0; c < channels; c++) {
            for (int ki = 0; ki < kh; ki++) {
                for (int kj = 0; kj < kw; kj++) {
                    int lo = first[kj];
                    int hi = end[kj];
                    int shift = kj * dw - pw;
                    for (int oh = 0; oh < outH; oh++, d += outW) {
                        int ih = inputRow(oh, ki);
                        if (ih < 0) {
                            Arrays.fill(cols, d, d + outW, 0f);
                            continue;
                        }
                        if (lo > 0 || hi < outW) {
                            Arrays.fill(cols, d, d + lo, 0f);
                            Arrays.fill(cols, d + hi, d + outW, 0f);
                        }
                        int src = xOff + (c * height + ih) * width + shift;
                        if (sw == 1) {
                            System.arraycopy(x, src + lo, cols, d + lo, hi - lo);
                        } else {
                            for (int ow = lo; ow < hi; ow++) {
                                cols[d + ow] = x[src + ow * sw];
                            }
                        }
                    }
                }
            }
        }
    }

    /** {@link #im2col(float[], int, float[])} for float64. */
    void im2col(double[] x, int xOff, double[] cols) {
        int d = 0;
        for (int c = 0; c < channels; c++) {
            for (int ki = 0; ki < kh; ki++) {
                for (int kj = 0; kj < kw; kj++) {
                    int lo = first[kj];
                    int hi = end[kj];
                    int shift = kj * dw - pw;
                    for (int oh = 0; oh < outH; oh++, d += outW) {
                        int ih = inputRow(oh, ki);
                        if (ih < 0) {
                            Arrays.fill(cols, d, d + outW, 0d);
                            continue;
                        }
                        if (lo > 0 || hi < outW) {
                            Arrays.fill(cols, d, d + lo, 0d);
                            Arrays.fill(cols, d + hi, d + outW, 0d);
                        }
                        int src = xOff + (c * height + ih) * width + shift;
                        if (sw == 1) {
                            System.arraycopy(x, src + lo, cols, d + lo, hi - lo);
                        } else {
                            for (int ow = lo; ow < hi; ow++) {
                                cols[d + ow] = x[src + ow * sw];
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * col2im: adds each element of cols (rows x cells) into the (C, H, W) image at x[xOff] that it was read from,
     * and leaves cols all zero (so that the next product can accumulate into it without clearing it first).
     */
    void col2im(float[] cols, float[] x, int xOff) {
        int d = 0;
        for (int c = 0; c < channels; c++) {
            for (int ki = 0; ki < kh; ki++) {
                for (int kj = 0; kj < kw; kj++) {
                    int lo = first[kj];
                    int hi = end[kj];
                    int shift = kj * dw - pw;
                    for (int oh = 0; oh < outH; oh++, d += outW) {
                        int ih = inputRow(oh, ki);
                        if (ih < 0) {
                            Arrays.fill(cols, d, d + outW, 0f);
                            continue;
                        }
                        if (lo > 0 || hi < outW) {
                            Arrays.fill(cols, d, d + lo, 0f);
                            Arrays.fill(cols, d + hi, d + outW, 0f);
                        }
                        int dst = xOff + (c * height + ih) * width + shift;
                        if (sw == 1) {
                            moveAdd(cols, d + lo, x, dst + lo, hi - lo);
                        } else {
                            for (int ow = lo; ow < hi; ow++) {
                                x[dst + ow * sw] += cols[d + ow];
                                cols[d + ow] = 0f;
                            }
                        }
                    }
                }
            }
        }
    }

    /** {@link #col2im(float[], float[], int)} for float64. */
    void col2im(double[] cols, double[] x, int xOff) {
        int d = 0;
        for (int c = 0; c < channels; c++) {
            for (int ki = 0; ki < kh; ki++) {
                for (int kj = 0; kj < kw; kj++) {
                    int lo = first[kj];
                    int hi = end[kj];
                    int shift = kj * dw - pw;
                    for (int oh = 0; oh < outH; oh++, d += outW) {
                        int ih = inputRow(oh, ki);
                        if (ih < 0) {
                            Arrays.fill(cols, d, d + outW, 0d);
                            continue;
                        }
                        if (lo > 0 || hi < outW) {
                            Arrays.fill(cols, d, d + lo, 0d);
                            Arrays.fill(cols, d + hi, d + outW, 0d);
                        }
                        int dst = xOff + (c * height + ih) * width + shift;
                        if (sw == 1) {
                            moveAdd(cols, d + lo, x, dst + lo, hi - lo);
                        } else {
                            for (int ow = lo; ow < hi; ow++) {
                                x[dst + ow * sw] += cols[d + ow];
                                cols[d + ow] = 0d;
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * dst[d .. d + n) += src[s .. s + n), then src[s .. s + n) = 0, in one pass. A run of at least one vector ends
     * with a vector overlapping the previous one rather than a scalar tail (col2im's runs are short, as wide as
     * the output): the overlap adds the zeros just left in src.
     */
    private static void moveAdd(float[] src, int s, float[] dst, int d, int n) {
        FloatVector zero = FloatVector.zero(FS);
        int i = 0;
        for (int bound = FS.loopBound(n); i < bound; i += FS.length()) {
            FloatVector.fromArray(FS, dst, d + i).add(FloatVector.fromArray(FS, src, s + i)).intoArray(dst, d + i);
            zero.intoArray(src, s + i);
        }
        if (i < n && i > 0) {
            // the last whole vector ending at n: its part below i was already moved, so src holds zeros there
            int last = n - FS.length();
            FloatVector.fromArray(FS, dst, d + last).add(FloatVector.fromArray(FS, src, s + last)).intoArray(dst, d + last);
            zero.intoArray(src, s + last);
            return;
        }
        for (; i < n; i++) {
            dst[d + i] += src[s + i];
            src[s + i] = 0f;
        }
    }

    /** {@link #moveAdd(float[], int, float[], int, int)} for float64. */
    private static void moveAdd(double[] src, int s, double[] dst, int d, int n) {
        DoubleVector zero = DoubleVector.zero(DS);
        int i = 0;
        for (int bound = DS.loopBound(n); i < bound; i += DS.length()) {
            DoubleVector.fromArray(DS, dst, d + i).add(DoubleVector.fromArray(DS, src, s + i)).intoArray(dst, d + i);
            zero.intoArray(src, s + i);
        }
        if (i < n && i > 0) {
            // the last whole vector ending at n: its part below i was already moved, so src holds zeros there
            int last = n - DS.length();
            DoubleVector.fromArray(DS, dst, d + last).add(DoubleVector.fromArray(DS, src, s + last)).intoArray(dst, d + last);
            zero.intoArray(src, s + last);
            return;
        }
        for (; i < n; i++) {
            dst[d + i] += src[s + i];
            src[s + i] = 0d;
        }
    }
}
