package org.torch4j.nn.functional;

import java.util.Arrays;
import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.nn.Reduction;
import org.torch4j.nn.internal.PyRepr;

/** The loss functions of {@link F}, with ATen's formulas, written with differentiable tensor operations. */
final class Losses {
    private Losses() {
    }

    /** ATen's apply_loss_reduction. */
    static Tensor reduce(Tensor loss, Reduction reduction) {
        switch (reduction) {
            case NONE:
                return loss;
            case SUM:
                return loss.sum();
            case MEAN:
                return loss.mean();
            default:
                throw new IllegalArgumentException(reduction.pythonName() + " is not a valid value for reduction");
        }
    }

    static Tensor mse(Tensor input, Tensor target, Reduction reduction) {
        return reduce(input.sub(target).square(), reduction);
    }

    static Tensor l1(Tensor input, Tensor target, Reduction reduction) {
        return reduce(input.sub(target).abs(), reduction);
    }

    /** 0.5 z^2 / beta where z = |input - target| is below beta, z - 0.5 beta elsewhere. */
    static Tensor smoothL1(Tensor input, Tensor target, Reduction reduction, double beta) {
        if (beta < 0) {
            throw new IllegalArgumentException("smooth_l1_loss does not support negative values for beta.");
        }
        if (beta == 0) {
            return l1(input, target, reduction);
        }
        Tensor z = input.sub(target).abs();
        return reduce(Torch.where(z.lt(beta), z.mul(0.5).mul(z).div(beta), z.sub(0.5 * beta)), reduction);
    }

    /** 0.5 z^2 where z = |input - target| is below delta, delta (z - 0.5 delta) elsewhere. */
    static Tensor huber(Tensor input, Tensor target, Reduction reduction, double delta) {
        if (delta <= 0) {
            throw new IllegalArgumentException("huber_loss does not support non-positive values for delta.");
        }
        Tensor z = input.sub(target).abs();
        return reduce(Torch.where(z.lt(delta), z.mul(0.5).mul(z), z.sub(0.5 * delta).mul(delta)), reduction);
    }

    /**
     * -(t log(x) + (1 - t) log(1 - x)), each log clamped at -100 as ATen does; weight broadcasts. NaN input
     * fails ATen's range check.
     */
    static Tensor binaryCrossEntropy(Tensor input, Tensor target, Tensor weight, Reduction reduction) {
        if (!Arrays.equals(target.shape(), input.shape())) {
            throw new IllegalArgumentException("Using a target size (" + PyRepr.torchSize(target.shape())
                    + ") that is different to the input size (" + PyRepr.torchSize(input.shape())
                    + ") is deprecated. Please ensure they have the same size.");
        }
        if (!input.ge(0L).logicalAnd(input.le(1L)).all().itemBool()) {
            throw new IllegalArgumentException("all elements of input should be between 0 and 1");
        }
        Tensor logX = input.log().clampMin(-100);
        Tensor log1mX = input.neg().log1p().clampMin(-100);
        Tensor loss = target.sub(1L).mul(log1mX).sub(target.mul(logX));
        return reduce(weight == null ? loss : loss.mul(weight), reduction);
    }

