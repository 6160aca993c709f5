package org.torch4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ExamplesTest {
    @Test
    void listsEveryExampleWithTheFlagshipFirst() {
        Captured<Boolean> run = Captured.run(() -> Examples.run("list"));
        assertTrue(run.value());
        List<String> names = run.lines().stream().map(l -> l.trim().split("\\s+")[0]).toList();
        assertEquals(List.of(Examples.FLAGSHIP, "twolayer-tensor", "twolayer-autograd", "twolayer-function", "twolayer-nn",
                "twolayer-optim", "twolayer-module", "twolayer-dynamic", "autograd", "linreg", "logreg", "nonlinear", "cnn",
                "fromscratch"), names);
    }

    @Test
    void runsAnExampleByNameAndRejectsUnknownNames() {
        Captured<Boolean> tour = Captured.run(() -> Examples.run("autograd"));
        assertTrue(tour.value());
        assertEquals("w3 = tensor(6., grad_fn=<MulBackward0>)", tour.lines().get(0));
        assertFalse(Captured.run(() -> Examples.run("no-such-example")).value());
    }
}
