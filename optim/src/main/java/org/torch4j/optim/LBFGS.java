package org.torch4j.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.internal.CpuStorage;
import org.torch4j.internal.GradMode;
import org.torch4j.internal.Shapes;
import org.torch4j.optim.internal.AxpyUpdate;
import org.torch4j.optim.internal.FlatVectors;
import org.torch4j.optim.internal.Scalar;
import org.torch4j.optim.internal.StrongWolfe;

/**
 * L-BFGS, optionally with a strong-Wolfe line search; {@code torch.optim.LBFGS} (PyTorch 1.13's algorithm, step
 * for step). It works on all parameters as one flat vector, so it takes a single parameter group, and every
 * {@link #step(LossClosure)} needs a closure that re-evaluates the loss and its gradients. Its state (under the
 * first parameter, as in PyTorch) holds {@code func_evals}, {@code n_iter}, {@code d}, {@code t},
 * {@code old_dirs}, {@code old_stps}, {@code ro}, {@code H_diag}, {@code prev_flat_grad}, {@code prev_loss} and
 * {@code al}.
 */
public class LBFGS extends Optimizer {
    /** {@code LBFGS}'s keyword arguments. */
    public static final class Options extends OptimizerOptions {
        /**
         * The defaults: {@code lr=1, max_iter=20, max_eval=max_iter*5//4, tolerance_grad=1e-7,
         * tolerance_change=1e-9, history_size=100, line_search_fn=None}.
         */
        public Options() {
            this(1.0);
        }

        /** The defaults with learning rate {@code lr}. */
        public Options(double lr) {
            put("lr", lr);
            put("max_iter", 20);
            put("max_eval", null);
            put("tolerance_grad", 1e-7);
            put("tolerance_change", 1e-9);
            put("history_size", 100);
            put("line_search_fn", null);
        }

        /** {@code lr}: the step length (the initial step of the line search). */
        public Options lr(double lr) {
            put("lr", lr);
            return this;
        }

        /** {@code max_iter}: iterations per {@code step()}. */
        public Options maxIter(int maxIter) {
            put("max_iter", maxIter);
            return this;
        }

        /** {@code max_eval}: closure evaluations per {@code step()} (default {@code max_iter * 5 / 4}). */
        public Options maxEval(int maxEval) {
            put("max_eval", maxEval);
            return this;
        }

        /** {@code tolerance_grad}: stop when the largest gradient component is at most this. */
        public Options toleranceGrad(double toleranceGrad) {
            put("tolerance_grad", toleranceGrad);
            return this;
        }

        /** {@code tolerance_change}: stop when the step or the loss change is below this. */
        public Options toleranceChange(double toleranceChange) {
            put("tolerance_change", toleranceChange);
            return this;
        }

        /** {@code history_size}: the number of correction pairs kept. */
        public Options historySize(int historySize) {
            put("history_size", historySize);
            return this;
        }

        /** {@code line_search_fn}: {@code "strong_wolfe"} or null (a fixed step of {@code lr}). */
        public Options lineSearchFn(String lineSearchFn) {
            put("line_search_fn", lineSearchFn);
            return this;
        }

        /** A copy with {@code max_eval} filled in as PyTorch's constructor does. */
        Options resolved() {
            Options copy = new Options();
            asMap().forEach(copy::put);
            if (copy.get("max_eval") == null) {
                copy.put("max_eval", ((Number) copy.get("max_iter")).intValue() * 5 / 4);
            }
            return copy;
        }
    }

    private final List<Tensor> params;
    private final DType dtype;

    /** {@code torch.optim.LBFGS(params)} with the default options. */
    public LBFGS(Iterable<Tensor> params) {
        this(params, new Options());
    }

    /** {@code torch.optim.LBFGS(params, **options)}. */
    public LBFGS(Iterable<Tensor> params, Options options) {
        super(params, options.resolved());
        this.params = paramGroups().get(0).params();
        this.dtype = this.params.get(0).dtype();
    }

    /** {@code torch.optim.LBFGS(param_groups, **options)}: only one group is supported, as in PyTorch. */
    public LBFGS(List<ParamGroup> groups, Options options) {
        super(groups, options.resolved());
        if (paramGroups().size() != 1) {
            throw new IllegalArgumentException("LBFGS doesn't support per-parameter options (parameter groups)");
        }
        this.params = paramGroups().get(0).params();
        this.dtype = this.params.get(0).dtype();
    }

    /** LBFGS needs a closure: use {@link #step(LossClosure)}. */
    @Override
    public Tensor step() {
        throw new IllegalArgumentException("LBFGS.step() needs a closure that re-evaluates the loss");
    }

    /** Not used: {@link #step(LossClosure)} runs LBFGS's own iteration over the flat parameter vector. */
    @Override
    protected void update(ParamGroup group) {
        throw new IllegalStateException("LBFGS updates its parameters in step(closure)");
    }

