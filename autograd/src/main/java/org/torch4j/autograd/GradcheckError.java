package org.torch4j.autograd;

/** {@code torch.autograd.gradcheck.GradcheckError}: analytical and numerical gradients disagree. */
public final class GradcheckError extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** An error with gradcheck's message (which input and output, the numerical and analytical Jacobians). */
    public GradcheckError(String message) {
        super(message);
    }
}
