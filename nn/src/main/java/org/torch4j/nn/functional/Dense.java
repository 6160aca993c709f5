package org.torch4j.nn.functional;

import org.torch4j.Tensor;

/** linear and bilinear maps. */
final class Dense {
    private Dense() {
    }

    /**
     * x W^T + b over the last dim of x, as ATen's linear: a 2-d input with a bias is one fused {@code addmm} (the
     * bias initialises the product, W^T is read through its strides); a contiguous 3-d input with a bias is
     * flattened to 2-d for the same addmm and viewed back; otherwise the bias is added in place to the fresh
     * matmul result. matmul and addmm reject mismatched shapes with ATen's messages.
     */
    static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
        if (bias != null && input.dim() == 2) {
            return bias.addmm(input, weight.t());
        }
        if (bias != null && input.dim() == 3 && input.isContiguous()) {
            Tensor out = bias.addmm(input.view(input.size(0) * input.size(1), input.size(2)), weight.t());
            return out.view(input.size(0), input.size(1), out.size(1));
        }
        Tensor out = input.matmul(weight.t());
        return bias == null ? out : out.add_(bias);
    }

    /** y_k = x1^T W_k x2 + b_k over the last dims of x1 and x2 (which share their leading dims). */
    static Tensor bilinear(Tensor input1, Tensor input2, Tensor weight, Tensor bias) {
        int in1 = weight.size(1);
        int in2 = weight.size(2);
        int out = weight.size(0);
        if (input1.size(-1) != in1) {
            throw new IllegalArgumentException("bilinear(): input1 size does not match weight size: got "
                    + input1.size(-1) + " but expected " + in1);
        }
        if (input2.size(-1) != in2) {
            throw new IllegalArgumentException("bilinear(): input2 size does not match weight size: got "
                    + input2.size(-1) + " but expected " + in2);
        }
        if (input1.dim() != input2.dim()) {
            throw new IllegalArgumentException("bilinear(): input dimensions do not match: got " + input1.dim() + " and "
                    + input2.dim());
        }
        for (int d = 0; d < input1.dim() - 1; d++) {
            if (input1.size(d) != input2.size(d)) {
                throw new IllegalArgumentException("bilinear(): input batch dimensions do not match at dim " + d
                        + ": got " + input1.size(d) + " and " + input2.size(d));
            }
        }
        int[] outShape = input1.shape();
        outShape[outShape.length - 1] = out;
        Tensor x1 = input1.reshape(-1, in1);
        Tensor x2 = input2.reshape(-1, in2);
        Tensor projected = x1.matmul(weight.permute(1, 0, 2).reshape(in1, out * in2)).view(-1, out, in2);
        Tensor y = projected.mul(x2.unsqueeze(1)).sum(2).view(outShape);
        return bias == null ? y : y.add(bias);
    }
}
