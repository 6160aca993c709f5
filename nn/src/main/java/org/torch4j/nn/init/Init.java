package org.torch4j.nn.init;

import org.torch4j.GradGuard;
import org.torch4j.Tensor;
import org.torch4j.TensorOptions;
import org.torch4j.Torch;

/**
 * {@code torch.nn.init}: fills tensors in place, without recording gradients, with the same formulas and
 * the same random draws as PyTorch (so that after {@code Torch.manualSeed(s)} the values are PyTorch's).
 */
public final class Init {
    private Init() {
    }

    /** {@code nn.init.calculate_gain(nonlinearity)}. */
    public static double calculateGain(Nonlinearity nonlinearity) {
        return calculateGain(nonlinearity, null);
    }

    /** {@code nn.init.calculate_gain(nonlinearity, param)}: param is leaky_relu's negative slope (default 0.01). */
    public static double calculateGain(Nonlinearity nonlinearity, Double param) {
        switch (nonlinearity) {
            case TANH:
                return 5.0 / 3;
            case RELU:
                return Math.sqrt(2.0);
            case LEAKY_RELU: {
                double slope = param == null ? 0.01 : param;
                return Math.sqrt(2.0 / (1 + slope * slope));
            }
            case SELU:
                return 3.0 / 4;
            default:
                return 1;
        }
    }

    /** {@code nn.init._calculate_fan_in_and_fan_out(tensor)}: {fan_in, fan_out}. */
    public static int[] calculateFanInAndFanOut(Tensor tensor) {
        if (tensor.dim() < 2) {
            throw new IllegalArgumentException("Fan in and fan out can not be computed for tensor with fewer than 2 "
                    + "dimensions");
        }
        int receptive = 1;
        for (int d = 2; d < tensor.dim(); d++) {
            receptive *= tensor.size(d);
        }
        return new int[] {tensor.size(1) * receptive, tensor.size(0) * receptive};
    }

    private static int fan(Tensor tensor, FanMode mode) {
        int[] fans = calculateFanInAndFanOut(tensor);
        return mode == FanMode.FAN_IN ? fans[0] : fans[1];
    }

    /** {@code nn.init.uniform_(tensor)}: U(0, 1). */
    public static Tensor uniform_(Tensor tensor) {
        return uniform_(tensor, 0, 1);
    }

    /** {@code nn.init.uniform_(tensor, a, b)}. */
    public static Tensor uniform_(Tensor tensor, double a, double b) {
        try (GradGuard ignored = GradGuard.disable()) {
            return tensor.uniform_(a, b);
        }
    }

    /** {@code nn.init.normal_(tensor)}: N(0, 1). */
    public static Tensor normal_(Tensor tensor) {
        return normal_(tensor, 0, 1);
    }

    /** {@code nn.init.normal_(tensor, mean, std)}. */
    public static Tensor normal_(Tensor tensor, double mean, double std) {
        try (GradGuard ignored = GradGuard.disable()) {
            return tensor.normal_(mean, std);
        }
    }

    /** {@code nn.init.constant_(tensor, val)}. */
    public static Tensor constant_(Tensor tensor, double value) {
        try (GradGuard ignored = GradGuard.disable()) {
            return tensor.fill_(value);
        }
    }

    /** {@code nn.init.zeros_(tensor)}. */
    public static Tensor zeros_(Tensor tensor) {
        return constant_(tensor, 0);
    }

    /** {@code nn.init.ones_(tensor)}. */
    public static Tensor ones_(Tensor tensor) {
        return constant_(tensor, 1);
    }

    /** {@code nn.init.eye_(tensor)}: the identity in a 2-d tensor (ones on the diagonal). */
    public static Tensor eye_(Tensor tensor) {
        if (tensor.dim() != 2) {
            throw new IllegalArgumentException("Only tensors with 2 dimensions are supported");
        }
        try (GradGuard ignored = GradGuard.disable()) {
            return tensor.copy_(Torch.eye(tensor.size(0), tensor.size(1)));
        }
    }

    /** {@code nn.init.xavier_uniform_(tensor)}. */
    public static Tensor xavierUniform_(Tensor tensor) {
        return xavierUniform_(tensor, 1.0);
    }

