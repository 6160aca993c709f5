package org.torch4j.optim;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.torch4j.Tensor;

/** Builds the optimizers the fixtures name, mapping PyTorch's keyword arguments onto the Options builders. */
final class FixtureOptimizers {
    private FixtureOptimizers() {
    }

    /** {@code torch.optim.<name>(params, **kwargs)}. */
    static Optimizer create(String name, List<Tensor> params, JsonObject kwargs) {
        return create(name, params, null, kwargs);
    }

    /** {@code torch.optim.<name>(groups, **kwargs)}; each group's extra keys are set on its ParamGroup. */
    static Optimizer create(String name, List<Tensor> params, JsonArray groups, JsonObject kwargs) {
        OptimizerOptions options = options(name, kwargs);
        if (groups == null) {
            return construct(name, params, null, options);
        }
        List<ParamGroup> list = new ArrayList<>();
        for (JsonElement g : groups) {
            JsonObject o = g.getAsJsonObject();
            List<Tensor> ps = new ArrayList<>();
            for (JsonElement i : o.getAsJsonArray("params")) {
                ps.add(params.get(i.getAsInt()));
            }
            ParamGroup group = new ParamGroup(ps);
            for (Map.Entry<String, JsonElement> e : o.entrySet()) {
                if (!e.getKey().equals("params")) {
                    group.set(e.getKey(), value(e.getValue()));
                }
            }
            list.add(group);
        }
        return construct(name, null, list, options);
    }

    private static Object value(JsonElement e) {
        if (e.isJsonArray()) {
            List<Double> l = new ArrayList<>();
            e.getAsJsonArray().forEach(x -> l.add(x.getAsDouble()));
            return l;
        }
        if (e.getAsJsonPrimitive().isBoolean()) {
            return e.getAsBoolean();
        }
        return e.getAsDouble();
    }

    private static Optimizer construct(String name, List<Tensor> params, List<ParamGroup> groups, OptimizerOptions o) {
        switch (name) {
            case "SGD": return groups == null ? new SGD(params, (SGD.Options) o) : new SGD(groups, (SGD.Options) o);
            case "Adam": return groups == null ? new Adam(params, (Adam.Options) o) : new Adam(groups, (Adam.Options) o);
            case "AdamW": return new AdamW(params, (AdamW.Options) o);
            case "RMSprop": return new RMSprop(params, (RMSprop.Options) o);
            case "Adagrad": return new Adagrad(params, (Adagrad.Options) o);
            case "Adadelta": return new Adadelta(params, (Adadelta.Options) o);
            case "Adamax": return new Adamax(params, (Adamax.Options) o);
            case "NAdam": return new NAdam(params, (NAdam.Options) o);
            case "RAdam": return new RAdam(params, (RAdam.Options) o);
            case "LBFGS": return new LBFGS(params, (LBFGS.Options) o);
            default: throw new IllegalArgumentException(name);
        }
    }

