package org.torch4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.torch4j.Tensor;
import org.torch4j.Torch;

/** Bad options and misuse throw PyTorch's messages (recorded by tools/fixtures/gen_optim.py). */
class ValidationTest {
    private final List<Tensor> p = List.of(Torch.zeros(3).requiresGrad_());

    private static void expect(String error, Executable action) {
        String msg = OptimizerParityTest.CASES.get("error/" + error).get("msg").getAsString();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action, error);
        assertEquals(msg, e.getMessage(), error);
    }

    @Test
    void optionChecks() {
        expect("sgd_lr", () -> new SGD(p, new SGD.Options(-0.1)));
        expect("sgd_momentum", () -> new SGD(p, new SGD.Options(0.1).momentum(-0.5)));
        expect("sgd_weight_decay", () -> new SGD(p, new SGD.Options(0.1).weightDecay(-1e-05)));
        expect("sgd_nesterov_momentum", () -> new SGD(p, new SGD.Options(0.1).nesterov(true)));
        expect("sgd_nesterov_dampening",
            () -> new SGD(p, new SGD.Options(0.1).momentum(0.9).dampening(0.1).nesterov(true)));
        expect("adam_lr", () -> new Adam(p, new Adam.Options(-0.001)));
        expect("adam_eps", () -> new Adam(p, new Adam.Options().eps(-1.0)));
        expect("adam_beta0", () -> new Adam(p, new Adam.Options().betas(1.0, 0.999)));
        expect("adam_beta1", () -> new Adam(p, new Adam.Options().betas(0.9, -0.1)));
        expect("adam_weight_decay", () -> new Adam(p, new Adam.Options().weightDecay(-0.5)));
        expect("adamw_beta0", () -> new AdamW(p, new AdamW.Options().betas(-0.5, 0.999)));
        expect("rmsprop_alpha", () -> new RMSprop(p, new RMSprop.Options().alpha(-0.1)));
        expect("rmsprop_momentum", () -> new RMSprop(p, new RMSprop.Options().momentum(-0.9)));
        expect("adagrad_lr_decay", () -> new Adagrad(p, new Adagrad.Options().lrDecay(-1.0)));
        expect("adagrad_initial", () -> new Adagrad(p, new Adagrad.Options().initialAccumulatorValue(-1.0)));
        expect("adadelta_rho", () -> new Adadelta(p, new Adadelta.Options().rho(1.5)));
        expect("adamax_beta1", () -> new Adamax(p, new Adamax.Options().betas(0.9, 1.0)));
        expect("nadam_momentum_decay", () -> new NAdam(p, new NAdam.Options().momentumDecay(-1.0)));
        expect("radam_eps", () -> new RAdam(p, new RAdam.Options().eps(-1e-8)));
    }

    @Test
    void parameterChecks() {
        expect("empty", () -> new SGD(List.<Tensor>of(), new SGD.Options(0.1)));
        expect("non_leaf", () -> new SGD(List.of(Torch.ones(3).requiresGrad_().mul(2)), new SGD.Options(0.1)));
        expect("duplicate_groups",
            () -> new SGD(List.of(new ParamGroup(p), new ParamGroup(p)), new SGD.Options(0.1)));
        SGD sgd = new SGD(p, new SGD.Options(0.1));
        expect("duplicate_groups", () -> sgd.addParamGroup(new ParamGroup(p)));
        expect("lbfgs_groups", () -> new LBFGS(List.of(new ParamGroup(p),
                new ParamGroup(List.of(Torch.zeros(1).requiresGrad_()))), new LBFGS.Options()));
        LBFGS lbfgs = new LBFGS(p, new LBFGS.Options().lineSearchFn("foo"));
        expect("lbfgs_line_search", () -> lbfgs.step(() -> {
            p.get(0).setGrad(Torch.ones(3));
            return Torch.scalarTensor(1.0);
        }));
        assertThrows(IllegalArgumentException.class, lbfgs::step);
    }

    @Test
    void stateDictChecks() {
        SGD sgd = new SGD(p, new SGD.Options(0.1));
        expect("load_groups", () -> sgd.loadStateDict(Map.of("state", Map.of(), "param_groups", List.of())));
        expect("load_group_size", () -> sgd.loadStateDict(Map.of("state", Map.of(),
                "param_groups", List.of(Map.of("params", List.of(0, 1))))));
    }

    @Test
    void integerParametersAreRejectedAtStep() {
        Tensor q = Torch.zeros(3).toLong();
        SGD sgd = new SGD(List.of(q), new SGD.Options(0.1));
        q.autogradMeta().grad = Torch.ones(3).toLong();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, sgd::step);
        assertEquals("torch4j optimizers update float32 and float64 parameters, but got torch.int64", e.getMessage());
    }
}