    /** ATen's stable form: (1 - t) x + w_p (log(e^-m + e^(-x-m)) + m) with m = max(-x, 0), w_p = 1 + (pw - 1) t. */
    static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor weight, Tensor posWeight,
            Reduction reduction) {
        if (!Arrays.equals(target.shape(), input.shape())) {
            throw new IllegalArgumentException("Target size (" + PyRepr.torchSize(target.shape())
                    + ") must be the same as input size (" + PyRepr.torchSize(input.shape()) + ")");
        }
        Tensor negInput = input.neg();
        Tensor maxVal = negInput.clampMin(0);
        Tensor logTerm = maxVal.neg().exp().add(negInput.sub(maxVal).exp()).log();
        Tensor oneMinusT = target.rsub(1);
        Tensor loss;
        if (posWeight != null) {
            Tensor logWeight = posWeight.sub(1L).mul(target).add(1L);
            loss = oneMinusT.mul(input).add(logWeight.mul(logTerm.add(maxVal)));
        } else {
            loss = oneMinusT.mul(input).add(maxVal).add(logTerm);
        }
        return reduce(weight == null ? loss : loss.mul(weight), reduction);
    }

    /** nll_loss over class dim 1 (0 for unbatched input), with class weights and an ignored class index. */
    static Tensor nll(Tensor logProbs, Tensor target, Tensor weight, long ignoreIndex, Reduction reduction) {
        int classDim = checkClassTarget(logProbs, target);
        int classes = logProbs.size(classDim);
        checkWeight(weight, classes);
        Tensor flat = target.reshape(-1);
        checkTargetRange(flat, classes, ignoreIndex);
        Tensor valid = flat.ne(ignoreIndex);
        Tensor safe = flat.maskedFill(valid.logicalNot(), 0L);
        Tensor picked = classesLast(logProbs, classDim).gather(1, safe.unsqueeze(1)).squeeze(1);
        Tensor w = weight == null ? valid.to(logProbs.dtype()) : weight.indexSelect(0, safe).mul(valid);
        Tensor loss = picked.mul(w).neg();
        switch (reduction) {
            case NONE:
                return loss.reshape(target.shape());
            case SUM:
                return loss.sum();
            case MEAN:
                return loss.sum().div(w.sum());
            default:
                return reduce(loss, reduction);
        }
    }

    /**
     * cross_entropy: log_softmax over the class dim then NLL for class indices (with label smoothing), or
     * the soft-target form when the target has the input's shape (class probabilities).
     */
    static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, long ignoreIndex, Reduction reduction,
            double labelSmoothing) {
        if (labelSmoothing < 0 || labelSmoothing > 1) {
            throw new IllegalArgumentException("label_smoothing must be between 0.0 and 1.0. Got: " + labelSmoothing);
        }
        int classDim = input.dim() == 1 ? 0 : 1;
        Tensor logProbs = input.logSoftmax(classDim);
        if (Arrays.equals(input.shape(), target.shape())) {
            return crossEntropyProbabilities(logProbs, target, weight, reduction, labelSmoothing, classDim);
        }
        Tensor nll = nll(logProbs, target, weight, ignoreIndex, reduction);
        if (labelSmoothing == 0) {
            return nll;
        }
        int classes = logProbs.size(classDim);
        Tensor ignored = target.eq(ignoreIndex);
        Tensor weighted = weight == null ? logProbs : logProbs.mul(classWeightView(weight, logProbs.dim(), classDim));
        Tensor smooth = weighted.sum(classDim).neg().maskedFill(ignored, 0.0);
        Tensor reduced;
        switch (reduction) {
            case MEAN:
                Tensor denominator = weight == null ? ignored.logicalNot().sum()
                        : weight.indexSelect(0, target.reshape(-1).maskedFill(ignored.reshape(-1), 0L))
                                .mul(ignored.reshape(-1).logicalNot()).sum();
                reduced = smooth.sum().div(denominator);
                break;
            case SUM:
                reduced = smooth.sum();
                break;
            default:
                reduced = smooth;
        }
        return nll.mul(1 - labelSmoothing).add(reduced.mul(labelSmoothing / classes));
    }

    private static Tensor crossEntropyProbabilities(Tensor logProbs, Tensor target, Tensor weight, Reduction reduction,
            double labelSmoothing, int classDim) {
        if (!target.isFloatingPoint()) {
            throw new IllegalArgumentException("Expected floating point type for target with class probabilities, got "
                    + target.dtype().scalarTypeName());
        }
        int classes = logProbs.size(classDim);
        checkWeight(weight, classes);
        Tensor t = labelSmoothing > 0 ? target.mul(1 - labelSmoothing).add(labelSmoothing / classes) : target;
        Tensor terms = logProbs.mul(t);
        if (weight != null) {
            terms = terms.mul(classWeightView(weight, logProbs.dim(), classDim));
        }
        switch (reduction) {
            case MEAN:
                return terms.sum().neg().div((double) (logProbs.numel() / classes));
            case SUM:
                return terms.sum().neg();
            default:
                return terms.sum(classDim).neg();
        }
    }

    /** kl_div: target (log t - input) with 0 where t = 0, or exp(t) (t - input) for log targets. */
    static Tensor klDiv(Tensor input, Tensor target, Reduction reduction, boolean logTarget) {
        Tensor loss;
        if (logTarget) {
            loss = target.exp().mul(target.sub(input));
        } else {
            Tensor xlogx = Torch.where(target.eq(0L), Torch.zerosLike(target), target.mul(target.log()));
            loss = xlogx.sub(target.mul(input));
        }
        if (reduction == Reduction.BATCHMEAN) {
            return input.dim() == 0 ? loss.sum() : loss.sum().div((long) input.size(0));
        }
        return reduce(loss, reduction);
    }

    // ------------------------------------------------------------------ checks and reshapes

    /** The class dim of (C), (N, C) or (N, C, d1, ...) input, after checking the index target's shape. */
    private static int checkClassTarget(Tensor input, Tensor target) {
        if (input.dim() < 1) {
            throw new IllegalArgumentException("Expected 1 or more dimensions (got " + input.dim() + ")");
        }
        if (input.dim() != 1 && input.size(0) != target.size(0)) {
            throw new IllegalArgumentException("Expected input batch_size (" + input.size(0)
                    + ") to match target batch_size (" + target.size(0) + ").");
        }
        if (target.dtype() != DType.INT64) {
            throw new IllegalArgumentException("expected scalar type Long but found " + target.dtype().scalarTypeName());
        }
        if (input.dim() > 2) {
            int[] expected = new int[input.dim() - 1];
            expected[0] = input.size(0);
            for (int d = 2; d < input.dim(); d++) {
                expected[d - 1] = input.size(d);
            }
            if (!Arrays.equals(expected, target.shape())) {
                throw new IllegalArgumentException("Expected target size " + Arrays.toString(expected) + ", got "
                        + Arrays.toString(target.shape()));
            }
        } else if (target.dim() > 1) {
            throw new IllegalArgumentException("0D or 1D target tensor expected, multi-target not supported");
        }
        return input.dim() == 1 ? 0 : 1;
    }

    private static void checkWeight(Tensor weight, int classes) {
        if (weight != null && (weight.dim() != 1 || weight.numel() != classes)) {
            throw new IllegalArgumentException("weight tensor should be defined either for all " + classes
                    + " classes or no classes but got weight tensor of shape: " + Arrays.toString(weight.shape()));
        }
    }

    private static void checkTargetRange(Tensor flatTarget, int classes, long ignoreIndex) {
        for (long t : flatTarget.toLongArray()) {
            if (t != ignoreIndex && (t < 0 || t >= classes)) {
                throw new IndexOutOfBoundsException("Target " + t + " is out of bounds.");
            }
        }
    }

    /** Input as (rows, C) with the class dim last. */
    private static Tensor classesLast(Tensor input, int classDim) {
        if (input.dim() == 1) {
            return input.unsqueeze(0);
        }
        if (input.dim() == 2) {
            return input;
        }
        int[] perm = new int[input.dim()];
        perm[0] = 0;
        for (int d = 2; d < input.dim(); d++) {
            perm[d - 1] = d;
        }
        perm[input.dim() - 1] = classDim;
        return input.permute(perm).reshape(-1, input.size(classDim));
    }

    /** The class weights shaped to broadcast along the class dim. */
    private static Tensor classWeightView(Tensor weight, int dims, int classDim) {
        return weight.view(Dims.alongDim(dims, classDim, weight.size(0)));
    }
}
