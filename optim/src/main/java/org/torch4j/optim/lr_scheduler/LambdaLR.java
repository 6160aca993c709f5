package org.torch4j.optim.lr_scheduler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.torch4j.optim.Optimizer;

/**
 * Sets each group's learning rate to its initial one times a function of the epoch; {@code LambdaLR}. The
 * functions are not part of the state dict (PyTorch saves only callable objects' attributes).
 */
public class LambdaLR extends LRScheduler {
    private final List<IntToDoubleFunction> lrLambdas;

    /** {@code LambdaLR(optimizer, lr_lambda)}: the same function for every group. */
    public LambdaLR(Optimizer optimizer, IntToDoubleFunction lrLambda) {
        this(optimizer, Collections.nCopies(optimizer.paramGroups().size(), lrLambda));
    }

    /** {@code LambdaLR(optimizer, [lr_lambda, ...])}: one function per group. */
    public LambdaLR(Optimizer optimizer, List<IntToDoubleFunction> lrLambdas) {
        super(optimizer);
        if (lrLambdas.size() != optimizer.paramGroups().size()) {
            throw new IllegalArgumentException("Expected " + optimizer.paramGroups().size() + " lr_lambdas, but got "
                    + lrLambdas.size());
        }
        this.lrLambdas = new ArrayList<>(lrLambdas);
        initialStep();
    }

    @Override
    protected double[] getLr() {
        double[] lrs = new double[baseLrs.length];
        for (int i = 0; i < lrs.length; i++) {
            lrs[i] = baseLrs[i] * lrLambdas.get(i).applyAsDouble(lastEpoch);
        }
        return lrs;
    }

    @Override
    protected void saveFields(Map<String, Object> state) {
        state.put("lr_lambdas", Collections.nCopies(lrLambdas.size(), null));
    }

    @Override
    protected void loadFields(Map<String, Object> state) {
    }
}
