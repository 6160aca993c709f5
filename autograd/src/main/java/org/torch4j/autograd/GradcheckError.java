package org.torch4j.autograd;

/** {@code torch.autograd.gradcheck.GradcheckError}: analytical and numerical gradients disagree. */
public final class GradcheckError extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public GradcheckError(String message) {
        super(message);
    }
}
