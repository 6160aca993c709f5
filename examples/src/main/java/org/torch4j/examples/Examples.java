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
        add("twolayer-tensor", "two-layer net, forward and backward by hand with tensor ops", TwoLayerTensor::main);
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
        String[] words = String.join(" ", args).trim().split("\\s+");
        String name = words[0].isEmpty() ? FLAGSHIP : words[0];
        if (name.equals("list")) {
            list(System.out);
            return;
        }
        Program program = PROGRAMS.get(name);
        if (program == null) {
            System.err.println("no example named '" + name + "'; the examples are:");
            list(System.err);
            System.exit(2);
        }
        program.main().accept(Arrays.copyOfRange(words, 1, words.length));
    }

    private static void list(PrintStream out) {
        PROGRAMS.forEach((name, p) -> out.printf("  %-18s %s%n", name, p.description()));
    }
}
