package org.torch4j.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.torch4j.DType;
import org.torch4j.Fixtures;
import org.torch4j.Tensor;
import org.torch4j.TensorOptions;
import org.torch4j.Torch;

/**
 * Gradients of composite expressions against real PyTorch 1.13 (tools/fixtures/gen_autograd.py builds the
 * same expressions): the output, its grad_fn name and the gradient of its sum for every input.
 */
class AutogradParityTest {
    private static final Map<String, JsonObject> CASES = Fixtures.load("autograd");
    private static final TensorOptions F64 = TensorOptions.ofDType(DType.FLOAT64);
    private static final Map<String, Function<Tensor[], Tensor>> EXPRESSIONS = new HashMap<>();

    static {
        EXPRESSIONS.put("mlp", in -> in[0].matmul(in[1]).add(in[2]).tanh().matmul(in[3]).logSoftmax(1).mean());
        EXPRESSIONS.put("cross_entropy", in -> in[0].logSoftmax(1).gather(1, in[1]).mean().neg());
        EXPRESSIONS.put("norm_var_std", in -> {
            Tensor x = in[0];
            return x.norm(2, new int[] {1}, false).sum().add(x.var(0).sum()).add(x.std())
                    .add(x.norm(3.0, new int[] {0}, false).sum()).add(x.norm(1.0))
                    .add(x.norm(Double.POSITIVE_INFINITY, new int[] {1}, false).sum());
        });
        EXPRESSIONS.put("broadcast", in -> {
            Tensor a = in[0];
            Tensor b = in[1];
            return a.mul(b).add(a.div(b.exp())).sub(b.pow(a)).pow(2L);
        });
        EXPRESSIONS.put("views", in -> in[0].view(2, 12).t().slice(0, 0, 12, 3).unsqueeze(0).expand(2, 4, 2)
                .permute(2, 0, 1).transpose(0, 2).squeeze().select(1, 1).mul(Torch.arange(1.0, 3.0, 1.0, F64)));
        EXPRESSIONS.put("as_strided", in -> in[0].asStrided(new int[] {3, 3}, new int[] {1, 2}, 1)
                .mul(Torch.arange(0.0, 9.0, 1.0, F64).view(3, 3)));
        EXPRESSIONS.put("inplace_views", in -> {
            Tensor x = in[0];
            Tensor y = x.mul(1L);
            y.get(1).mul_(2L);
            y.select(1, 0).add_(x.select(1, 1));
            y.t().select(0, 2).sigmoid_();
            return y.exp();
        });
        EXPRESSIONS.put("where_clamp_mask", in -> {
            Tensor x = in[0];
            return Torch.where(x.gt(0L), x.mul(x), x.sin()).clamp(-0.5, 2.0).maskedFill(x.abs().lt(0.1), 0.0)
                    .add(x.maximum(x.mul(0.5).sub(0.2))).sub(x.relu().mul(x.abs()));
        });
        EXPRESSIONS.put("cat_stack_max", in -> {
            Tensor a = in[0];
            Tensor b = in[1];
            return Torch.cat(new Tensor[] {a, b.mul(2L)}, 1).max(1).values().sum()
                    .add(Torch.stack(new Tensor[] {a, b}, 2).amax(new int[] {0, 2}, false).sum())
                    .add(a.exp().add(b).prod(1, false).sum()).add(a.min()).sub(b.amin(new int[] {1}, false).sum());
        });
        EXPRESSIONS.put("indexing", in -> {
            Tensor x = in[0];
            Tensor gathered = x.gather(1, Torch.tensor(new long[][] {{2}, {0}, {1}, {1}, {0}})).squeeze(1).sum();
            Tensor scattered = Torch.zeros(new int[] {5, 3}, F64)
                    .scatterAdd(0, Torch.tensor(new long[][] {{0, 1, 2}}), x.slice(0, 0, 1)).sum(1).sum();
            return x.indexSelect(0, in[1]).sum(0).mul(x.index(x.gt(0L)).sum()).add(gathered).add(scattered);
        });
        EXPRESSIONS.put("matmul", in -> {
            Tensor a = in[0];
            Tensor b = in[1];
            Tensor v = in[2];
            return a.matmul(b).matmul(v).sum().add(a.get(0).matmul(b).mv(v).dot(a.get(1).select(1, 0)))
                    .add(a.bmm(a.transpose(1, 2)).sum()).add(v.matmul(b.t()).matmul(a.get(1).t()).sum());
        });
        EXPRESSIONS.put("cumsum_logsumexp_softmax", in -> {
            Tensor x = in[0];
            return x.cumsum(1).logsumexp(1, false).sum().add(x.softmax(0).mul(x).sum()).add(x.mean(1, true).sum());
        });
        EXPRESSIONS.put("double_backward", in -> {
            Tensor x = in[0];
            Tensor y = x.pow(3L).sin().sum();
            Tensor g = Autograd.grad(new Tensor[] {y}, new Tensor[] {x}, null, false, true, false)[0];
            return g.mul(g).sum();
        });
        EXPRESSIONS.put("third_order", in -> {
            Tensor x = in[0];
            Tensor y = x.mul(x.exp()).sum();
            Tensor g = Autograd.grad(new Tensor[] {y}, new Tensor[] {x}, null, true, true, false)[0];
            Tensor h = Autograd.grad(new Tensor[] {g.sum()}, new Tensor[] {x}, null, true, true, false)[0];
            return h.mul(x).sum();
        });
        EXPRESSIONS.put("prod_zeros", in -> in[0].prod(1, false).sum().add(in[0].get(2).prod()));
        EXPRESSIONS.put("max_ties", in -> in[0].max().add(in[0].amax(new int[] {1}, false).sum().mul(2L))
                .add(in[0].min(0).values().sum()));
        EXPRESSIONS.put("float32_mixed", in -> in[0].mul(in[1].toDouble()).sum(1).toFloat().exp().add(in[0].sum(1)));
    }

