package org.torch4j.nn.functional;

import org.torch4j.Tensor;
import org.torch4j.TensorOptions;
import org.torch4j.Torch;

/** pad in constant mode: pairs (before, after) from the last dim backwards; negative amounts crop. */
final class Padding {
    private Padding() {
    }

    static Tensor pad(Tensor input, int[] pad, double value) {
        if (pad.length % 2 != 0) {
            throw new IllegalArgumentException("Padding length must be divisible by 2");
        }
        if (pad.length / 2 > input.dim()) {
            throw new IllegalArgumentException("Padding length too large");
        }
        Tensor x = input;
        for (int i = 0; i < pad.length / 2; i++) {
            int dim = input.dim() - 1 - i;
            x = padDim(x, dim, pad[2 * i], pad[2 * i + 1], value);
        }
        return x;
    }

    private static Tensor padDim(Tensor x, int dim, int before, int after, double value) {
        int size = x.size(dim);
        int start = Math.max(-before, 0);
        int end = size - Math.max(-after, 0);
        if (end - start < 0 || size + before + after < 0) {
            throw new IllegalArgumentException("The input size " + size + ", plus negative padding " + before + " and "
                    + after + " resulted in a negative output size, which is invalid. Check dimension " + dim
                    + " of your input.");
        }
        Tensor core = start == 0 && end == size ? x : x.narrow(dim, start, end - start);
        if (before <= 0 && after <= 0) {
            return core;
        }
        TensorOptions options = TensorOptions.ofDType(x.dtype()).device(x.device());
        int[] beforeShape = core.shape();
        beforeShape[dim] = Math.max(before, 0);
        int[] afterShape = core.shape();
        afterShape[dim] = Math.max(after, 0);
        Tensor head = Torch.full(beforeShape, value, options);
        return Torch.cat(new Tensor[] {head, core, Torch.full(afterShape, value, options)}, dim);
    }
}
