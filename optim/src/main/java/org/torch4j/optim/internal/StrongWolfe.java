package org.torch4j.optim.internal;

import org.torch4j.DType;

/**
 * The strong-Wolfe line search of {@code torch.optim.LBFGS(line_search_fn="strong_wolfe")}: a port of PyTorch
 * 1.13's {@code _strong_wolfe} and {@code _cubic_interpolate} (from minFunc), with the same mix of Python floats
 * and 0-dim tensors ({@link Scalar}).
 */
public final class StrongWolfe {
    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;
    private static final double TOLERANCE_CHANGE = 1e-9;
    private static final int MAX_LS = 25;

    /** The loss and flat gradient at {@code x + t * d}; the parameters are restored afterwards. */
    public interface Objective {
        /** Evaluates the closure at step {@code t} along the direction. */
        Evaluation at(Scalar t);
    }

    /** A loss (Python float) and its flat gradient. */
    public static final class Evaluation {
        final Scalar loss;
        final double[] grad;

        /** The loss at the point and its flat gradient. */
        public Evaluation(Scalar loss, double[] grad) {
            this.loss = loss;
            this.grad = grad;
        }
    }

    /** What the search returns: the loss and gradient at the accepted step, the step and the evaluations used. */
    public static final class Result {
        public final Scalar loss;
        public final double[] grad;
        public final Scalar t;
        public final int funcEvals;

        Result(Scalar loss, double[] grad, Scalar t, int funcEvals) {
            this.loss = loss;
            this.grad = grad;
            this.t = t;
            this.funcEvals = funcEvals;
        }
    }

    private StrongWolfe() {
    }

    /**
     * {@code _cubic_interpolate(x1, f1, g1, x2, f2, g2, bounds)}: the minimizer of the cubic through two points
     * with their derivatives, clamped to the bounds ({@code xmin}, {@code xmax} null for the points' interval).
     */
    static Scalar cubicInterpolate(Scalar x1, Scalar f1, Scalar g1, Scalar x2, Scalar f2, Scalar g2, Scalar xmin,
            Scalar xmax) {
        Scalar lo = xmin;
        Scalar hi = xmax;
        if (lo == null) {
            boolean ordered = x1.le(x2);
            lo = ordered ? x1 : x2;
            hi = ordered ? x2 : x1;
        }
        Scalar d1 = g1.add(g2).sub(Scalar.of(3).mul(f1.sub(f2)).div(x1.sub(x2)));
        Scalar d2Square = d1.square().sub(g1.mul(g2));
        if (d2Square.ge(Scalar.of(0))) {
            Scalar d2 = d2Square.sqrt();
            Scalar minPos;
            if (x1.le(x2)) {
                minPos = x2.sub(x2.sub(x1).mul(g2.add(d2).sub(d1).div(g2.sub(g1).add(Scalar.of(2).mul(d2)))));
            } else {
                minPos = x1.sub(x1.sub(x2).mul(g1.add(d2).sub(d1).div(g1.sub(g2).add(Scalar.of(2).mul(d2)))));
            }
            return Scalar.min(Scalar.max(minPos, lo), hi);
        }
        return lo.add(hi).div(Scalar.of(2.));
    }

