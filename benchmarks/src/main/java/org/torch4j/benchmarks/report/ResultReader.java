package org.torch4j.benchmarks.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads JMH's JSON result file and the JSON written by {@code pytorch_bench.py} into {@link Result}s. */
final class ResultReader {
    /** JMH benchmark class (simple name) to report bench name; the method name is the variant unless noted. */
    private static final Map<String, String> BENCHES = Map.of(
            "MatmulBench", "matmul",
            "ElementwiseBench", "elementwise",
            "ReductionBench", "reduction",
            "MachineBench", "machine",
            "TrainingBench", "training");

    private ResultReader() {
    }

    /** The results of a JMH run ({@code -rf json}), each its best iteration; unknown benchmark classes are skipped. */
    static List<Result> jmh(Path file) throws IOException {
        List<Result> out = new ArrayList<>();
        for (JsonElement e : JsonParser.parseString(Files.readString(file)).getAsJsonArray()) {
            JsonObject run = e.getAsJsonObject();
            String full = run.get("benchmark").getAsString();
            String[] parts = full.split("\\.");
            String bench = BENCHES.get(parts[parts.length - 2]);
            if (bench == null) {
                continue;
            }
            String method = parts[parts.length - 1];
            JsonObject params = run.has("params") ? run.getAsJsonObject("params") : new JsonObject();
            String variant;
            long size;
            if (bench.equals("matmul")) {
                variant = params.get("dtype").getAsString();
                size = params.get("n").getAsLong();
            } else if (bench.equals("machine")) {
                variant = method + "-" + params.get("dtype").getAsString();
                size = params.has("size") ? params.get("size").getAsLong() : 0;
            } else if (bench.equals("training")) {
                variant = method;
                size = 0;
            } else {
                variant = method;
                size = params.get("size").getAsLong();
            }
            JsonObject metric = run.getAsJsonObject("primaryMetric");
            double seconds = best(metric) * secondsPer(metric.get("scoreUnit").getAsString());
            out.add(new Result(bench, variant, size, Backends.ofJmh(params.get("backend").getAsString()), seconds));
        }
        return out;
    }

    /**
     * The options of the JVMs that ran a JMH result file, each once in the order first given ({@code --add-modules=m}
     * written as {@code --add-modules m}), system properties left out; empty when the file names none.
     */
    static List<String> jvmOptions(Path file) throws IOException {
        JsonArray runs = JsonParser.parseString(Files.readString(file)).getAsJsonArray();
        Set<String> options = new LinkedHashSet<>();
        JsonObject first = runs.isEmpty() ? null : runs.get(0).getAsJsonObject();
        if (first != null && first.has("jvmArgs")) {
            JsonArray args = first.getAsJsonArray("jvmArgs");
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i).getAsString().replace("--add-modules=", "--add-modules ");
                if (arg.equals("--add-modules") && i + 1 < args.size()) {
                    arg += " " + args.get(++i).getAsString();
                }
                if (!arg.startsWith("-D")) {
                    options.add(arg);
                }
            }
        }
        return new ArrayList<>(options);
    }

    /**
     * The fastest measurement iteration (each the mean time over about a second of calls), or JMH's score when
     * there is no raw data: on a machine shared with other work, the best iteration is the one least disturbed.
     */
    private static double best(JsonObject metric) {
        double best = Double.POSITIVE_INFINITY;
        if (metric.has("rawData")) {
            for (JsonElement fork : metric.getAsJsonArray("rawData")) {
                for (JsonElement iteration : fork.getAsJsonArray()) {
                    best = Math.min(best, iteration.getAsDouble());
                }
            }
        }
        return best == Double.POSITIVE_INFINITY ? metric.get("score").getAsDouble() : best;
    }

    private static double secondsPer(String unit) {
        switch (unit) {
            case "s/op": return 1;
            case "ms/op": return 1e-3;
            case "us/op": return 1e-6;
            case "ns/op": return 1e-9;
            default: throw new IllegalArgumentException("unsupported JMH unit " + unit + " (run in AverageTime mode)");
        }
    }

    /** The PyTorch results and version, or an empty list when the file does not exist. */
    static PyTorchRun pytorch(Path file) throws IOException {
        if (file == null || !Files.exists(file)) {
            return new PyTorchRun(null, List.of());
        }
        JsonObject root = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        int all = root.get("threads_all").getAsInt();
        List<Result> out = new ArrayList<>();
        JsonArray results = root.getAsJsonArray("results");
        for (JsonElement e : results) {
            JsonObject r = e.getAsJsonObject();
            int threads = r.get("threads").getAsInt();
            boolean cuda = r.has("device") && r.get("device").getAsString().equals("cuda");
            String backend = cuda ? Backends.TORCH_CUDA : threads == 1 && all > 1 ? Backends.TORCH_1T : Backends.TORCH_ALL;
            out.add(new Result(r.get("bench").getAsString(), r.get("variant").getAsString(), r.get("size").getAsLong(),
                    backend, r.get("seconds").getAsDouble()));
            if (all == 1 && !cuda) {
                out.add(new Result(r.get("bench").getAsString(), r.get("variant").getAsString(),
                        r.get("size").getAsLong(), Backends.TORCH_1T, r.get("seconds").getAsDouble()));
            }
        }
        return new PyTorchRun(root.get("torch").getAsString(), out);
    }

    /** PyTorch's version and results. */
    record PyTorchRun(String version, List<Result> results) {
    }
}
