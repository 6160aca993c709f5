package org.torch4j.examples;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs an example by name: {@code Examples [name [args...]]}, the two-neuron fit when no name is given,
 * {@code list} to list them. Maven passes {@code -Dexample="name args"} as one argument.
 */
public final class Examples {
    /** The example run when none is named. */
    public static final String FLAGSHIP = "twoneuron";

    private static final Map<String, Program> PROGRAMS = new LinkedHashMap<>();

    static {
        add(FLAGSHIP, "two sigmoid neurons fit y = x^2 - 0.5x + 1.5625 with SGD; plots the fit", TwoNeuronFit::main);
        add("twolayer-tensor", "two-layer net, forward and backward by hand with tensor ops", TwoLayerTensor::main);
        add("twolayer-autograd", "two-layer net, gradients by autograd, update under no_grad", TwoLayerAutograd::main);
        add("twolayer-function", "two-layer net with a custom autograd Function for ReLU", TwoLayerFunction::main);
        add("twolayer-nn", "two-layer net as nn.Sequential with MSELoss(sum), manual update", TwoLayerNn::main);
        add("twolayer-optim", "the Sequential two-layer net trained by Adam", TwoLayerOptim::main);
        add("twolayer-module", "two-layer net as a custom Module trained by SGD", TwoLayerModule::main);
        add("twolayer-dynamic", "dynamic net reusing its middle layer 0-3 times per forward (SGD, momentum)", TwoLayerDynamic::main);
        add("autograd", "a tour of autograd: gradients, retain_grad, a freed graph, no_grad", AutogradTour::main);
        add("linreg", "linear regression with a TensorDataset and a shuffling DataLoader; plots the fit", LinearRegression::main);
        add("logreg", "logistic regression on Iris (setosa vs versicolor) with BCELoss; plots the boundary", LogisticRegression::main);
        add("nonlinear", "y = sin(x) fitted by a Sequential of Linear and ReLU with Adam; plots the fit", NonLinearRegression::main);
        add("cnn", "a small CNN on MNIST (cnn DIR with the IDX files) or on synthetic images", Cnn::main);
        add("fromscratch", "a layer library written from scratch on tensors; fits y=Xw+b and y=x1*x2", FromScratch::main);
    }

    private Examples() {
    }

    private record Program(String description, Consumer<String[]> main) {
    }

    private static void add(String name, String description, Consumer<String[]> main) {
        PROGRAMS.put(name, new Program(description, main));
    }

    /** Runs the example named by the first argument (or the flagship), passing it the other arguments. */
    public static void main(String[] args) {
        if (!run(String.join(" ", args).trim().split("\\s+"))) {
            System.exit(2);
        }
    }

    /** Runs {@code words[0]} (the flagship when blank, the list for {@code list}); false for an unknown name. */
    static boolean run(String... words) {
        String name = words.length == 0 || words[0].isEmpty() ? FLAGSHIP : words[0];
        if (name.equals("list")) {
            list(System.out);
            return true;
        }
        Program program = PROGRAMS.get(name);
        if (program == null) {
            System.err.println("no example named '" + name + "'; the examples are:");
            list(System.err);
            return false;
        }
        program.main().accept(Arrays.copyOfRange(words, 1, words.length));
        return true;
    }

    private static void list(PrintStream out) {
        PROGRAMS.forEach((name, p) -> out.printf("  %-18s %s%n", name, p.description()));
    }
}
