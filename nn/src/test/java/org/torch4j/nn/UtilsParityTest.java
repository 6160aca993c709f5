package org.torch4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.torch4j.Fixtures;
import org.torch4j.Tensor;
import org.torch4j.nn.utils.ClipGrad;
import org.torch4j.nn.utils.ParameterVectors;

/** clip_grad_norm_, clip_grad_value_, parameters_to_vector and vector_to_parameters against PyTorch. */
class UtilsParityTest {
    private static List<Tensor> parametersWithGrads(JsonArray grads) {
        List<Tensor> params = new ArrayList<>();
        for (int i = 0; i < grads.size(); i++) {
            Tensor g = Fixtures.tensor(grads.get(i));
            Tensor p = org.torch4j.Torch.zerosLike(g).requiresGrad_();
            p.setGrad(g);
            params.add(p);
        }
        return params;
    }

    @Test
    void clipGradNormMatchesPyTorch() {
        Map<String, JsonObject> cases = NnCases.withPrefix("clip_norm/");
        assertEquals(8, cases.size());
        cases.forEach((name, c) -> {
            List<Tensor> params = parametersWithGrads(c.getAsJsonArray("grads"));
            double normType = c.get("norm_type").isJsonPrimitive() && c.get("norm_type").getAsJsonPrimitive().isString()
                    ? Double.POSITIVE_INFINITY : c.get("norm_type").getAsDouble();
            Tensor total = ClipGrad.clipGradNorm_(params, c.get("max_norm").getAsDouble(), normType);
            Fixtures.assertClose(c.get("total"), total, 1e-5, 1e-6, name + " total");
            for (int i = 0; i < params.size(); i++) {
                Fixtures.assertClose(c.getAsJsonArray("clipped").get(i), params.get(i).grad(), 1e-5, 1e-6, name);
            }
        });
    }

    @Test
    void clipGradValueMatchesPyTorch() {
        JsonObject c = NnCases.ALL.get("clip_value");
        List<Tensor> params = parametersWithGrads(c.getAsJsonArray("grads"));
        ClipGrad.clipGradValue_(params, 1.5);
        for (int i = 0; i < params.size(); i++) {
            Fixtures.assertClose(c.getAsJsonArray("clipped").get(i), params.get(i).grad(), "clipped " + i);
        }
    }

    @Test
    void parametersToVectorAndBack() {
        JsonObject c = NnCases.ALL.get("vector");
        List<Tensor> params = new ArrayList<>();
        for (var p : c.getAsJsonArray("params")) {
            params.add(Fixtures.tensor(p));
        }
        Tensor vec = ParameterVectors.parametersToVector(params);
        Fixtures.assertClose(c.get("vector"), vec, "vector");
        List<Tensor> targets = new ArrayList<>();
        for (Tensor p : params) {
            targets.add(org.torch4j.Torch.zerosLike(p));
        }
        ParameterVectors.vectorToParameters(vec, targets);
        for (int i = 0; i < params.size(); i++) {
            Fixtures.assertClose(c.getAsJsonArray("params").get(i), targets.get(i), "param " + i);
        }
    }
}