    /** {@code nn.init.xavier_uniform_(tensor, gain)}: U(-a, a) with a = gain * sqrt(6 / (fan_in + fan_out)). */
    public static Tensor xavierUniform_(Tensor tensor, double gain) {
        double a = Math.sqrt(3.0) * xavierStd(tensor, gain);
        return uniform_(tensor, -a, a);
    }

    /** {@code nn.init.xavier_normal_(tensor)}. */
    public static Tensor xavierNormal_(Tensor tensor) {
        return xavierNormal_(tensor, 1.0);
    }

    /** {@code nn.init.xavier_normal_(tensor, gain)}: N(0, gain^2 * 2 / (fan_in + fan_out)). */
    public static Tensor xavierNormal_(Tensor tensor, double gain) {
        return normal_(tensor, 0.0, xavierStd(tensor, gain));
    }

    private static double xavierStd(Tensor tensor, double gain) {
        int[] fans = calculateFanInAndFanOut(tensor);
        return gain * Math.sqrt(2.0 / (double) (fans[0] + fans[1]));
    }

    /** {@code nn.init.kaiming_uniform_(tensor)}: a=0, fan_in, leaky_relu. */
    public static Tensor kaimingUniform_(Tensor tensor) {
        return kaimingUniform_(tensor, 0, FanMode.FAN_IN, Nonlinearity.LEAKY_RELU);
    }

    /** {@code nn.init.kaiming_uniform_(tensor, a, mode, nonlinearity)}: U(-b, b), b = gain * sqrt(3 / fan). */
    public static Tensor kaimingUniform_(Tensor tensor, double a, FanMode mode, Nonlinearity nonlinearity) {
        if (tensor.numel() == 0) {
            return tensor;
        }
        double bound = Math.sqrt(3.0) * kaimingStd(tensor, a, mode, nonlinearity);
        return uniform_(tensor, -bound, bound);
    }

    /** {@code nn.init.kaiming_normal_(tensor)}. */
    public static Tensor kaimingNormal_(Tensor tensor) {
        return kaimingNormal_(tensor, 0, FanMode.FAN_IN, Nonlinearity.LEAKY_RELU);
    }

    /** {@code nn.init.kaiming_normal_(tensor, a, mode, nonlinearity)}: N(0, gain^2 / fan). */
    public static Tensor kaimingNormal_(Tensor tensor, double a, FanMode mode, Nonlinearity nonlinearity) {
        if (tensor.numel() == 0) {
            return tensor;
        }
        return normal_(tensor, 0, kaimingStd(tensor, a, mode, nonlinearity));
    }

    private static double kaimingStd(Tensor tensor, double a, FanMode mode, Nonlinearity nonlinearity) {
        return calculateGain(nonlinearity, a) / Math.sqrt(fan(tensor, mode));
    }

    /** {@code nn.init.orthogonal_(tensor)}. */
    public static Tensor orthogonal_(Tensor tensor) {
        return orthogonal_(tensor, 1);
    }

    /**
     * {@code nn.init.orthogonal_(tensor, gain)}: the Q factor of a standard normal (rows x rest) matrix, with
     * the signs that make R's diagonal positive, times gain.
     */
    public static Tensor orthogonal_(Tensor tensor, double gain) {
        if (tensor.dim() < 2) {
            throw new IllegalArgumentException("Only tensors with 2 or more dimensions are supported");
        }
        if (tensor.numel() == 0) {
            return tensor;
        }
        int rows = tensor.size(0);
        int cols = tensor.numel() / rows;
        Tensor flattened = Torch.empty(new int[] {rows, cols}, TensorOptions.ofDType(tensor.dtype()));
        try (GradGuard ignored = GradGuard.disable()) {
            flattened.normal_(0, 1);
            Tensor a = rows < cols ? flattened.t() : flattened;
            double[] q = HouseholderQR.orthonormalColumns(a.toDoubleArray(), a.size(0), a.size(1));
            Tensor qt = Torch.tensor(q).reshape(a.size(0), a.size(1));
            if (rows < cols) {
                qt = qt.t();
            }
            tensor.copy_(qt.reshape(tensor.shape()));
            return tensor.mul_(gain);
        }
    }
}
