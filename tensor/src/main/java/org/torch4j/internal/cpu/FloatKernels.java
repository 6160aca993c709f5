package org.torch4j.internal.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API loops for contiguous float32 runs. Each public entry handles the whole vectors of a run and
 * returns how many elements it did; the caller finishes the tail with the operator's scalar form.
 * Operators without a vector form here return 0. Every operator has its own small loop method: one large
 * method holding all the loops gets deoptimised and recompiled badly by C2 as new operators show up.
 */
final class FloatKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private FloatKernels() {
    }

    private static FloatVector at(float[] a, int i) {
        return FloatVector.fromArray(S, a, i);
    }

    /** o[oo + i] = v where m[mo + i] (a blend per vector, free of branches); returns the elements done. */
    static int maskedFill(float[] o, int oo, boolean[] m, int mo, float v, int n) {
        FloatVector vv = FloatVector.broadcast(S, v);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            at(o, oo + i).blend(vv, VectorMask.fromArray(S, m, mo + i)).intoArray(o, oo + i);
        }
        return i;
    }

    /** o[i] = a[i] op b[i] (for ADD: a + alpha * b). */
    static int binary(BinaryOp op, float alpha, float[] a, int ao, float[] b, int bo, float[] o, int oo, int n) {
        if (n < L) {
            return 0; // shorter than a vector: all of it is the caller's scalar tail, no vector is built
        }
        switch (op) {
            case ADD: return alpha == 1f ? add(a, ao, b, bo, o, oo, n) : addScaled(alpha, a, ao, b, bo, o, oo, n);
            case SUB: return sub(a, ao, b, bo, o, oo, n);
            case MUL: return mul(a, ao, b, bo, o, oo, n);
            case DIV: return div(a, ao, b, bo, o, oo, n);
            case MAXIMUM: return max(a, ao, b, bo, o, oo, n);
            case MINIMUM: return min(a, ao, b, bo, o, oo, n);
            default: return 0;
        }
    }

    private static int add(float[] a, int ao, float[] b, int bo, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            at(a, ao + i).add(at(b, bo + i)).intoArray(o, oo + i);
        }
        return i;
    }

    private static int sub(float[] a, int ao, float[] b, int bo, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            at(a, ao + i).sub(at(b, bo + i)).intoArray(o, oo + i);
        }
        return i;
    }

    private static int mul(float[] a, int ao, float[] b, int bo, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            at(a, ao + i).mul(at(b, bo + i)).intoArray(o, oo + i);
        }
        return i;
    }

    private static int div(float[] a, int ao, float[] b, int bo, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            at(a, ao + i).div(at(b, bo + i)).intoArray(o, oo + i);
        }
        return i;
    }

    private static int max(float[] a, int ao, float[] b, int bo, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            at(a, ao + i).max(at(b, bo + i)).intoArray(o, oo + i);
        }
        return i;
    }

    private static int min(float[] a, int ao, float[] b, int bo, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            at(a, ao + i).min(at(b, bo + i)).intoArray(o, oo + i);
        }
        return i;
    }

    private static int addScaled(float alpha, float[] a, int ao, float[] b, int bo, float[] o, int oo, int n) {
        FloatVector va = FloatVector.broadcast(S, alpha);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            at(b, bo + i).fma(va, at(a, ao + i)).intoArray(o, oo + i);
        }
        return i;
    }

    /** o[i] = a[i] op b (b a broadcast scalar). */
    static int binaryScalarRight(BinaryOp op, float[] a, int ao, float b, float[] o, int oo, int n) {
        if (n < L) {
            return 0; // shorter than a vector: all of it is the caller's scalar tail, no vector is built
        }
        FloatVector vb = FloatVector.broadcast(S, b);
        switch (op) {
            case ADD: return addRight(a, ao, vb, o, oo, n);
            case SUB: return subRight(a, ao, vb, o, oo, n);
            case MUL: return mulRight(a, ao, vb, o, oo, n);
            case DIV: return divRight(a, ao, vb, o, oo, n);
            case MAXIMUM: return maxRight(a, ao, vb, o, oo, n);
            case MINIMUM: return minRight(a, ao, vb, o, oo, n);
            default: return 0;
        }
    }

    private static int addRight(float[] a, int ao, FloatVector vb, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            at(a, ao + i).add(vb).intoArray(o, oo + i);
        }
        return i;
    }

    private static int subRight(float[] a, int ao, FloatVector vb, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            at(a, ao + i).sub(vb).intoArray(o, oo + i);
        }
        return i;
    }

    private static int mulRight(float[] a, int ao, FloatVector vb, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            at(a, ao + i).mul(vb).intoArray(o, oo + i);
        }
        return i;
    }

    private static int divRight(float[] a, int ao, FloatVector vb, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            at(a, ao + i).div(vb).intoArray(o, oo + i);
        }
        return i;
    }

    private static int maxRight(float[] a, int ao, FloatVector vb, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            at(a, ao + i).max(vb).intoArray(o, oo + i);
        }
        return i;
    }

    private static int minRight(float[] a, int ao, FloatVector vb, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            at(a, ao + i).min(vb).intoArray(o, oo + i);
        }
        return i;
    }

    /** o[i] = a op b[i] (a a broadcast scalar; ADD with alpha 1 only). */
    static int binaryScalarLeft(BinaryOp op, float a, float[] b, int bo, float[] o, int oo, int n) {
        if (n < L) {
            return 0; // shorter than a vector: all of it is the caller's scalar tail, no vector is built
        }
        FloatVector va = FloatVector.broadcast(S, a);
        switch (op) {
            case ADD: return addLeft(va, b, bo, o, oo, n);
            case SUB: return subLeft(va, b, bo, o, oo, n);
            case MUL: return mulLeft(va, b, bo, o, oo, n);
            case DIV: return divLeft(va, b, bo, o, oo, n);
            default: return 0;
        }
    }

    private static int addLeft(FloatVector va, float[] b, int bo, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            va.add(at(b, bo + i)).intoArray(o, oo + i);
        }
        return i;
    }

    private static int subLeft(FloatVector va, float[] b, int bo, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            va.sub(at(b, bo + i)).intoArray(o, oo + i);
        }
        return i;
    }

    private static int mulLeft(FloatVector va, float[] b, int bo, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            va.mul(at(b, bo + i)).intoArray(o, oo + i);
        }
        return i;
    }

    private static int divLeft(FloatVector va, float[] b, int bo, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            va.div(at(b, bo + i)).intoArray(o, oo + i);
        }
        return i;
    }

    /** o[i] = op(x[i]). */
    static int unary(UnaryOp op, float[] x, int xo, float[] o, int oo, int n) {
        if (n < L) {
            return 0; // shorter than a vector: all of it is the caller's scalar tail, no vector is built
        }
        switch (op) {
            case NEG: return neg(x, xo, o, oo, n);
            case ABS: return abs(x, xo, o, oo, n);
            case SQRT: return sqrt(x, xo, o, oo, n);
            case EXP: return exp(x, xo, o, oo, n);
            case LOG: return log(x, xo, o, oo, n);
            case SIN: return sin(x, xo, o, oo, n);
            case COS: return cos(x, xo, o, oo, n);
            case TANH: return tanh(x, xo, o, oo, n);
            case RELU: return relu(x, xo, o, oo, n);
            case SIGMOID: return sigmoid(x, xo, o, oo, n);
            default: return 0;
        }
    }

    private static int neg(float[] x, int xo, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            at(x, xo + i).neg().intoArray(o, oo + i);
        }
        return i;
    }

    private static int abs(float[] x, int xo, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            at(x, xo + i).abs().intoArray(o, oo + i);
        }
        return i;
    }

    private static int sqrt(float[] x, int xo, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            at(x, xo + i).sqrt().intoArray(o, oo + i);
        }
        return i;
    }

    private static int exp(float[] x, int xo, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            at(x, xo + i).lanewise(VectorOperators.EXP).intoArray(o, oo + i);
        }
        return i;
    }

    private static int log(float[] x, int xo, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            at(x, xo + i).lanewise(VectorOperators.LOG).intoArray(o, oo + i);
        }
        return i;
    }

    private static int sin(float[] x, int xo, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            at(x, xo + i).lanewise(VectorOperators.SIN).intoArray(o, oo + i);
        }
        return i;
    }

    private static int cos(float[] x, int xo, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            at(x, xo + i).lanewise(VectorOperators.COS).intoArray(o, oo + i);
        }
        return i;
    }

    private static int tanh(float[] x, int xo, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            at(x, xo + i).lanewise(VectorOperators.TANH).intoArray(o, oo + i);
        }
        return i;
    }

    private static int relu(float[] x, int xo, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            at(x, xo + i).max(0f).intoArray(o, oo + i);
        }
        return i;
    }

    private static int sigmoid(float[] x, int xo, float[] o, int oo, int n) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            one.div(at(x, xo + i).neg().lanewise(VectorOperators.EXP).add(one)).intoArray(o, oo + i);
        }
        return i;
    }

    /** o[i] = min(max(x[i], lo), hi) with NaN kept, as torch.clamp. */
    static int clamp(float[] x, int xo, float lo, float hi, float[] o, int oo, int n) {
        if (n < L) {
            return 0; // shorter than a vector: all of it is the caller's scalar tail, no vector is built
        }
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector v = at(x, xo + i);
            v.max(lo).min(hi).blend(v, v.test(VectorOperators.IS_NAN)).intoArray(o, oo + i);
        }
        return i;
    }
}