    @TestFactory
    Stream<DynamicTest> compositeGradientsMatchPyTorch() {
        return EXPRESSIONS.keySet().stream().sorted().map(name -> DynamicTest.dynamicTest(name, () -> check(name)));
    }

    private static void check(String name) {
        JsonObject c = CASES.get(name);
        JsonArray ins = c.getAsJsonArray("in");
        Tensor[] inputs = new Tensor[ins.size()];
        List<Tensor> diff = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = Fixtures.tensor(ins.get(i));
            if (inputs[i].isFloatingPoint()) {
                diff.add(inputs[i].requiresGrad_());
            }
        }
        Tensor out = EXPRESSIONS.get(name).apply(inputs);
        Fixtures.assertClose(c.get("out"), out, tolerance(out), tolerance(out), name + ": output");
        assertEquals(c.get("grad_fn").getAsString(), out.gradFn().name(), name + ": grad_fn");
        Tensor root = out.dim() == 0 ? out : out.sum();
        Tensor[] grads = Autograd.grad(new Tensor[] {root}, diff.toArray(new Tensor[0]), null, false, false, true);
        JsonArray expected = c.getAsJsonArray("grads");
        int k = 0;
        for (int i = 0; i < inputs.length; i++) {
            if (!inputs[i].isFloatingPoint()) {
                assertTrue(expected.get(i).isJsonNull());
                continue;
            }
            Tensor g = grads[k++];
            Fixtures.assertClose(expected.get(i), g, tolerance(g), tolerance(g), name + ": grad of input " + i);
        }
    }

    private static double tolerance(Tensor t) {
        return t.dtype() == DType.FLOAT32 ? 1e-5 : 1e-10;
    }

    @Test
    void functionalMatchesPyTorch() {
        JsonObject c = CASES.get("functional");
        Tensor x = Fixtures.tensor(c.get("x"));
        Tensor v = Fixtures.tensor(c.get("v"));
        TensorFunction f = in -> new Tensor[] {in[0].exp().mul(in[0].sum())};
        TensorFunction g = in -> new Tensor[] {in[0].pow(3L).sum().add(in[0].get(0).mul(in[0].get(1)))};
        Fixtures.assertClose(c.get("jacobian"), Functional.jacobian(f, x)[0][0], "jacobian");
        Fixtures.assertClose(c.get("hessian"), Functional.hessian(g, x)[0][0], "hessian");
        Functional.Result vjp = Functional.vjp(f, new Tensor[] {x}, new Tensor[] {v});
        Fixtures.assertClose(c.get("vjp"), vjp.products()[0], "vjp");
        Functional.Result jvp = Functional.jvp(f, new Tensor[] {x}, new Tensor[] {v});
        Fixtures.assertClose(c.get("jvp"), jvp.products()[0], "jvp");
        assertNull(vjp.outputs()[0].gradFn());
        assertNull(x.grad());
    }
}