    /**
     * {@code optimizer.step(closure)}: up to {@code max_iter} L-BFGS iterations (each with a line search when
     * configured); returns the loss of the first closure evaluation.
     */
    @Override
    @SuppressWarnings("unchecked")
    public Tensor step(LossClosure closure) {
        if (closure == null) {
            return step();
        }
        ParamGroup group = paramGroups().get(0);
        double lr = group.lr();
        int maxIter = group.getInt("max_iter");
        int maxEval = group.getInt("max_eval");
        Scalar toleranceGrad = Scalar.of(group.getDouble("tolerance_grad"));
        double toleranceChange = group.getDouble("tolerance_change");
        String lineSearchFn = (String) group.get("line_search_fn");
        int historySize = group.getInt("history_size");

        Map<String, Object> state = stateOf(params.get(0));
        state.putIfAbsent("func_evals", 0L);
        state.putIfAbsent("n_iter", 0L);
        boolean previousGradMode = GradMode.set(false);
        try {
            Tensor origLoss = evaluate(closure);
            Scalar loss = Scalar.of(origLoss.item());
            int currentEvals = 1;
            addTo(state, "func_evals", 1);
            double[] flatGrad = gatherFlatGrad();
            boolean optCond = FlatVectors.absMax(flatGrad, dtype).le(toleranceGrad);
            if (optCond) {
                return origLoss;
            }

            double[] d = vector(state.get("d"));
            Scalar t = number(state.get("t"));
            List<double[]> oldDirs = vectors(state.get("old_dirs"));
            List<double[]> oldStps = vectors(state.get("old_stps"));
            List<Scalar> ro = numbers(state.get("ro"));
            Scalar hDiag = number(state.get("H_diag"));
            double[] prevFlatGrad = vector(state.get("prev_flat_grad"));
            Scalar prevLoss = state.get("prev_loss") == null ? null : Scalar.of((Double) state.get("prev_loss"));

            int nIter = 0;
            while (nIter < maxIter) {
                nIter++;
                long globalIter = addTo(state, "n_iter", 1);
                if (globalIter == 1) {
                    d = FlatVectors.neg(flatGrad);
                    oldDirs = new ArrayList<>();
                    oldStps = new ArrayList<>();
                    ro = new ArrayList<>();
                    hDiag = Scalar.of(1);
                } else {
                    double[] y = FlatVectors.sub(flatGrad, prevFlatGrad, dtype);
                    double[] s = FlatVectors.mul(d, t, dtype);
                    Scalar ys = FlatVectors.dot(y, s, dtype);
                    if (ys.gt(Scalar.of(1e-10))) {
                        if (oldDirs.size() == historySize) {
                            oldDirs.remove(0);
                            oldStps.remove(0);
                            ro.remove(0);
                        }
                        oldDirs.add(y);
                        oldStps.add(s);
                        ro.add(Scalar.of(1.).div(ys));
                        hDiag = ys.div(FlatVectors.dot(y, y, dtype));
                    }
                    int numOld = oldDirs.size();
                    List<Scalar> al = numbers(state.get("al"));
                    if (al == null) {
                        al = new ArrayList<>(Arrays.asList(new Scalar[historySize]));
                    }
                    double[] q = FlatVectors.neg(flatGrad);
                    for (int i = numOld - 1; i >= 0; i--) {
                        al.set(i, FlatVectors.dot(oldStps.get(i), q, dtype).mul(ro.get(i)));
                        FlatVectors.addScaled(q, oldDirs.get(i), al.get(i).neg(), dtype);
                    }
                    double[] r = FlatVectors.mul(q, hDiag, dtype);
                    for (int i = 0; i < numOld; i++) {
                        Scalar beI = FlatVectors.dot(oldDirs.get(i), r, dtype).mul(ro.get(i));
                        FlatVectors.addScaled(r, oldStps.get(i), al.get(i).sub(beI), dtype);
                    }
                    d = r;
                    state.put("al", doubles(al));
                }
                prevFlatGrad = flatGrad.clone();
                prevLoss = loss;
                if (globalIter == 1) {
                    Scalar inverse = Scalar.of(1.).div(FlatVectors.absSum(flatGrad, dtype));
                    t = Scalar.min(Scalar.of(1.), inverse).mul(Scalar.of(lr));
                } else {
                    t = Scalar.of(lr);
                }
                Scalar gtd = FlatVectors.dot(flatGrad, d, dtype);
                if (gtd.gt(Scalar.of(-toleranceChange))) {
                    break;
                }

                int lsFuncEvals = 0;
                if (lineSearchFn != null) {
                    if (!lineSearchFn.equals("strong_wolfe")) {
                        throw new IllegalArgumentException("only 'strong_wolfe' is supported");
                    }
                    List<Tensor> xInit = cloneParams();
                    double[] direction = d;
                    StrongWolfe.Result ls = StrongWolfe.search(
                        step -> directionalEvaluate(closure, xInit, step, direction), t, d, loss, flatGrad, gtd, dtype);
                    loss = ls.loss;
                    flatGrad = ls.grad;
                    t = ls.t;
                    lsFuncEvals = ls.funcEvals;
                    addGrad(t, d);
                    optCond = FlatVectors.absMax(flatGrad, dtype).le(toleranceGrad);
                } else {
                    addGrad(t, d);
                    if (nIter != maxIter) {
                        loss = Scalar.of(evaluate(closure).item());
                        flatGrad = gatherFlatGrad();
                        optCond = FlatVectors.absMax(flatGrad, dtype).le(toleranceGrad);
                        lsFuncEvals = 1;
                    }
                }
                currentEvals += lsFuncEvals;
                addTo(state, "func_evals", lsFuncEvals);

                if (nIter == maxIter || currentEvals >= maxEval || optCond) {
                    break;
                }
                if (FlatVectors.absMax(FlatVectors.mul(d, t, dtype), dtype).le(Scalar.of(toleranceChange))) {
                    break;
                }
                if (Math.abs(loss.value() - prevLoss.value()) < toleranceChange) {
                    break;
                }
            }
            state.put("d", tensor(d));
            state.put("t", t.value());
            state.put("old_dirs", tensors(oldDirs));
            state.put("old_stps", tensors(oldStps));
            state.put("ro", doubles(ro));
            state.put("H_diag", hDiag == null ? null : hDiag.value());
            state.put("prev_flat_grad", tensor(prevFlatGrad));
            state.put("prev_loss", prevLoss == null ? null : prevLoss.value());
            return origLoss;
        } finally {
            GradMode.set(previousGradMode);
        }
    }