    /**
     * {@code _strong_wolfe(obj_func, x, t, d, f, g, gtd)} with PyTorch's defaults {@code c1=1e-4, c2=0.9,
     * tolerance_change=1e-9, max_ls=25}.
     */
    public static Result search(Objective objective, Scalar t, double[] d, Scalar f, double[] g, Scalar gtd,
            DType dtype) {
        Scalar dNorm = FlatVectors.absMax(d, dtype);
        double[] g0 = g.clone();
        Evaluation e = objective.at(t);
        Scalar fNew = e.loss;
        double[] gNew = e.grad;
        int lsFuncEvals = 1;
        Scalar gtdNew = FlatVectors.dot(gNew, d, dtype);

        Scalar tPrev = Scalar.of(0);
        Scalar fPrev = f;
        double[] gPrev = g0;
        Scalar gtdPrev = gtd;
        boolean done = false;
        int lsIter = 0;
        Scalar[] bracket = null;
        Scalar[] bracketF = null;
        double[][] bracketG = null;
        Scalar[] bracketGtd = null;
        while (lsIter < MAX_LS) {
            if (fNew.gt(f.add(Scalar.of(C1).mul(t).mul(gtd))) || (lsIter > 1 && fNew.ge(fPrev))) {
                bracket = new Scalar[] {tPrev, t};
                bracketF = new Scalar[] {fPrev, fNew};
                bracketG = new double[][] {gPrev, gNew.clone()};
                bracketGtd = new Scalar[] {gtdPrev, gtdNew};
                break;
            }
            if (gtdNew.abs().le(Scalar.of(-C2).mul(gtd))) {
                bracket = new Scalar[] {t};
                bracketF = new Scalar[] {fNew};
                bracketG = new double[][] {gNew};
                done = true;
                break;
            }
            if (gtdNew.ge(Scalar.of(0))) {
                bracket = new Scalar[] {tPrev, t};
                bracketF = new Scalar[] {fPrev, fNew};
                bracketG = new double[][] {gPrev, gNew.clone()};
                bracketGtd = new Scalar[] {gtdPrev, gtdNew};
                break;
            }
            Scalar minStep = t.add(Scalar.of(0.01).mul(t.sub(tPrev)));
            Scalar maxStep = t.mul(Scalar.of(10));
            Scalar tmp = t;
            t = cubicInterpolate(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, minStep, maxStep);
            tPrev = tmp;
            fPrev = fNew;
            gPrev = gNew.clone();
            gtdPrev = gtdNew;
            e = objective.at(t);
            fNew = e.loss;
            gNew = e.grad;
            lsFuncEvals++;
            gtdNew = FlatVectors.dot(gNew, d, dtype);
            lsIter++;
        }
        if (lsIter == MAX_LS) {
            bracket = new Scalar[] {Scalar.of(0), t};
            bracketF = new Scalar[] {f, fNew};
            bracketG = new double[][] {g0, gNew};
        }

        boolean insufProgress = false;
        int last = bracketF.length - 1;
        int lowPos = bracketF[0].le(bracketF[last]) ? 0 : 1;
        int highPos = 1 - lowPos;
        while (!done && lsIter < MAX_LS) {
            if (bracket[1].sub(bracket[0]).abs().mul(dNorm).lt(Scalar.of(TOLERANCE_CHANGE))) {
                break;
            }
            t = cubicInterpolate(bracket[0], bracketF[0], bracketGtd[0], bracket[1], bracketF[1], bracketGtd[1],
                    null, null);
            Scalar bMax = Scalar.max(bracket[0], bracket[1]);
            Scalar bMin = Scalar.min(bracket[0], bracket[1]);
            Scalar eps = Scalar.of(0.1).mul(bMax.sub(bMin));
            if (Scalar.min(bMax.sub(t), t.sub(bMin)).lt(eps)) {
                if (insufProgress || t.ge(bMax) || t.le(bMin)) {
                    t = t.sub(bMax).abs().lt(t.sub(bMin).abs()) ? bMax.sub(eps) : bMin.add(eps);
                    insufProgress = false;
                } else {
                    insufProgress = true;
                }
            } else {
                insufProgress = false;
            }
            e = objective.at(t);
            fNew = e.loss;
            gNew = e.grad;
            lsFuncEvals++;
            gtdNew = FlatVectors.dot(gNew, d, dtype);
            lsIter++;
            if (fNew.gt(f.add(Scalar.of(C1).mul(t).mul(gtd))) || fNew.ge(bracketF[lowPos])) {
                bracket[highPos] = t;
                bracketF[highPos] = fNew;
                bracketG[highPos] = gNew.clone();
                bracketGtd[highPos] = gtdNew;
                lowPos = bracketF[0].le(bracketF[1]) ? 0 : 1;
                highPos = 1 - lowPos;
            } else {
                if (gtdNew.abs().le(Scalar.of(-C2).mul(gtd))) {
                    done = true;
                } else if (gtdNew.mul(bracket[highPos].sub(bracket[lowPos])).ge(Scalar.of(0))) {
                    bracket[highPos] = bracket[lowPos];
                    bracketF[highPos] = bracketF[lowPos];
                    bracketG[highPos] = bracketG[lowPos];
                    bracketGtd[highPos] = bracketGtd[lowPos];
                }
                bracket[lowPos] = t;
                bracketF[lowPos] = fNew;
                bracketG[lowPos] = gNew.clone();
                bracketGtd[lowPos] = gtdNew;
            }
        }
        return new Result(bracketF[lowPos], bracketG[lowPos], bracket[lowPos], lsFuncEvals);
    }
}
