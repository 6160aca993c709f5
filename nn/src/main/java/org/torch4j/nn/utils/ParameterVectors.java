package org.torch4j.nn.utils;

import java.util.ArrayList;
import java.util.List;
import org.torch4j.GradGuard;
import org.torch4j.Tensor;
import org.torch4j.Torch;

/** {@code torch.nn.utils.parameters_to_vector} and {@code vector_to_parameters}. */
public final class ParameterVectors {
    private ParameterVectors() {
    }

    /** {@code parameters_to_vector(parameters)}: every parameter flattened and concatenated (differentiable). */
    public static Tensor parametersToVector(Iterable<Tensor> parameters) {
        List<Tensor> flat = new ArrayList<>();
        for (Tensor p : parameters) {
            flat.add(p.reshape(-1));
        }
        return Torch.cat(flat.toArray(new Tensor[0]), 0);
    }

    /**
     * {@code vector_to_parameters(vec, parameters)}: copies consecutive slices of vec into the parameters
     * (PyTorch rebinds {@code param.data} to views of vec; here the values are copied).
     */
    public static void vectorToParameters(Tensor vec, Iterable<Tensor> parameters) {
        if (vec.dim() != 1) {
            throw new IllegalArgumentException("expected a 1-D vector, but got a " + vec.dim() + "-D tensor");
        }
        int pointer = 0;
        try (GradGuard ignored = GradGuard.disable()) {
            for (Tensor p : parameters) {
                int n = p.numel();
                p.copy_(vec.narrow(0, pointer, n).view(p.shape()));
                pointer += n;
            }
        }
    }
}
