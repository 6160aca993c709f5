package org.torch4j.autograd;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.torch4j.Tensor;
import org.torch4j.Torch;

/**
 * {@code torch.autograd.gradcheck} and {@code gradgradcheck}: compare the gradients computed by backward
 * (the analytical Jacobian, one backward pass per output element) with central finite differences (the
 * numerical Jacobian), element by element: {@code |analytical - numerical| <= atol + rtol * |numerical|}.
 * Inputs should be float64 tensors that require grad; others are held constant. Defaults are PyTorch's:
 * eps 1e-6, atol 1e-5, rtol 1e-3. Also checks that backward is reentrant (gives the same values twice).
 * Throws {@link GradcheckError} on a mismatch.
 *
 * <p>Overloads take a {@code UnaryOperator}/{@code BinaryOperator} for one or two inputs
 * ({@code gradcheck(Tensor::sigmoid, x)}); a {@link TensorFunction} lambda with one or two inputs must
 * pass them as an array ({@code gradcheck(in -> new Tensor[] {...}, new Tensor[] {x})}).
 */
public final class GradCheck {
    /** PyTorch's default perturbation. */
    public static final double EPS = 1e-6;
    /** PyTorch's default absolute tolerance. */
    public static final double ATOL = 1e-5;
    /** PyTorch's default relative tolerance. */
    public static final double RTOL = 1e-3;

    private GradCheck() {
    }

    /** {@code gradcheck(fn, inputs)} with the default tolerances. */
    public static boolean gradcheck(TensorFunction fn, Tensor... inputs) {
        return gradcheck(fn, inputs, EPS, ATOL, RTOL);
    }

    /** {@code gradcheck(fn, (x,))} for a function of one tensor. */
    public static boolean gradcheck(UnaryOperator<Tensor> fn, Tensor x) {
        return gradcheck(in -> new Tensor[] {fn.apply(in[0])}, new Tensor[] {x}, EPS, ATOL, RTOL);
    }

    /** {@code gradcheck(fn, (a, b))} for a function of two tensors. */
    public static boolean gradcheck(BinaryOperator<Tensor> fn, Tensor a, Tensor b) {
        return gradcheck(in -> new Tensor[] {fn.apply(in[0], in[1])}, new Tensor[] {a, b}, EPS, ATOL, RTOL);
    }

