package org.torch4j.internal.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API loops for contiguous float32 runs. Each method handles the whole vectors of a run and returns
 * how many elements it did; the caller finishes the tail with the operator's scalar form. Operators
 * without a vector form here return 0.
 */
final class FloatKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private FloatKernels() {
    }

    private static FloatVector at(float[] a, int i) {
        return FloatVector.fromArray(S, a, i);
    }

    /** o[i] = a[i] op b[i] (for ADD: a + alpha * b). */
    static int binary(BinaryOp op, float alpha, float[] a, int ao, float[] b, int bo, float[] o, int oo, int n) {
        int bound = S.loopBound(n);
        int i = 0;
        switch (op) {
            case ADD:
                if (alpha == 1f) {
                    for (; i < bound; i += L) at(a, ao + i).add(at(b, bo + i)).intoArray(o, oo + i);
                } else {
                    FloatVector va = FloatVector.broadcast(S, alpha);
                    for (; i < bound; i += L) at(b, bo + i).fma(va, at(a, ao + i)).intoArray(o, oo + i);
                }
                break;
            case SUB: for (; i < bound; i += L) at(a, ao + i).sub(at(b, bo + i)).intoArray(o, oo + i); break;
            case MUL: for (; i < bound; i += L) at(a, ao + i).mul(at(b, bo + i)).intoArray(o, oo + i); break;
            case DIV: for (; i < bound; i += L) at(a, ao + i).div(at(b, bo + i)).intoArray(o, oo + i); break;
            default: break;
        }
        return i;
    }

    /** o[i] = a[i] op b (b a broadcast scalar; for ADD: a + alpha * b). */
    static int binaryScalarRight(BinaryOp op, float alpha, float[] a, int ao, float b, float[] o, int oo, int n) {
        int bound = S.loopBound(n);
        int i = 0;
        FloatVector vb = FloatVector.broadcast(S, op == BinaryOp.ADD ? alpha * b : b);
        switch (op) {
            case ADD: for (; i < bound; i += L) at(a, ao + i).add(vb).intoArray(o, oo + i); break;
            case SUB: for (; i < bound; i += L) at(a, ao + i).sub(vb).intoArray(o, oo + i); break;
            case MUL: for (; i < bound; i += L) at(a, ao + i).mul(vb).intoArray(o, oo + i); break;
            case DIV: for (; i < bound; i += L) at(a, ao + i).div(vb).intoArray(o, oo + i); break;
            case MAXIMUM: for (; i < bound; i += L) at(a, ao + i).max(vb).intoArray(o, oo + i); break;
            case MINIMUM: for (; i < bound; i += L) at(a, ao + i).min(vb).intoArray(o, oo + i); break;
            default: break;
        }
        return i;
    }

    /** o[i] = a op b[i] (a a broadcast scalar; ADD with alpha 1 only). */
    static int binaryScalarLeft(BinaryOp op, float a, float[] b, int bo, float[] o, int oo, int n) {
        int bound = S.loopBound(n);
        int i = 0;
        FloatVector va = FloatVector.broadcast(S, a);
        switch (op) {
            case ADD: for (; i < bound; i += L) va.add(at(b, bo + i)).intoArray(o, oo + i); break;
            case SUB: for (; i < bound; i += L) va.sub(at(b, bo + i)).intoArray(o, oo + i); break;
            case MUL: for (; i < bound; i += L) va.mul(at(b, bo + i)).intoArray(o, oo + i); break;
            case DIV: for (; i < bound; i += L) va.div(at(b, bo + i)).intoArray(o, oo + i); break;
            default: break;
        }
        return i;
    }

    /** o[i] = op(x[i]). */
    static int unary(UnaryOp op, float[] x, int xo, float[] o, int oo, int n) {
        int bound = S.loopBound(n);
        int i = 0;
        switch (op) {
            case NEG: for (; i < bound; i += L) at(x, xo + i).neg().intoArray(o, oo + i); break;
            case ABS: for (; i < bound; i += L) at(x, xo + i).abs().intoArray(o, oo + i); break;
            case SQRT: for (; i < bound; i += L) at(x, xo + i).sqrt().intoArray(o, oo + i); break;
            case EXP: for (; i < bound; i += L) at(x, xo + i).lanewise(VectorOperators.EXP).intoArray(o, oo + i); break;
            case LOG: for (; i < bound; i += L) at(x, xo + i).lanewise(VectorOperators.LOG).intoArray(o, oo + i); break;
            case SIN: for (; i < bound; i += L) at(x, xo + i).lanewise(VectorOperators.SIN).intoArray(o, oo + i); break;
            case COS: for (; i < bound; i += L) at(x, xo + i).lanewise(VectorOperators.COS).intoArray(o, oo + i); break;
            case TANH: for (; i < bound; i += L) at(x, xo + i).lanewise(VectorOperators.TANH).intoArray(o, oo + i); break;
            case RELU: for (; i < bound; i += L) at(x, xo + i).max(0f).intoArray(o, oo + i); break;
            case SIGMOID:
                FloatVector one = FloatVector.broadcast(S, 1);
                for (; i < bound; i += L) {
                    one.div(at(x, xo + i).neg().lanewise(VectorOperators.EXP).add(one)).intoArray(o, oo + i);
                }
                break;
            default: break;
        }
        return i;
    }

    /** o[i] = min(max(x[i], lo), hi) with NaN kept, as torch.clamp. */
    static int clamp(float[] x, int xo, float lo, float hi, float[] o, int oo, int n) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector v = at(x, xo + i);
            v.max(lo).min(hi).blend(v, v.test(VectorOperators.IS_NAN)).intoArray(o, oo + i);
        }
        return i;
    }
}
