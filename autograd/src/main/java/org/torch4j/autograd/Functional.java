package org.torch4j.autograd;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.torch4j.Tensor;
import org.torch4j.TensorOptions;
import org.torch4j.Torch;

/**
 * {@code torch.autograd.functional}: Jacobians, Hessians and vector products of functions of tensors.
 * As in PyTorch, the inputs are used through fresh tensors that require grad, an output that does not
 * depend on an input gives zeros, and results carry history only with {@code createGraph}.
 */
public final class Functional {
    private Functional() {
    }

    /** The outputs of the function and the vector-Jacobian (or Jacobian-vector) products. */
    public static final class Result {
        private final Tensor[] outputs;
        private final Tensor[] products;

        Result(Tensor[] outputs, Tensor[] products) {
            this.outputs = outputs;
            this.products = products;
        }

        /** {@code func(*inputs)}, detached unless the graph was created. */
        public Tensor[] outputs() {
            return outputs.clone();
        }

        /** The vjp (one per input) or the jvp (one per output). */
        public Tensor[] products() {
            return products.clone();
        }
    }

    /** {@code jacobian(func, inputs)}: [output i][input j] of shape {@code out_i.shape + in_j.shape}. */
    public static Tensor[][] jacobian(TensorFunction f, Tensor... inputs) {
        return jacobian(f, inputs, false);
    }

    /** {@code jacobian(func, x)} for one input and one output. */
    public static Tensor jacobian(UnaryOperator<Tensor> f, Tensor x) {
        return jacobian(in -> new Tensor[] {f.apply(in[0])}, new Tensor[] {x}, false)[0][0];
    }

    /** {@code jacobian(func, inputs, create_graph=createGraph)}. */
    public static Tensor[][] jacobian(TensorFunction f, Tensor[] inputs, boolean createGraph) {
        Tensor[] in = prepare(inputs, createGraph);
        Tensor[] outputs = f.apply(in);
        Tensor[][] jac = new Tensor[outputs.length][in.length];
        for (int o = 0; o < outputs.length; o++) {
            Tensor out = outputs[o];
            int m = out.numel();
            List<List<Tensor>> rows = new ArrayList<>();
            for (int j = 0; j < in.length; j++) {
                rows.add(new ArrayList<>(m));
            }
            Tensor flat = out.reshape(-1);
            for (int k = 0; k < m; k++) {
                Tensor[] g = out.requiresGrad()
                        ? Autograd.grad(new Tensor[] {flat.select(0, k)}, in, null, true, createGraph, true)
                        : new Tensor[in.length];
                for (int j = 0; j < in.length; j++) {
                    rows.get(j).add(g[j] != null ? g[j] : Torch.zerosLike(in[j]));
                }
            }
            for (int j = 0; j < in.length; j++) {
                Tensor stacked = m == 0 ? Torch.zeros(concat(out.shape(), in[j].shape()), optionsLike(in[j]))
                        : Torch.stack(rows.get(j).toArray(new Tensor[0]), 0);
                jac[o][j] = stacked.reshape(concat(out.shape(), in[j].shape()));
            }
        }
        return jac;
    }

    /** {@code hessian(func, inputs)} of a function with one scalar output: [input i][input j]. */
    public static Tensor[][] hessian(TensorFunction f, Tensor... inputs) {
        TensorFunction gradient = in -> jacobian(scalar(f), in, true)[0];
        return jacobian(gradient, inputs, false);
    }

    /** {@code hessian(func, x)} for one input. */
    public static Tensor hessian(UnaryOperator<Tensor> f, Tensor x) {
        return hessian(in -> new Tensor[] {f.apply(in[0])}, new Tensor[] {x})[0][0];
    }

    /**
     * {@code vjp(func, inputs, v)}: {@code v^T J} for each input; v may be null when the single output is a
     * scalar.
     */
    public static Result vjp(TensorFunction f, Tensor[] inputs, Tensor[] v) {
        Tensor[] in = prepare(inputs, false);
        Tensor[] outputs = f.apply(in);
        Tensor[] grads = Autograd.grad(outputs, in, v, false, false, true);
        for (int j = 0; j < grads.length; j++) {
            if (grads[j] == null) {
                grads[j] = Torch.zerosLike(in[j]);
            }
        }
        return new Result(detached(outputs), grads);
    }

    /**
     * {@code jvp(func, inputs, v)}: {@code J v} for each output, by the double-backward trick PyTorch uses;
     * v may be null when the single input has one element.
     */
    public static Result jvp(TensorFunction f, Tensor[] inputs, Tensor[] v) {
        Tensor[] in = prepare(inputs, false);
        Tensor[] tangents = v != null ? v : new Tensor[] {Torch.onesLike(in[0])};
        Tensor[] outputs = f.apply(in);
        Tensor[] dummies = new Tensor[outputs.length];
        for (int o = 0; o < outputs.length; o++) {
            dummies[o] = Torch.zerosLike(outputs[o]).requiresGrad_();
        }
        Tensor[] vjp = Autograd.grad(outputs, in, dummies, true, true, true);
        List<Tensor> roots = new ArrayList<>();
        List<Tensor> rootGrads = new ArrayList<>();
        for (int j = 0; j < vjp.length; j++) {
            if (vjp[j] != null && vjp[j].requiresGrad()) {
                roots.add(vjp[j]);
                rootGrads.add(tangents[j]);
            }
        }
        Tensor[] products = roots.isEmpty() ? new Tensor[outputs.length]
                : Autograd.grad(roots.toArray(new Tensor[0]), dummies, rootGrads.toArray(new Tensor[0]), false, false, true);
        for (int o = 0; o < products.length; o++) {
            if (products[o] == null) {
                products[o] = Torch.zerosLike(outputs[o]);
            }
        }
        return new Result(detached(outputs), products);
    }

    private static TensorFunction scalar(TensorFunction f) {
        return in -> {
            Tensor[] out = f.apply(in);
            if (out.length != 1 || out[0].numel() != 1) {
                throw new IllegalArgumentException("The function given to hessian should return a single Tensor with a "
                        + "single element");
            }
            return new Tensor[] {out[0].reshape()};
        };
    }

    /** Fresh inputs that require grad, still connected to the originals' history only when creating a graph. */
    private static Tensor[] prepare(Tensor[] inputs, boolean createGraph) {
        Tensor[] in = new Tensor[inputs.length];
        for (int i = 0; i < in.length; i++) {
            Tensor x = inputs[i];
            in[i] = createGraph && x.requiresGrad() ? x.viewAs(x) : x.detach().requiresGrad_(true);
        }
        return in;
    }

    private static Tensor[] detached(Tensor[] outputs) {
        Tensor[] out = new Tensor[outputs.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = outputs[i].detach();
        }
        return out;
    }

    private static TensorOptions optionsLike(Tensor t) {
        return TensorOptions.ofDType(t.dtype()).device(t.device());
    }

    private static int[] concat(int[] a, int[] b) {
        int[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
