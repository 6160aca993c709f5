package org.torch4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.torch4j.Fixtures.assertClose;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.TensorOptions;
import org.torch4j.Torch;

/**
 * LBFGS against real PyTorch (tools/fixtures/gen_optim.py): Rosenbrock and a quadratic, with and without the
 * strong-Wolfe line search. The closure computes the loss and gradient with plain double arithmetic in the same
 * order as the generator's Python, so both sides see identical closures.
 */
class LbfgsParityTest {
    /** f and its gradient at xs; the gradient goes in g. */
    interface Function {
        double apply(double[] xs, double[] g);
    }

    static double rosenbrock(double[] xs, double[] g) {
        double f = 0.0;
        for (int i = 0; i < xs.length - 1; i++) {
            double a = xs[i + 1] - xs[i] * xs[i];
            double b = 1.0 - xs[i];
            f += 100.0 * a * a + b * b;
            g[i] += -400.0 * xs[i] * a - 2.0 * b;
            g[i + 1] += 200.0 * a;
        }
        return f;
    }

    static double quadratic(double[] xs, double[] g) {
        double f = 0.0;
        for (int i = 0; i < xs.length; i++) {
            double w = 1.0 + i;
            double c = 0.5 * i - 1.0;
            f += 0.5 * w * xs[i] * xs[i] - c * xs[i];
            g[i] += w * xs[i] - c;
            if (i + 1 < xs.length) {
                f += 0.3 * xs[i] * xs[i + 1];
                g[i] += 0.3 * xs[i + 1];
                g[i + 1] += 0.3 * xs[i];
            }
        }
        return f;
    }

    /** The generator's closure: reads the parameters, sets their .grad, returns the loss as a 0-dim tensor. */
    static LossClosure closure(List<Tensor> params, Function fn, DType dtype) {
        return () -> {
            int n = 0;
            for (Tensor p : params) {
                n += p.numel();
            }
            double[] xs = new double[n];
            int off = 0;
            for (Tensor p : params) {
                System.arraycopy(p.toDoubleArray(), 0, xs, off, p.numel());
                off += p.numel();
            }
            double[] g = new double[n];
            double f = fn.apply(xs, g);
            off = 0;
            for (Tensor p : params) {
                double[] slice = new double[p.numel()];
                System.arraycopy(g, off, slice, 0, slice.length);
                p.setGrad(Torch.tensor(slice).to(dtype).reshape(p.shape()));
                off += p.numel();
            }
            return Torch.scalarTensor(f, TensorOptions.ofDType(dtype));
        };
    }

    @TestFactory
    Stream<DynamicTest> lbfgs() {
        return OptimizerParityTest.CASES.keySet().stream().filter(k -> k.startsWith("lbfgs/"))
                .map(name -> DynamicTest.dynamicTest(name, () -> run(name, OptimizerParityTest.CASES.get(name))));
    }

    private static void run(String name, JsonObject c) {
        DType dtype = DType.valueOf(c.get("dtype").getAsString().toUpperCase());
        List<Tensor> params = new ArrayList<>();
        for (JsonElement start : c.getAsJsonArray("start")) {
            JsonArray a = start.getAsJsonArray();
            double[] v = new double[a.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = a.get(i).getAsDouble();
            }
            params.add(Torch.tensor(v).to(dtype).requiresGrad_());
        }
        Function fn = c.get("function").getAsString().equals("rosenbrock")
                ? LbfgsParityTest::rosenbrock : LbfgsParityTest::quadratic;
        LBFGS optimizer = (LBFGS) FixtureOptimizers.create("LBFGS", params, c.getAsJsonObject("options"));
        LossClosure closure = closure(params, fn, dtype);
        boolean single = dtype == DType.FLOAT32;
        int call = 0;
        for (JsonElement s : c.getAsJsonArray("steps")) {
            JsonObject expected = s.getAsJsonObject();
            String what = name + " call " + call++;
            Tensor loss = optimizer.step(closure);
            assertEquals(expected.get("loss").getAsDouble(), loss.item(), 0, what + ": loss");
            JsonArray ps = expected.getAsJsonArray("params");
            for (int i = 0; i < params.size(); i++) {
                assertClose(ps.get(i), params.get(i), single ? 1e-5 : 1e-10, single ? 1e-6 : 1e-12, what);
            }
            Object state = optimizer.state().get(params.get(0));
            assertEquals(expected.get("n_iter").getAsLong(), optimizer.state().get(params.get(0)).get("n_iter"),
                    what + ": n_iter " + state);
            assertEquals(expected.get("func_evals").getAsLong(),
                    optimizer.state().get(params.get(0)).get("func_evals"), what + ": func_evals");
        }
    }
}
