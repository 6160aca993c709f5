package org.torch4j.optim;

import static org.torch4j.Fixtures.assertClose;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.torch4j.Fixtures;
import org.torch4j.Tensor;

/**
 * Optimizer trajectories against real PyTorch (tools/fixtures/gen_optim.py): the same initial parameters and the
 * same 20 gradients, {@code p.grad = g_t; optimizer.step()}, compared after steps 1 and 20.
 */
class OptimizerParityTest {
    static final Map<String, JsonObject> CASES = Fixtures.load("optim");
    static final int STEPS = 20;

    /** float32 tolerance: the fused loops repeat PyTorch's float32 operations, so only ulps may differ. */
    static final double RTOL32 = 1e-6;
    static final double ATOL32 = 1e-7;

    static List<Tensor> initialParams(String dtype) {
        List<Tensor> params = new ArrayList<>();
        for (JsonElement p : CASES.get("inputs/" + dtype).getAsJsonArray("params")) {
            params.add(Fixtures.tensor(p).requiresGrad_());
        }
        return params;
    }

    static Tensor grad(String dtype, int step, int param) {
        JsonArray steps = CASES.get("inputs/" + dtype).getAsJsonArray("grads");
        return Fixtures.tensor(steps.get(step).getAsJsonArray().get(param));
    }

    /** Sets the gradients of step {@code t} as the case prescribes (none for the listed steps). */
    static void setGrads(JsonObject c, List<Tensor> params, int t) {
        String dtype = c.get("dtype").getAsString();
        for (int i = 0; i < params.size(); i++) {
            boolean none = false;
            if (c.has("none_steps") && c.getAsJsonObject("none_steps").has(Integer.toString(i))) {
                for (JsonElement s : c.getAsJsonObject("none_steps").getAsJsonArray(Integer.toString(i))) {
                    none |= s.getAsInt() == t;
                }
            }
            params.get(i).setGrad(none ? null : grad(dtype, t, i));
        }
    }

    static Optimizer build(JsonObject c, List<Tensor> params) {
        JsonArray groups = c.has("groups") ? c.getAsJsonArray("groups") : null;
        return FixtureOptimizers.create(c.get("optimizer").getAsString(), params, groups, c.getAsJsonObject("options"));
    }

    static void assertCheckpoint(JsonObject c, int step, List<Tensor> params, String what) {
        JsonObject expected = c.getAsJsonObject("expected");
        String key = Integer.toString(step);
        if (!expected.has(key)) {
            return;
        }
        JsonArray ps = expected.getAsJsonArray(key);
        boolean single = c.get("dtype").getAsString().equals("float32");
        for (int i = 0; i < params.size(); i++) {
            assertClose(ps.get(i), params.get(i), single ? RTOL32 : 1e-12, single ? ATOL32 : 1e-14,
                    what + " param " + i + " after step " + step);
        }
    }

    @TestFactory
    Stream<DynamicTest> trajectories() {
        return CASES.keySet().stream().filter(k -> k.startsWith("traj/")).map(name -> DynamicTest.dynamicTest(name,
            () -> {
                JsonObject c = CASES.get(name);
                List<Tensor> params = initialParams(c.get("dtype").getAsString());
                Optimizer optimizer = build(c, params);
                for (int t = 0; t < STEPS; t++) {
                    setGrads(c, params, t);
                    optimizer.step();
                    assertCheckpoint(c, t + 1, params, name);
                }
            }));
    }
}