    private static long addTo(Map<String, Object> state, String key, long amount) {
        long v = ((Number) state.get(key)).longValue() + amount;
        state.put(key, v);
        return v;
    }

    /** {@code _gather_flat_grad()}: every gradient (zeros for none) in one vector. */
    private double[] gatherFlatGrad() {
        int n = 0;
        for (Tensor p : params) {
            n += p.numel();
        }
        double[] flat = new double[n];
        int offset = 0;
        for (Tensor p : params) {
            Tensor g = p.grad();
            if (g != null) {
                System.arraycopy(g.toDoubleArray(), 0, flat, offset, p.numel());
            }
            offset += p.numel();
        }
        return flat;
    }

    /** {@code _add_grad(t, d)}: {@code p.add_(d[slice].view_as(p), alpha=t)} for every parameter. */
    private void addGrad(Scalar t, double[] d) {
        CpuStorage storage = CpuStorage.wrap(d);
        AxpyUpdate update = new AxpyUpdate(t.value());
        int offset = 0;
        for (Tensor p : params) {
            int[] shape = p.shape();
            update.apply(new Tensor[] {p}, Tensor.of(storage, shape, Shapes.contiguousStrides(shape), offset));
            offset += p.numel();
        }
    }

    private List<Tensor> cloneParams() {
        List<Tensor> copies = new ArrayList<>();
        for (Tensor p : params) {
            copies.add(p.clone());
        }
        return copies;
    }

    /** {@code _directional_evaluate(closure, x, t, d)}: loss and gradient at {@code x + t d}, then back to x. */
    private StrongWolfe.Evaluation directionalEvaluate(LossClosure closure, List<Tensor> x, Scalar t, double[] d) {
        addGrad(t, d);
        Scalar loss = Scalar.of(evaluate(closure).item());
        double[] flatGrad = gatherFlatGrad();
        for (int i = 0; i < params.size(); i++) {
            params.get(i).copy_(x.get(i));
        }
        return new StrongWolfe.Evaluation(loss, flatGrad);
    }

    // ------------------------------------------------------------------ state in PyTorch's form

    private Tensor tensor(double[] v) {
        return v == null ? null : Torch.tensor(v).to(dtype);
    }

    private List<Tensor> tensors(List<double[]> vs) {
        List<Tensor> out = new ArrayList<>();
        for (double[] v : vs) {
            out.add(tensor(v));
        }
        return out;
    }

    private static double[] vector(Object t) {
        return t == null ? null : ((Tensor) t).toDoubleArray();
    }

    private static List<double[]> vectors(Object ts) {
        if (ts == null) {
            return null;
        }
        List<double[]> out = new ArrayList<>();
        for (Object t : (List<?>) ts) {
            out.add(vector(t));
        }
        return out;
    }

    private Scalar number(Object v) {
        return v == null ? null : Scalar.tensor(((Number) v).doubleValue(), dtype);
    }

    private List<Scalar> numbers(Object vs) {
        if (vs == null) {
            return null;
        }
        List<Scalar> out = new ArrayList<>();
        for (Object v : (List<?>) vs) {
            out.add(number(v));
        }
        return out;
    }

    private static List<Double> doubles(List<Scalar> vs) {
        List<Double> out = new ArrayList<>();
        for (Scalar v : vs) {
            out.add(v == null ? null : v.value());
        }
        return out;
    }
}
