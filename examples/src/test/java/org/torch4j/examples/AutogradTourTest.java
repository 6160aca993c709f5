package org.torch4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import com.google.gson.JsonElement;
import org.junit.jupiter.api.Test;
import org.torch4j.Fixtures;

class AutogradTourTest {
    @Test
    void printsWhatPyTorchPrints() {
        Captured<Void> run = Captured.run(() -> {
            AutogradTour.main(new String[0]);
            return null;
        });
        // Java prints booleans as true/false where Python prints True/False
        List<String> expected = Fixtures.load("examples").get("autograd").getAsJsonArray("lines").asList().stream()
                .map(JsonElement::getAsString)
                .map(l -> l.replaceAll("(?<= )True\\b", "true").replaceAll("(?<= )False\\b", "false")).toList();
        assertEquals(expected, run.lines());
    }
}
