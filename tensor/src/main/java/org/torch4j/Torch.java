package org.torch4j;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.torch4j.internal.ConvChecks;
import org.torch4j.internal.ConvParams;
import org.torch4j.internal.CppFormat;
import org.torch4j.internal.CpuStorage;
import org.torch4j.internal.Dispatcher;
import org.torch4j.internal.GradMode;
import org.torch4j.internal.Parallel;
import org.torch4j.internal.Shapes;
import org.torch4j.internal.random.RandomFill;
import org.torch4j.serialization.Safetensors;
import org.torch4j.serialization.SerializationException;
import org.torch4j.serialization.TorchFiles;

/**
 * The functions of the {@code torch} namespace: creation, random sampling, grad mode, and the function
 * forms of tensor operators ({@code Torch.exp(x)} is {@code x.exp()}).
 *
 * <p>Tensors built from Java arrays take the array's element type: float[] gives float32, double[]
 * float64, long[] int64, int[] int32, boolean[] bool (as {@code torch.from_numpy} does).
 */
public final class Torch {
    private Torch() {
    }

    // ------------------------------------------------------------------ from Java data

    /** {@code torch.tensor(data)} from a primitive array of any depth (float[][], long[], ...). */
    public static Tensor tensor(Object data) {
        Class<?> leaf = data.getClass();
        int depth = 0;
        while (leaf.isArray()) {
            leaf = leaf.getComponentType();
            depth++;
        }
        if (depth == 0) {
            throw new IllegalArgumentException("tensor(): expected a primitive array, got " + data.getClass().getName());
        }
        DType dtype = dtypeOfArrayElement(leaf);
        int[] shape = new int[depth];
        Object level = data;
        for (int d = 0; d < depth; d++) {
            shape[d] = Array.getLength(level);
            level = shape[d] > 0 ? Array.get(level, 0) : null;
            if (level == null && d < depth - 1) {
                for (int r = d + 1; r < depth; r++) {
                    shape[r] = 0;
                }
                break;
            }
        }
        CpuStorage storage = CpuStorage.allocate(dtype, Shapes.numel(shape));
        int filled = copyNested(data, shape, 0, storage.array(), 0);
        if (filled != storage.length()) {
            throw new IllegalArgumentException("tensor(): expected a rectangular array");
        }
        return Tensor.of(storage, shape);
    }

    /** {@code torch.tensor(data, dtype=dtype)}. */
    public static Tensor tensor(Object data, DType dtype) {
        return tensor(data).to(dtype);
    }

    /** {@code torch.tensor(data, dtype=..., device=..., requires_grad=...)}. */
    public static Tensor tensor(Object data, TensorOptions options) {
        return applyOptions(tensor(data).to(options.dtype()), options);
    }

    private static DType dtypeOfArrayElement(Class<?> leaf) {
        if (leaf == float.class) {
            return DType.FLOAT32;
        } else if (leaf == double.class) {
            return DType.FLOAT64;
        } else if (leaf == long.class) {
            return DType.INT64;
        } else if (leaf == int.class) {
            return DType.INT32;
        } else if (leaf == boolean.class) {
            return DType.BOOL;
        }
        throw new IllegalArgumentException("tensor(): unsupported element type " + leaf.getName()
                + " (use float, double, long, int or boolean arrays)");
    }

    private static int copyNested(Object level, int[] shape, int dim, Object dest, int pos) {
        int n = Array.getLength(level);
        if (n != shape[dim]) {
            throw new IllegalArgumentException("expected sequence of length " + shape[dim] + " at dim " + dim
                    + " (got " + n + ")");
        }
        if (dim == shape.length - 1) {
            System.arraycopy(level, 0, dest, pos, n);
            return pos + n;
        }
        for (int i = 0; i < n; i++) {
            pos = copyNested(Array.get(level, i), shape, dim + 1, dest, pos);
        }
        return pos;
    }

    /** {@code torch.scalar_tensor(value)}: a 0-dim tensor of the default dtype. */
    public static Tensor scalarTensor(double value) {
        return scalarTensor(value, TensorOptions.defaults());
    }

