package org.torch4j.nn;

import org.torch4j.Tensor;
import org.torch4j.nn.functional.F;

/** {@code torch.nn.L1Loss(reduction)}: |input - target|. */
public class L1Loss extends Loss {
    /** {@code nn.L1Loss()}: mean. */
    public L1Loss() {
        this(Reduction.MEAN);
    }

    /** {@code nn.L1Loss(reduction=...)}. */
    public L1Loss(Reduction reduction) {
        super(reduction);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.l1Loss(input, target, reduction());
    }
}
