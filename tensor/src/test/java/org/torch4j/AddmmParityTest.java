package org.torch4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.torch4j.Fixtures.ints;

import com.google.gson.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * torch.addmm against fixtures from real PyTorch (tools/fixtures/gen_addmm.py): broadcast inputs, beta and alpha,
 * transposed and sliced operands (nn.Linear's {@code x · W.t()}), float32/float64/int64, zero factors, errors.
 */
class AddmmParityTest {
    private static final Map<String, JsonObject> CASES = Fixtures.load("addmm");

    @Test
    void addmmMatchesPyTorch() {
        int checked = 0;
        for (Map.Entry<String, JsonObject> e : CASES.entrySet()) {
            if (!e.getKey().startsWith("addmm/")) {
                continue;
            }
            JsonObject c = e.getValue();
            Tensor input = LinalgParityTest.input(c.getAsJsonObject("input"));
            if (c.has("fill")) {
                input = Torch.fullLike(input, c.get("fill").getAsDouble());
            }
            Tensor a = LinalgParityTest.input(c.getAsJsonObject("a"));
            Tensor b = LinalgParityTest.input(c.getAsJsonObject("b"));
            Tensor aBefore = a.clone();
            Tensor inputBefore = input.clone();
            double beta = c.get("beta").getAsDouble();
            double alpha = c.get("alpha").getAsDouble();
            Tensor result = beta == 1 && alpha == 1 ? Torch.addmm(input, a, b) : Torch.addmm(input, a, b, beta, alpha);
            LinalgParityTest.check(c.getAsJsonObject("out"), result, a.size(1), e.getKey());
            assertArrayEquals(aBefore.toDoubleArray(), a.toDoubleArray(), e.getKey() + ": mat1 unchanged");
            assertArrayEquals(inputBefore.toDoubleArray(), input.toDoubleArray(), e.getKey() + ": input unchanged");
            checked++;
        }
        assertEquals(33, checked);
    }

    @Test
    void errorsCarryPyTorchMessages() {
        int checked = 0;
        for (Map.Entry<String, JsonObject> e : CASES.entrySet()) {
            if (!e.getKey().startsWith("error/")) {
                continue;
            }
            JsonObject c = e.getValue();
            Tensor input = ones(c.getAsJsonObject("input"));
            Tensor a = ones(c.getAsJsonObject("a"));
            Tensor b = ones(c.getAsJsonObject("b"));
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> input.addmm(a, b),
                    e.getKey());
            assertEquals(c.get("msg").getAsString(), thrown.getMessage(), e.getKey());
            checked++;
        }
        assertEquals(11, checked);
    }

    private static Tensor ones(JsonObject spec) {
        return Torch.ones(ints(spec.get("shape")), TensorOptions.ofDType(LinalgParityTest.dtype(spec)));
    }
}