    /** The Options object for {@code kwargs}, set through the public builder methods. */
    static OptimizerOptions options(String name, JsonObject kw) {
        switch (name) {
            case "SGD": {
                SGD.Options o = new SGD.Options(kw.get("lr").getAsDouble());
                if (kw.has("momentum")) o.momentum(d(kw, "momentum"));
                if (kw.has("dampening")) o.dampening(d(kw, "dampening"));
                if (kw.has("weight_decay")) o.weightDecay(d(kw, "weight_decay"));
                if (kw.has("nesterov")) o.nesterov(b(kw, "nesterov"));
                if (kw.has("maximize")) o.maximize(b(kw, "maximize"));
                return o;
            }
            case "Adam": {
                Adam.Options o = family(new Adam.Options(), kw);
                if (kw.has("amsgrad")) o.amsgrad(b(kw, "amsgrad"));
                if (kw.has("maximize")) o.maximize(b(kw, "maximize"));
                return o;
            }
            case "AdamW": {
                AdamW.Options o = family(new AdamW.Options(), kw);
                if (kw.has("amsgrad")) o.amsgrad(b(kw, "amsgrad"));
                if (kw.has("maximize")) o.maximize(b(kw, "maximize"));
                return o;
            }
            case "Adamax": {
                Adamax.Options o = family(new Adamax.Options(), kw);
                if (kw.has("maximize")) o.maximize(b(kw, "maximize"));
                return o;
            }
            case "NAdam": {
                NAdam.Options o = family(new NAdam.Options(), kw);
                if (kw.has("momentum_decay")) o.momentumDecay(d(kw, "momentum_decay"));
                return o;
            }
            case "RAdam": return family(new RAdam.Options(), kw);
            case "RMSprop": {
                RMSprop.Options o = new RMSprop.Options();
                if (kw.has("lr")) o.lr(d(kw, "lr"));
                if (kw.has("alpha")) o.alpha(d(kw, "alpha"));
                if (kw.has("eps")) o.eps(d(kw, "eps"));
                if (kw.has("momentum")) o.momentum(d(kw, "momentum"));
                if (kw.has("centered")) o.centered(b(kw, "centered"));
                if (kw.has("weight_decay")) o.weightDecay(d(kw, "weight_decay"));
                if (kw.has("maximize")) o.maximize(b(kw, "maximize"));
                return o;
            }
            case "Adagrad": {
                Adagrad.Options o = new Adagrad.Options();
                if (kw.has("lr")) o.lr(d(kw, "lr"));
                if (kw.has("lr_decay")) o.lrDecay(d(kw, "lr_decay"));
                if (kw.has("eps")) o.eps(d(kw, "eps"));
                if (kw.has("weight_decay")) o.weightDecay(d(kw, "weight_decay"));
                if (kw.has("initial_accumulator_value")) o.initialAccumulatorValue(d(kw, "initial_accumulator_value"));
                if (kw.has("maximize")) o.maximize(b(kw, "maximize"));
                return o;
            }
            case "Adadelta": {
                Adadelta.Options o = new Adadelta.Options();
                if (kw.has("lr")) o.lr(d(kw, "lr"));
                if (kw.has("rho")) o.rho(d(kw, "rho"));
                if (kw.has("eps")) o.eps(d(kw, "eps"));
                if (kw.has("weight_decay")) o.weightDecay(d(kw, "weight_decay"));
                if (kw.has("maximize")) o.maximize(b(kw, "maximize"));
                return o;
            }
            case "LBFGS": {
                LBFGS.Options o = new LBFGS.Options();
                if (kw.has("lr")) o.lr(d(kw, "lr"));
                if (kw.has("max_iter")) o.maxIter(kw.get("max_iter").getAsInt());
                if (kw.has("max_eval")) o.maxEval(kw.get("max_eval").getAsInt());
                if (kw.has("tolerance_grad")) o.toleranceGrad(d(kw, "tolerance_grad"));
                if (kw.has("tolerance_change")) o.toleranceChange(d(kw, "tolerance_change"));
                if (kw.has("history_size")) o.historySize(kw.get("history_size").getAsInt());
                if (kw.has("line_search_fn")) o.lineSearchFn(kw.get("line_search_fn").getAsString());
                return o;
            }
            default: throw new IllegalArgumentException(name);
        }
    }

    private static <T extends AdamFamilyOptions<T>> T family(T o, JsonObject kw) {
        if (kw.has("lr")) o.lr(d(kw, "lr"));
        if (kw.has("betas")) {
            JsonArray b = kw.getAsJsonArray("betas");
            o.betas(b.get(0).getAsDouble(), b.get(1).getAsDouble());
        }
        if (kw.has("eps")) o.eps(d(kw, "eps"));
        if (kw.has("weight_decay")) o.weightDecay(d(kw, "weight_decay"));
        return o;
    }

    private static double d(JsonObject o, String k) {
        return o.get(k).getAsDouble();
    }

    private static boolean b(JsonObject o, String k) {
        return o.get(k).getAsBoolean();
    }
}