    /** {@code torch.scalar_tensor(value, dtype=..., device=...)}. */
    public static Tensor scalarTensor(double value, TensorOptions options) {
        return full(new int[0], value, options);
    }

    // ------------------------------------------------------------------ filled tensors

    /** {@code torch.empty(*size)} (zero-filled on the CPU). */
    public static Tensor empty(int... shape) {
        return empty(shape, TensorOptions.defaults());
    }

    /** {@code torch.empty(size, dtype=..., device=..., requires_grad=...)}. */
    public static Tensor empty(int[] shape, TensorOptions options) {
        checkShape(shape);
        return applyOptions(Dispatcher.backend(options.device()).empty(shape.clone(), options.dtype(), options.device()),
                options);
    }

    private static void checkShape(int[] shape) {
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("Trying to create tensor with negative dimension " + s + ": "
                        + Shapes.format(shape));
            }
        }
    }

    /** {@code torch.zeros(*size)}. */
    public static Tensor zeros(int... shape) {
        return zeros(shape, TensorOptions.defaults());
    }

    /** {@code torch.zeros(size, dtype=..., ...)}. */
    public static Tensor zeros(int[] shape, TensorOptions options) {
        return full(shape, 0L, options);
    }

    /** {@code torch.ones(*size)}. */
    public static Tensor ones(int... shape) {
        return ones(shape, TensorOptions.defaults());
    }

    /** {@code torch.ones(size, dtype=..., ...)}. */
    public static Tensor ones(int[] shape, TensorOptions options) {
        return full(shape, 1L, options);
    }

    /** {@code torch.full(size, value)}: a floating value gives the default dtype. */
    public static Tensor full(int[] shape, double value) {
        return full(shape, value, TensorOptions.defaults());
    }

    /** {@code torch.full(size, value)} with an integer value: int64, as in PyTorch. */
    public static Tensor full(int[] shape, long value) {
        return full(shape, value, TensorOptions.ofDType(DType.INT64));
    }

    /** {@code torch.full(size, value)} with a boolean value: bool. */
    public static Tensor full(int[] shape, boolean value) {
        return fillWithOptions(shape, Tensor.wrappedNumber(value), TensorOptions.ofDType(DType.BOOL));
    }

    /** {@code torch.full(size, value, dtype=..., ...)}. */
    public static Tensor full(int[] shape, double value, TensorOptions options) {
        return fillWithOptions(shape, Tensor.wrappedNumber(value), options);
    }

    /** {@code torch.full(size, value, dtype=..., ...)} with an integer value. */
    public static Tensor full(int[] shape, long value, TensorOptions options) {
        return fillWithOptions(shape, Tensor.wrappedNumber(value), options);
    }

    private static Tensor fillWithOptions(int[] shape, Tensor value, TensorOptions options) {
        checkShape(shape);
        return applyOptions(Dispatcher.backend(options.device()).full(shape.clone(), value, options.dtype(),
                options.device()), options);
    }

    /** A new tensor moved to {@code options.device()} and, if asked, made a leaf that requires grad. */
    private static Tensor applyOptions(Tensor t, TensorOptions options) {
        checkRequiresGrad(options);
        Tensor placed = t.to(options.device());
        return options.requiresGrad() ? placed.requiresGrad_(true) : placed;
    }

    /** The factories' own check of {@code requires_grad=True} (with another message than requires_grad_'s). */
    private static void checkRequiresGrad(TensorOptions options) {
        if (options.requiresGrad() && !options.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("Only Tensors of floating point and complex dtype can require gradients");
        }
    }

    private static TensorOptions like(Tensor t) {
        return TensorOptions.ofDType(t.dtype()).device(t.device());
    }

    /** {@code torch.empty_like(t)}. */
    public static Tensor emptyLike(Tensor t) {
        return empty(t.shape(), like(t));
    }

    /** {@code torch.zeros_like(t)}. */
    public static Tensor zerosLike(Tensor t) {
        return zeros(t.shape(), like(t));
    }

    /** {@code torch.zeros_like(t, dtype=..., ...)}. */
    public static Tensor zerosLike(Tensor t, TensorOptions options) {
        return zeros(t.shape(), options);
    }

    /** {@code torch.ones_like(t)}. */
    public static Tensor onesLike(Tensor t) {
        return ones(t.shape(), like(t));
    }

    /** {@code torch.ones_like(t, dtype=..., ...)}. */
    public static Tensor onesLike(Tensor t, TensorOptions options) {
        return ones(t.shape(), options);
    }

    /** {@code torch.full_like(t, value)}. */
    public static Tensor fullLike(Tensor t, double value) {
        return full(t.shape(), value, like(t));
    }

    /** {@code torch.rand_like(t)}. */
    public static Tensor randLike(Tensor t) {
        return rand(t.shape(), like(t), Generator.defaultGenerator());
    }

    /** {@code torch.randn_like(t)}. */
    public static Tensor randnLike(Tensor t) {
        return randn(t.shape(), like(t), Generator.defaultGenerator());
    }

    // ------------------------------------------------------------------ ranges

    /** {@code torch.arange(end)} with an integer end: int64. */
    public static Tensor arange(long end) {
        return arange(0L, end, 1L);
    }

    /** {@code torch.arange(start, end)} with integers: int64. */
    public static Tensor arange(long start, long end) {
        return arange(start, end, 1L);
    }

    /** {@code torch.arange(start, end, step)} with integers: int64. */
    public static Tensor arange(long start, long end, long step) {
        return integerRange(start, end, step, Math.ceil((double) (end - start) / step),
                TensorOptions.ofDType(DType.INT64));
    }

    /** {@code torch.arange(end)} with a floating end: the default dtype. */
    public static Tensor arange(double end) {
        return arange(0.0, end, 1.0);
    }

    /** {@code torch.arange(start, end)} with floating arguments: the default dtype. */
    public static Tensor arange(double start, double end) {
        return arange(start, end, 1.0);
    }

    /** {@code torch.arange(start, end, step)} with floating arguments: the default dtype. */
    public static Tensor arange(double start, double end, double step) {
        return arange(start, end, step, TensorOptions.defaults());
    }

    /**
     * {@code torch.arange(start, end, step, dtype=..., ...)}, with the rounding of PyTorch's CPU kernel: in double
     * precision, {@code start + step * i} for the scalar tail and, in the vector body, {@code base + k * step} from a
     * base per vector (rounded to float32 first for float32), each a fused multiply-add as in PyTorch's build.
     * Integer dtypes compute in int64 from the arguments truncated toward zero, as ATen does.
     */
    public static Tensor arange(double start, double end, double step, TensorOptions options) {
        DType dtype = options.dtype();
        if (dtype == DType.BOOL) {
            throw new IllegalArgumentException("\"arange_cpu\" not implemented for 'Bool'");
        }
        if (dtype.isIntegral()) {
            long xstart = (long) start;
            long xend = (long) end;
            long xstep = (long) step;
            // ATen sizes an int64 range from the truncated arguments, any other from the arguments as given
            double size = dtype == DType.INT64 ? Math.ceil((double) (xend - xstart) / xstep) : Math.ceil((end - start) / step);
            return integerRange(xstart, xend, xstep, size, options);
        }
        int n = rangeSize(start, end, step, Math.ceil((end - start) / step));
        CpuStorage s = CpuStorage.allocate(dtype, n);
        int lanes = PyTorchVectorWidth.lanes(dtype);
        int body = PyTorchVectorWidth.body(n, lanes);
        for (int i = 0; i < body; i += lanes) {
            double base = PyTorchVectorWidth.base(dtype, Math.fma(step, i, start));
            for (int k = 0; k < lanes; k++) {
                s.setDouble(i + k, Math.fma(k, step, base));
            }
        }
        for (int i = body; i < n; i++) {
            s.setDouble(i, Math.fma(step, i, start));
        }
        return applyOptions(Tensor.of(s, n), options);
    }

    /** An arange of an integer dtype: {@code start + i * step} in int64, converted to the dtype. */
    private static Tensor integerRange(long start, long end, long step, double size, TensorOptions options) {
        int n = rangeSize(start, end, step, size);
        CpuStorage s = CpuStorage.allocate(options.dtype(), n);
        for (int i = 0; i < n; i++) {
            s.setLong(i, start + i * step);
        }
        return applyOptions(Tensor.of(s, n), options);
    }

    /** ATen's checks of an arange, in its order, then the number of elements (which must fit a Java array). */
    private static int rangeSize(double start, double end, double step, double size) {
        if (!(step > 0 || step < 0)) {
            throw new IllegalArgumentException("step must be nonzero");
        }
        if (!Double.isFinite(start) || !Double.isFinite(end)) {
            throw new IllegalArgumentException("unsupported range: " + CppFormat.number(start) + " -> "
                    + CppFormat.number(end));
        }
        if (!((step > 0 && end >= start) || (step < 0 && end <= start))) {
            throw new IllegalArgumentException("upper bound and larger bound inconsistent with step sign");
        }
        if (!(size >= 0 && size <= Long.MAX_VALUE)) {
            throw new IllegalArgumentException("invalid size, possible overflow?");
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("tensor of shape [" + (long) size
                    + "] has more elements than a Java array can hold");
        }
        return (int) size;
    }

    /** {@code torch.linspace(start, end, steps)} in the default dtype. */
    public static Tensor linspace(double start, double end, int steps) {
        return linspace(start, end, steps, TensorOptions.defaults());
    }

    /**
     * {@code torch.linspace(start, end, steps, dtype=..., ...)}, with PyTorch's two-sided formula and its
     * rounding: fused multiply-adds from each end, and {@code base + k * step} inside each vector of the vector
     * body. float32 computes in float32; float64 and integer dtypes in double, integers from the bounds truncated.
     */
    public static Tensor linspace(double start, double end, int steps, TensorOptions options) {
        if (steps < 0) {
            throw new IllegalArgumentException("number of steps must be non-negative");
        }
        DType dtype = options.dtype();
        CpuStorage s = CpuStorage.allocate(dtype, steps);
        if (steps == 1) {
            s.setDouble(0, start);
        } else if (steps > 1 && dtype == DType.BOOL) {
            throw new IllegalArgumentException("\"linspace_cpu\" not implemented for 'Bool'");
        } else if (steps > 1 && dtype == DType.FLOAT32) {
            linspace(s.floats(), (float) start, (float) end, steps);
        } else if (steps > 1) {
            linspace(s, dtype.isIntegral() ? (long) start : start, dtype.isIntegral() ? (long) end : end, steps);
        }
        return applyOptions(Tensor.of(s, steps), options);
    }

    /** linspace's kernel for float32, in float32. */
    private static void linspace(float[] out, float a, float b, int steps) {
        float step = (b - a) / (float) (steps - 1);
        int halfway = steps / 2;
        int lanes = PyTorchVectorWidth.lanes(DType.FLOAT32);
        int i = 0;
        for (int body = PyTorchVectorWidth.body(steps, lanes); i < body; i += lanes) {
            float base = i < halfway ? Math.fma(step, i, a) : Math.fma(-step, steps - i - 1, b);
            for (int k = 0; k < lanes; k++) {
                out[i + k] = base + k * step;
            }
        }
        for (; i < steps; i++) {
            out[i] = i < halfway ? Math.fma(step, i, a) : Math.fma(-step, steps - i - 1, b);
        }
    }

    /** linspace's kernel for float64 and the integer dtypes, in double. */
    private static void linspace(CpuStorage s, double a, double b, int steps) {
        double step = (b - a) / (steps - 1);
        int halfway = steps / 2;
        int lanes = PyTorchVectorWidth.lanes(s.dtype());
        int i = 0;
        for (int body = PyTorchVectorWidth.body(steps, lanes); i < body; i += lanes) {
            double base = i < halfway ? Math.fma(step, i, a) : Math.fma(-step, steps - i - 1, b);
            base = PyTorchVectorWidth.base(s.dtype(), base);
            for (int k = 0; k < lanes; k++) {
                s.setDouble(i + k, base + k * step);
            }
        }
        for (; i < steps; i++) {
            s.setDouble(i, i < halfway ? Math.fma(step, i, a) : Math.fma(-step, steps - i - 1, b));
        }
    }

    /** {@code torch.eye(n)}. */
    public static Tensor eye(int n) {
        return eye(n, n, TensorOptions.defaults());
    }

    /** {@code torch.eye(n, m)}. */
    public static Tensor eye(int n, int m) {
        return eye(n, m, TensorOptions.defaults());
    }

    /** {@code torch.eye(n, m, dtype=..., ...)}. */
    public static Tensor eye(int n, int m, TensorOptions options) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be greater or equal to 0, got " + n);
        }
        if (m < 0) {
            throw new IllegalArgumentException("m must be greater or equal to 0, got " + m);
        }
        CpuStorage s = CpuStorage.allocate(options.dtype(), n * m);
        for (int i = 0; i < Math.min(n, m); i++) {
            s.setLong(i * m + i, 1);
        }
        return applyOptions(Tensor.of(s, n, m), options);
    }

    // ------------------------------------------------------------------ random

    /** {@code torch.manual_seed(seed)}: seeds the default generator. */
    public static Generator manualSeed(long seed) {
        return Generator.defaultGenerator().manualSeed(seed);
    }

    /** {@code torch.initial_seed()}. */
    public static long initialSeed() {
        return Generator.defaultGenerator().initialSeed();
    }

    /** {@code torch.seed()}: reseeds the default generator non-deterministically and returns the seed. */
    public static long seed() {
        return Generator.defaultGenerator().seed();
    }

    /** {@code torch.get_rng_state()}: the default generator's state (the bytes of PyTorch's state tensor). */
    public static byte[] getRngState() {
        return Generator.defaultGenerator().getState();
    }

    /** {@code torch.set_rng_state(state)}. */
    public static void setRngState(byte[] state) {
        Generator.defaultGenerator().setState(state);
    }

    /** {@code torch.rand(*size)}: uniform on [0, 1). */
    public static Tensor rand(int... shape) {
        return rand(shape, TensorOptions.defaults(), Generator.defaultGenerator());
    }

    /** {@code torch.rand(size, generator=g, dtype=..., ...)}. */
    public static Tensor rand(int[] shape, TensorOptions options, Generator g) {
        return sampled(shape, options, t -> t.uniform_(0, 1, g));
    }

    /** {@code torch.randn(*size)}: standard normal. */
    public static Tensor randn(int... shape) {
        return randn(shape, TensorOptions.defaults(), Generator.defaultGenerator());
    }

    /** {@code torch.randn(size, generator=g, dtype=..., ...)}. */
    public static Tensor randn(int[] shape, TensorOptions options, Generator g) {
        return sampled(shape, options, t -> t.normal_(0, 1, g));
    }

    /** {@code torch.randint(low, high, size)}: int64 in [low, high). */
    public static Tensor randint(long low, long high, int[] shape) {
        return randint(low, high, shape, TensorOptions.ofDType(DType.INT64), Generator.defaultGenerator());
    }

    /** {@code torch.randint(high, size)}. */
    public static Tensor randint(long high, int[] shape) {
        return randint(0, high, shape);
    }

    /** {@code torch.randint(low, high, size, generator=g, dtype=..., ...)}. */
    public static Tensor randint(long low, long high, int[] shape, TensorOptions options, Generator g) {
        if (low >= high) {
            throw new IllegalArgumentException("random_ expects 'from' to be less than 'to', but got from=" + low
                    + " >= to=" + high);
        }
        return sampled(shape, options, t -> t.random_(low, high, g));
    }

    /** {@code torch.randperm(n)}: a random permutation of 0..n-1 as int64. */
    public static Tensor randperm(int n) {
        return randperm(n, Generator.defaultGenerator());
    }

    /** {@code torch.randperm(n, generator=g)}. */
    public static Tensor randperm(int n, Generator g) {
        if (n < 0) {
            throw new IllegalArgumentException("Trying to create tensor with negative dimension " + n + ": [" + n + "]");
        }
        return RandomFill.randperm(n, g);
    }

    /** {@code torch.bernoulli(p)}: 0/1 samples with the probabilities in p. */
    public static Tensor bernoulli(Tensor p) {
        return bernoulli(p, Generator.defaultGenerator());
    }

    /** {@code torch.bernoulli(p, generator=g)}. */
    public static Tensor bernoulli(Tensor p, Generator g) {
        return RandomFill.bernoulli(p, g);
    }

    /** {@code torch.normal(mean, std, size)}. */
    public static Tensor normal(double mean, double std, int... shape) {
        return sampled(shape, TensorOptions.defaults(), t -> t.normal_(mean, std, Generator.defaultGenerator()));
    }

    /** {@code torch.multinomial(probs, num_samples, replacement)}. */
    public static Tensor multinomial(Tensor probs, int numSamples, boolean replacement) {
        return multinomial(probs, numSamples, replacement, Generator.defaultGenerator());
    }

    /** {@code torch.multinomial(probs, num_samples, replacement, generator=g)}. */
    public static Tensor multinomial(Tensor probs, int numSamples, boolean replacement, Generator g) {
        return RandomFill.multinomial(probs, numSamples, replacement, g);
    }

    private static Tensor sampled(int[] shape, TensorOptions options, java.util.function.Consumer<Tensor> fill) {
        checkRequiresGrad(options); // before drawing: a refused call leaves the generator as it was
        Tensor t = empty(shape, options.device(Device.CPU).requiresGrad(false));
        fill.accept(t);
        return applyOptions(t, options);
    }

    // ------------------------------------------------------------------ threads

    /** {@code torch.get_num_threads()}: the size of the intra-op pool (all cores by default). */
    public static int getNumThreads() {
        return Parallel.numThreads();
    }

    /** {@code torch.set_num_threads(n)}. */
    public static void setNumThreads(int n) {
        Parallel.setNumThreads(n);
    }

    // ------------------------------------------------------------------ grad mode

    /** {@code torch.no_grad()}: use with try-with-resources. */
    public static GradGuard noGrad() {
        return GradGuard.disable();
    }

    /** {@code torch.enable_grad()}. */
    public static GradGuard enableGrad() {
        return GradGuard.enable();
    }

    /** {@code torch.is_grad_enabled()}. */
    public static boolean isGradEnabled() {
        return GradMode.isEnabled();
    }

    /** {@code torch.set_grad_enabled(mode)}. */
    public static void setGradEnabled(boolean enabled) {
        GradMode.set(enabled);
    }

    // ------------------------------------------------------------------ files

    /**
     * {@code torch.save(stateDict, path)}. A path ending in {@code .safetensors} gets the safetensors format
     * ({@link Safetensors}; every value must then be a tensor); any other path gets PyTorch's own zip format
     * ({@link TorchFiles}), as {@code torch.save} writes it. Python reads both: {@code torch.load(path)} and
     * {@code safetensors.torch.load_file(path)}.
     */
    public static void save(Map<String, ?> stateDict, Path path) throws IOException {
        Path name = path.getFileName();
        if (name != null && name.toString().endsWith(".safetensors")) {
            String key = firstNonTensor(stateDict);
            if (key != null) {
                throw new IllegalArgumentException("safetensors files hold tensors only, but '" + key + "' is "
                        + (stateDict.get(key) == null ? "null" : "a " + stateDict.get(key).getClass().getSimpleName()));
            }
            Safetensors.save(asTensors(stateDict), path);
        } else {
            TorchFiles.save(stateDict, path);
        }
    }

    /**
     * {@code torch.load(path, map_location="cpu")} of a state dict, in either format (recognised from the content,
     * not the name). Nothing in the file is ever run; a corrupt or unsupported file throws a
     * {@link SerializationException} and loads nothing.
     */
    public static Map<String, Object> load(Path path) throws IOException {
        return Safetensors.looksLike(path) ? new LinkedHashMap<>(Safetensors.load(path)) : TorchFiles.load(path);
    }

    /** {@link #load} of a model's state dict, whose values must all be tensors (what {@code load_state_dict} takes). */
    public static Map<String, Tensor> loadTensors(Path path) throws IOException {
        Map<String, Object> stateDict = load(path);
        String key = firstNonTensor(stateDict);
        if (key != null) {
            throw new SerializationException(path + ": '" + key + "' is not a tensor (the file is not a model's state dict)");
        }
        return asTensors(stateDict);
    }

    private static String firstNonTensor(Map<String, ?> stateDict) {
        for (Map.Entry<String, ?> e : stateDict.entrySet()) {
            if (!(e.getValue() instanceof Tensor)) {
                return e.getKey();
            }
        }
        return null;
    }

    private static Map<String, Tensor> asTensors(Map<String, ?> stateDict) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        stateDict.forEach((k, v) -> tensors.put(k, (Tensor) v));
        return tensors;
    }

    // ------------------------------------------------------------------ function forms

    /** {@code torch.add(a, b)}. */
    public static Tensor add(Tensor a, Tensor b) {
        return a.add(b);
    }

    /** {@code torch.sub(a, b)}. */
    public static Tensor sub(Tensor a, Tensor b) {
        return a.sub(b);
    }

    /** {@code torch.mul(a, b)}. */
    public static Tensor mul(Tensor a, Tensor b) {
        return a.mul(b);
    }

    /** {@code torch.div(a, b)}. */
    public static Tensor div(Tensor a, Tensor b) {
        return a.div(b);
    }

    /** {@code torch.pow(a, b)}. */
    public static Tensor pow(Tensor a, Tensor b) {
        return a.pow(b);
    }

    /** {@code torch.pow(a, exponent)}. */
    public static Tensor pow(Tensor a, double exponent) {
        return a.pow(exponent);
    }

    /** {@code torch.maximum(a, b)}. */
    public static Tensor maximum(Tensor a, Tensor b) {
        return a.maximum(b);
    }

    /** {@code torch.minimum(a, b)}. */
    public static Tensor minimum(Tensor a, Tensor b) {
        return a.minimum(b);
    }

    /** {@code torch.neg(x)}. */
    public static Tensor neg(Tensor x) {
        return x.neg();
    }

    /** {@code torch.abs(x)}. */
    public static Tensor abs(Tensor x) {
        return x.abs();
    }

    /** {@code torch.exp(x)}. */
    public static Tensor exp(Tensor x) {
        return x.exp();
    }

    /** {@code torch.log(x)}. */
    public static Tensor log(Tensor x) {
        return x.log();
    }

    /** {@code torch.sqrt(x)}. */
    public static Tensor sqrt(Tensor x) {
        return x.sqrt();
    }

    /** {@code torch.sin(x)}. */
    public static Tensor sin(Tensor x) {
        return x.sin();
    }

    /** {@code torch.cos(x)}. */
    public static Tensor cos(Tensor x) {
        return x.cos();
    }

    /** {@code torch.tanh(x)}. */
    public static Tensor tanh(Tensor x) {
        return x.tanh();
    }

    /** {@code torch.sigmoid(x)}. */
    public static Tensor sigmoid(Tensor x) {
        return x.sigmoid();
    }

    /** {@code torch.relu(x)}. */
    public static Tensor relu(Tensor x) {
        return x.relu();
    }

    /** {@code torch.clamp(x, min, max)}; either bound may be null. */
    public static Tensor clamp(Tensor x, Double min, Double max) {
        return x.clamp(min, max);
    }

    /** {@code torch.where(condition, a, b)}. */
    public static Tensor where(Tensor condition, Tensor a, Tensor b) {
        if (condition.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("where expected condition to be a boolean tensor, but got a tensor with dtype "
                    + condition.dtype().scalarTypeName());
        }
        return Dispatcher.of(condition, a, b).where(condition, a, b);
    }

    /** {@code torch.where(condition, a, scalar)}. */
    public static Tensor where(Tensor condition, Tensor a, double b) {
        return where(condition, a, Tensor.wrappedNumber(b));
    }

    /** {@code torch.where(condition, a, scalar)} for an integer scalar (an integer a keeps its dtype). */
    public static Tensor where(Tensor condition, Tensor a, long b) {
        return where(condition, a, Tensor.wrappedNumber(b));
    }

    /** {@code torch.sum(x)}. */
    public static Tensor sum(Tensor x) {
        return x.sum();
    }

    /** {@code torch.mean(x)}. */
    public static Tensor mean(Tensor x) {
        return x.mean();
    }

    /** {@code torch.softmax(x, dim)}. */
    public static Tensor softmax(Tensor x, int dim) {
        return x.softmax(dim);
    }

    /** {@code torch.log_softmax(x, dim)}. */
    public static Tensor logSoftmax(Tensor x, int dim) {
        return x.logSoftmax(dim);
    }

    /** {@code torch.matmul(a, b)}. */
    public static Tensor matmul(Tensor a, Tensor b) {
        return a.matmul(b);
    }

    /** {@code torch.mm(a, b)}. */
    public static Tensor mm(Tensor a, Tensor b) {
        return a.mm(b);
    }

    /** {@code torch.bmm(a, b)}. */
    public static Tensor bmm(Tensor a, Tensor b) {
        return a.bmm(b);
    }

    /** {@code torch.dot(a, b)}. */
    public static Tensor dot(Tensor a, Tensor b) {
        return a.dot(b);
    }

    /**
     * {@code torch.convolution(input, weight, bias, stride, padding, dilation, transposed, output_padding, groups)}:
     * the op behind conv1d, conv2d and conv_transpose2d, for a batched input (N, C, L) or (N, C, H, W); bias may be
     * null, each per-dim argument holds one value or one per spatial dim (outputPadding counts only when
     * transposed).
     */
    public static Tensor convolution(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding,
            int[] dilation, boolean transposed, int[] outputPadding, int groups) {
        ConvParams p = ConvChecks.check(input, weight, bias, stride, padding, dilation, transposed, outputPadding,
                groups);
        if (p.spatialDims() > 2) {
            throw new UnsupportedOperationException("torch4j implements 1-d and 2-d convolutions only");
        }
        return (bias == null ? Dispatcher.of(input, weight) : Dispatcher.of(input, weight, bias))
                .convolution(input, weight, bias, p);
    }

    /** {@code torch.addmm(input, mat1, mat2)}: {@code input + mat1 · mat2}, input broadcast to the product. */
    public static Tensor addmm(Tensor input, Tensor mat1, Tensor mat2) {
        return input.addmm(mat1, mat2);
    }

    /** {@code torch.addmm(input, mat1, mat2, beta=beta, alpha=alpha)}: {@code beta * input + alpha * (mat1 · mat2)}. */
    public static Tensor addmm(Tensor input, Tensor mat1, Tensor mat2, double beta, double alpha) {
        return input.addmm(mat1, mat2, beta, alpha);
    }

    /** {@code torch.outer(a, b)}. */
    public static Tensor outer(Tensor a, Tensor b) {
        return a.outer(b);
    }

    /** {@code torch.cat(tensors, dim)}. */
    public static Tensor cat(Tensor[] tensors, int dim) {
        if (tensors.length == 0) {
            throw new IllegalArgumentException("torch.cat(): expected a non-empty list of Tensors");
        }
        return Dispatcher.of(tensors).cat(tensors, dim);
    }

    /** {@code torch.cat(tensors)} along dim 0. */
    public static Tensor cat(Tensor... tensors) {
        return cat(tensors, 0);
    }

    /** {@code torch.stack(tensors, dim)}. */
    public static Tensor stack(Tensor[] tensors, int dim) {
        if (tensors.length == 0) {
            throw new IllegalArgumentException("stack expects a non-empty TensorList");
        }
        return Dispatcher.of(tensors).stack(tensors, Shapes.wrapDim(dim, tensors[0].dim() + 1));
    }

    /** {@code torch.stack(tensors)} along dim 0. */
    public static Tensor stack(Tensor... tensors) {
        return stack(tensors, 0);
    }

    /** {@code torch.equal(a, b)}. */
    public static boolean equal(Tensor a, Tensor b) {
        return a.equal(b);
    }

    /** {@code torch.allclose(a, b, rtol, atol)}. */
    public static boolean allclose(Tensor a, Tensor b, double rtol, double atol) {
        return a.allclose(b, rtol, atol);
    }
}