    /** {@code gradcheck(fn, inputs, eps=eps, atol=atol, rtol=rtol)}. */
    public static boolean gradcheck(TensorFunction fn, Tensor[] inputs, double eps, double atol, double rtol) {
        List<Integer> diffInputs = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i] != null && inputs[i].requiresGrad()) {
                diffInputs.add(i);
            }
        }
        if (diffInputs.isEmpty()) {
            throw new IllegalArgumentException("gradcheck expects at least one input tensor to require gradient, but none "
                    + "of the them have requires_grad=True.");
        }
        Tensor[] outputs = fn.apply(inputs);
        double[][][][] analytical = analyticalJacobian(outputs, inputs, diffInputs);
        double[][][][] again = analyticalJacobian(fn.apply(inputs), inputs, diffInputs);
        double[][][][] numerical = numericalJacobian(fn, inputs, diffInputs, outputs, eps);
        for (int o = 0; o < outputs.length; o++) {
            for (int k = 0; k < diffInputs.size(); k++) {
                double[][] a = analytical[o][k];
                double[][] n = numerical[o][k];
                if (a == null) {
                    continue;
                }
                if (!allclose(a, n, rtol, atol)) {
                    throw new GradcheckError("Jacobian mismatch for output " + o + " with respect to input "
                            + diffInputs.get(k) + ",\nnumerical:" + asPrinted(n) + "\nanalytical:" + asPrinted(a) + "\n");
                }
                if (!allclose(a, again[o][k], 0, 0)) {
                    throw new GradcheckError("Backward is not reentrant, i.e., running backward with same input and "
                            + "grad_output multiple times gives different values, although analytical gradient matches "
                            + "numerical gradient.The tolerance for nondeterminism was 0.0.");
                }
            }
        }
        return true;
    }

    /** {@code gradgradcheck(fn, inputs)}: gradcheck of the first derivative with random grad_outputs. */
    public static boolean gradgradcheck(TensorFunction fn, Tensor... inputs) {
        return gradgradcheck(fn, inputs, null, EPS, ATOL, RTOL);
    }

    /** {@code gradgradcheck(fn, (x,))} for a function of one tensor. */
    public static boolean gradgradcheck(UnaryOperator<Tensor> fn, Tensor x) {
        return gradgradcheck(in -> new Tensor[] {fn.apply(in[0])}, new Tensor[] {x}, null, EPS, ATOL, RTOL);
    }

    /** {@code gradgradcheck(fn, (a, b))} for a function of two tensors. */
    public static boolean gradgradcheck(BinaryOperator<Tensor> fn, Tensor a, Tensor b) {
        return gradgradcheck(in -> new Tensor[] {fn.apply(in[0], in[1])}, new Tensor[] {a, b}, null, EPS, ATOL, RTOL);
    }

    /**
     * {@code gradgradcheck(fn, inputs, grad_outputs, eps, atol, rtol)}: checks the gradients of
     * {@code inputs, v -> grad(fn(inputs), inputs, v, create_graph=True)}; null grad_outputs are drawn
     * uniformly in [-1, 1) from a fixed seed.
     */
    public static boolean gradgradcheck(TensorFunction fn, Tensor[] inputs, Tensor[] gradOutputs, double eps, double atol,
            double rtol) {
        Tensor[] outputs = fn.apply(inputs);
        List<Integer> diffOutputs = new ArrayList<>();
        for (int o = 0; o < outputs.length; o++) {
            if (outputs[o] != null && outputs[o].isFloatingPoint() && outputs[o].requiresGrad()) {
                diffOutputs.add(o);
            }
        }
        Tensor[] v = gradOutputs != null ? gradOutputs : randomLike(outputs, diffOutputs);
        int n = inputs.length;
        Tensor[] all = new Tensor[n + v.length];
        System.arraycopy(inputs, 0, all, 0, n);
        System.arraycopy(v, 0, all, n, v.length);
        TensorFunction firstDerivative = args -> {
            Tensor[] in = java.util.Arrays.copyOf(args, n);
            Tensor[] out = fn.apply(in);
            List<Tensor> diffIn = new ArrayList<>();
            for (Tensor t : in) {
                if (t != null && t.requiresGrad()) {
                    diffIn.add(t);
                }
            }
            Tensor[] roots = new Tensor[diffOutputs.size()];
            Tensor[] grads = new Tensor[roots.length];
            for (int k = 0; k < roots.length; k++) {
                roots[k] = out[diffOutputs.get(k)];
                grads[k] = args[n + k];
            }
            Tensor[] g = Autograd.grad(roots, diffIn.toArray(new Tensor[0]), grads, true, true, true);
            List<Tensor> present = new ArrayList<>();
            for (Tensor t : g) {
                if (t != null) {
                    present.add(t);
                }
            }
            return present.toArray(new Tensor[0]);
        };
        return gradcheck(firstDerivative, all, eps, atol, rtol);
    }

    private static Tensor[] randomLike(Tensor[] outputs, List<Integer> diffOutputs) {
        Random random = new Random(0);
        Tensor[] v = new Tensor[diffOutputs.size()];
        for (int k = 0; k < v.length; k++) {
            Tensor o = outputs[diffOutputs.get(k)];
            double[] values = new double[o.numel()];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextDouble() * 2 - 1;
            }
            v[k] = Torch.tensor(values).reshape(o.shape()).to(o.dtype()).requiresGrad_();
        }
        return v;
    }

    /** [output][diff input][output element][input element] from one backward per output element. */
    private static double[][][][] analyticalJacobian(Tensor[] outputs, Tensor[] inputs, List<Integer> diffInputs) {
        Tensor[] wrt = new Tensor[diffInputs.size()];
        for (int k = 0; k < wrt.length; k++) {
            wrt[k] = inputs[diffInputs.get(k)];
        }
        double[][][][] jac = new double[outputs.length][wrt.length][][];
        for (int o = 0; o < outputs.length; o++) {
            Tensor out = outputs[o];
            if (out == null || !out.isFloatingPoint()) {
                continue;
            }
            int m = out.numel();
            for (int k = 0; k < wrt.length; k++) {
                jac[o][k] = new double[m][wrt[k].numel()];
            }
            if (!out.requiresGrad()) {
                continue;
            }
            for (int j = 0; j < m; j++) {
                double[] oneHot = new double[m];
                oneHot[j] = 1;
                Tensor v = Torch.tensor(oneHot).reshape(out.shape()).to(out.dtype());
                Tensor[] g = Autograd.grad(new Tensor[] {out}, wrt, new Tensor[] {v}, true, false, true);
                for (int k = 0; k < wrt.length; k++) {
                    if (g[k] == null) {
                        continue;
                    }
                    if (!java.util.Arrays.equals(g[k].shape(), wrt[k].shape())) {
                        throw new GradcheckError("Gradient has incorrect shape");
                    }
                    jac[o][k][j] = g[k].toDoubleArray();
                }
            }
        }
        return jac;
    }

    /**
     * Central differences, perturbing each element of each differentiable input in place (without grad;
     * the function itself runs in the current grad mode, as gradgradcheck needs).
     */
    private static double[][][][] numericalJacobian(TensorFunction fn, Tensor[] inputs, List<Integer> diffInputs,
            Tensor[] outputs, double eps) {
        double[][][][] jac = new double[outputs.length][diffInputs.size()][][];
        for (int k = 0; k < diffInputs.size(); k++) {
            Tensor x = inputs[diffInputs.get(k)];
            int n = x.numel();
            for (int o = 0; o < outputs.length; o++) {
                if (outputs[o] != null && outputs[o].isFloatingPoint()) {
                    jac[o][k] = new double[outputs[o].numel()][n];
                }
            }
            int[] shape = x.shape();
            for (int e = 0; e < n; e++) {
                Tensor element;
                try (var ignored = Torch.noGrad()) {
                    element = x.get(unravel(e, shape));
                }
                double original = element.item();
                double[][] plus = evaluateAt(fn, inputs, element, original + eps);
                double[][] minus = evaluateAt(fn, inputs, element, original - eps);
                set(element, original);
                for (int o = 0; o < outputs.length; o++) {
                    if (jac[o][k] == null) {
                        continue;
                    }
                    for (int j = 0; j < plus[o].length; j++) {
                        jac[o][k][j][e] = (plus[o][j] - minus[o][j]) / (2 * eps);
                    }
                }
            }
        }
        return jac;
    }

    /** The outputs' values with one element set to {@code value} (copied: an output may be a view of an input). */
    private static double[][] evaluateAt(TensorFunction fn, Tensor[] inputs, Tensor element, double value) {
        set(element, value);
        Tensor[] out = fn.apply(inputs);
        double[][] values = new double[out.length][];
        for (int o = 0; o < out.length; o++) {
            values[o] = out[o] != null && out[o].isFloatingPoint() ? out[o].toDoubleArray() : null;
        }
        return values;
    }

    private static void set(Tensor element, double value) {
        try (var ignored = Torch.noGrad()) {
            element.fill_(value);
        }
    }

    /** A Jacobian as PyTorch prints it in gradcheck messages: one row per input element. */
    private static Tensor asPrinted(double[][] jac) {
        int inputs = jac.length == 0 ? 0 : jac[0].length;
        double[][] t = new double[inputs][jac.length];
        for (int j = 0; j < jac.length; j++) {
            for (int e = 0; e < inputs; e++) {
                t[e][j] = jac[j][e];
            }
        }
        return Torch.tensor(t);
    }

    private static int[] unravel(int flat, int[] shape) {
        int[] index = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
        return index;
    }

    private static boolean allclose(double[][] a, double[][] n, double rtol, double atol) {
        for (int j = 0; j < a.length; j++) {
            for (int e = 0; e < a[j].length; e++) {
                double x = a[j][e];
                double y = n[j][e];
                if (!(Math.abs(x - y) <= atol + rtol * Math.abs(y)) && !(Double.isNaN(x) && Double.isNaN(y))) {
                    return false;
                }
            }
        }
        return true;
    }
}
