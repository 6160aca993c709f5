package org.torch4j.internal.random;

import org.torch4j.DType;
import org.torch4j.Generator;
import org.torch4j.Tensor;
import org.torch4j.TensorOptions;
import org.torch4j.Torch;
import org.torch4j.internal.CppFormat;
import org.torch4j.internal.CpuStorage;
import org.torch4j.internal.TypePromotion;

/**
 * The CPU sampling kernels behind rand, randn, randint, randperm, bernoulli and multinomial, drawing exactly
 * PyTorch's streams: the same draws in the same order (TensorIterator's element order for serial kernels),
 * the same transforms and PyTorch's argument checks and messages. Every kernel holds the generator's lock
 * while it draws.
 */
public final class RandomFill {
    private RandomFill() {
    }

    /** Writes one sample of a serial kernel at a storage offset. */
    @FunctionalInterface
    private interface Sample {
        void write(CpuGenerator g, CpuStorage storage, int offset);
    }

    /** {@code t.uniform_(from, to, generator)}. */
    public static Tensor uniform_(Tensor t, double from, double to, Generator g) {
        checkLeaf(t);
        DType dtype = requireFloating(t, "check_uniform_bounds");
        boolean single = dtype == DType.FLOAT32;
        double max = single ? Float.MAX_VALUE : Double.MAX_VALUE;
        checkInRange(from, "from", max, dtype);
        checkInRange(to, "to", max, dtype);
        if (!(from <= to)) {
            throw new IllegalArgumentException("uniform_ expects to return a [from, to) range, but found from="
                    + CppFormat.number(from) + " > to=" + CppFormat.number(to));
        }
        if (!(to - from <= max)) {
            throw new IllegalArgumentException("uniform_ expects to-from <= std::numeric_limits<"
                    + dtype.scalarTypeName() + ">::max(), but found to=" + CppFormat.number(to) + " and from="
                    + CppFormat.number(from) + " which result in to-from to exceed the limit");
        }
        if (single) {
            float lo = (float) from;
            float hi = (float) to;
            return serial(t, g, (r, s, off) -> s.floats()[off] = Distributions.uniform(r, lo, hi));
        }
        return serial(t, g, (r, s, off) -> s.doubles()[off] = Distributions.uniform(r, from, to));
    }

    /**
     * {@code t.normal_(mean, std, generator)}: the vectorised Box-Muller fill for contiguous tensors of 16 or
     * more elements, {@code normal_distribution<double>} element by element otherwise (as PyTorch).
     */
    public static Tensor normal_(Tensor t, double mean, double std, Generator g) {
        checkLeaf(t);
        if (!(std >= 0.0)) {
            throw new IllegalArgumentException("normal expects std >= 0.0, but found std " + CppFormat.number(std));
        }
        DType dtype = requireFloating(t, "normal_kernel_cpu");
        int n = t.numel();
        if (n < 16 || !t.isContiguous()) {
            return serial(t, g, (r, s, off) -> s.setDouble(off, Distributions.normal(r, mean, std)));
        }
        Tensor target = writable(t);
        CpuStorage storage = (CpuStorage) target.storage();
        synchronized (g) {
            if (dtype == DType.FLOAT32) {
                NormalFill.fill(g.impl(), storage.floats(), target.storageOffset(), n, (float) mean, (float) std);
            } else {
                NormalFill.fill(g.impl(), storage.doubles(), target.storageOffset(), n, mean, std);
            }
        }
        return finish(t, target);
    }

    /** {@code t.random_(from, to, generator)}: integers in [from, to), converted to the tensor's dtype. */
    public static Tensor random_(Tensor t, long from, long to, Generator g) {
        checkLeaf(t);
        if (from >= to) {
            throw new IllegalArgumentException("random_ expects 'from' to be less than 'to', but got from=" + from
                    + " >= to=" + to);
        }
        DType dtype = t.dtype();
        if (dtype.isFloatingPoint()) {
            from = updateFrom(dtype, from);
            to = updateTo(dtype, to);
            if (from >= to) {
                throw new IllegalArgumentException("random_ expects 'from' casted to dtype to be less than 'to' "
                        + "casted to dtype, but got from=" + from + " >= to=" + to);
            }
        }
        checkInRange(from, to - 1, dtype);
        long range = to - from;
        long base = from;
        boolean wide = dtype != DType.INT32 && dtype != DType.BOOL && Long.compareUnsigned(range, 1L << 32) >= 0;
        return serial(t, g, (r, s, off) -> s.setLong(off, Distributions.uniformIntFromTo(r, range, base, wide)));
    }

    /**
     * {@code t.random_(generator)}: integers over the dtype's range, [0, 2^63) for int64, [0, 2^31) for int32,
     * [0, 2^53] and [0, 2^24] for float64 and float32 (their exactly representable integers), 0 or 1 for bool.
     */
    public static Tensor random_(Tensor t, Generator g) {
        checkLeaf(t);
        switch (t.dtype()) {
            case INT64:
                return serial(t, g, (r, s, off) -> s.setLong(off, r.random64() & Long.MAX_VALUE));
            case INT32:
                return serial(t, g, (r, s, off) -> s.setLong(off, r.random() & Integer.MAX_VALUE));
            case FLOAT64:
                return serial(t, g, (r, s, off) -> s.setLong(off, Long.remainderUnsigned(r.random64(), (1L << 53) + 1)));
            case FLOAT32:
                return serial(t, g, (r, s, off) -> s.setLong(off, Integer.toUnsignedLong(r.random()) % ((1 << 24) + 1)));
            default:
                return serial(t, g, (r, s, off) -> s.setLong(off, r.random() & 1));
        }
    }

    /** {@code t.bernoulli_(p, generator)}: 1 with probability p, else 0, for any dtype. */
    public static Tensor bernoulli_(Tensor t, double p, Generator g) {
        checkLeaf(t);
        if (!(0 <= p && p <= 1)) {
            throw new IllegalArgumentException("bernoulli_ expects p to be in [0, 1], but got p=" + CppFormat.number(p));
        }
        return serial(t, g, (r, s, off) -> s.setLong(off, Distributions.bernoulli(r, p) ? 1 : 0));
    }

    /** {@code torch.bernoulli(p, generator)}: a contiguous tensor of p's shape and dtype with 0/1 samples. */
    public static Tensor bernoulli(Tensor p, Generator g) {
        DType dtype = p.dtype();
        if (!dtype.isFloatingPoint()) {
            throw notImplemented("bernoulli_tensor_cpu_p_", dtype);
        }
        Tensor contiguous = p.cpu().contiguous();
        CpuStorage probs = (CpuStorage) contiguous.storage();
        int base = contiguous.storageOffset();
        int n = p.numel();
        CpuStorage out = CpuStorage.allocate(dtype, n);
        synchronized (g) {
            CpuGenerator r = g.impl();
            for (int i = 0; i < n; i++) {
                double pi = probs.getDouble(base + i);
                if (!(pi >= 0 && pi <= 1)) {
                    throw new IllegalArgumentException("Expected p_in >= 0 && p_in <= 1 to be true, but got false.  "
                            + "(Could this error message be improved?  If so, please report an enhancement request "
                            + "to PyTorch.)");
                }
                boolean one = dtype == DType.FLOAT32 ? Distributions.bernoulli(r, (float) pi)
                        : Distributions.bernoulli(r, pi);
                out.setLong(i, one ? 1 : 0);
            }
        }
        return Tensor.of(out, p.shape()).to(p.device());
    }

    /** {@code torch.randperm(n, generator)} as int64: PyTorch's CPU shuffle, one 32-bit draw per position. */
    public static Tensor randperm(int n, Generator g) {
        long[] perm = new long[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        synchronized (g) {
            CpuGenerator r = g.impl();
            for (int i = 0; i < n - 1; i++) {
                int z = (int) (Integer.toUnsignedLong(r.random()) % (n - i));
                long saved = perm[i];
                perm[i] = perm[z + i];
                perm[z + i] = saved;
            }
        }
        return Tensor.of(CpuStorage.wrap(perm), n);
    }

    /** {@code torch.multinomial(probs, numSamples, replacement, generator)}. */
    public static Tensor multinomial(Tensor probs, int numSamples, boolean replacement, Generator g) {
        return Multinomial.sample(probs, numSamples, replacement, g);
    }

    /** Runs a serial kernel: one sample per element, in TensorIterator's order, under the generator's lock. */
    private static Tensor serial(Tensor t, Generator g, Sample sample) {
        Tensor target = writable(t);
        CpuStorage storage = (CpuStorage) target.storage();
        int n = target.numel();
        synchronized (g) {
            CpuGenerator r = g.impl();
            if (target.isContiguous()) {
                int off = target.storageOffset();
                for (int i = 0; i < n; i++) {
                    sample.write(r, storage, off + i);
                }
            } else {
                ElementOrder order = ElementOrder.of(target);
                for (int i = 0; i < n; i++) {
                    sample.write(r, storage, order.next());
                }
            }
        }
        return finish(t, target);
    }

    /** Autograd's in-place check, which PyTorch runs before the kernel's own argument checks. */
    private static void checkLeaf(Tensor t) {
        if (Torch.isGradEnabled() && t.requiresGrad() && t.isLeaf()) {
            throw new IllegalArgumentException(
                    "a leaf Variable that requires grad is being used in an in-place operation.");
        }
    }

    /**
     * Checks that no two elements of t share memory (TensorIterator's overlap check) and returns the CPU tensor
     * to fill: t itself, or a CPU staging tensor for another device.
     */
    private static Tensor writable(Tensor t) {
        int[] shape = t.shape();
        int[] stride = t.stride();
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] > 1 && stride[d] == 0) {
                throw new IllegalArgumentException("unsupported operation: more than one element of the written-to "
                        + "tensor refers to a single memory location. Please clone() the tensor before performing "
                        + "the operation.");
            }
        }
        return t.device().isCpu() ? t : Torch.empty(shape, TensorOptions.ofDType(t.dtype()));
    }

    private static Tensor finish(Tensor t, Tensor target) {
        if (target != t) {
            try (var ignored = Torch.noGrad()) {
                t.copy_(target);
            }
        } else {
            t.storage().bumpVersion();
        }
        return t;
    }

    private static DType requireFloating(Tensor t, String kernel) {
        if (!t.dtype().isFloatingPoint()) {
            throw notImplemented(kernel, t.dtype());
        }
        return t.dtype();
    }

    private static IllegalArgumentException notImplemented(String kernel, DType dtype) {
        return new IllegalArgumentException("\"" + kernel + "\" not implemented for '" + dtype.scalarTypeName() + "'");
    }

    /** {@code uniform_}'s bound check (C++'s {@code CHECK_OUT_OF_BOUNDS}). */
    private static void checkInRange(double value, String name, double max, DType dtype) {
        if (!(value >= -max && value <= max)) {
            throw new IllegalArgumentException(name + " is out of bounds for " + TypePromotion.cppTypeName(dtype));
        }
    }

    /** {@code random_}'s {@code check_from_to_in_range}: only int32 and bool can fail for int64 bounds. */
    private static void checkInRange(long from, long toInclusive, DType dtype) {
        long min = dtype == DType.INT32 ? Integer.MIN_VALUE : dtype == DType.BOOL ? 0 : Long.MIN_VALUE;
        long max = dtype == DType.INT32 ? Integer.MAX_VALUE : dtype == DType.BOOL ? 1 : Long.MAX_VALUE;
        if (from < min || from > max) {
            throw new IllegalArgumentException("from is out of bounds for " + TypePromotion.cppTypeName(dtype));
        }
        if (toInclusive < min || toInclusive > max) {
            throw new IllegalArgumentException("to - 1 is out of bounds for " + TypePromotion.cppTypeName(dtype));
        }
    }

    /** {@code update_from<scalar_t>}: the smallest from whose value survives the cast to the dtype. */
    private static long updateFrom(DType dtype, long from) {
        long fromPlus1 = castThrough(dtype, from + 1);
        if (fromPlus1 < from) {
            from = fromPlus1 + (1L << (log2(Math.abs(from + 1)) - digits(dtype) + 1));
        }
        return from;
    }

    /** {@code update_to<scalar_t>}: the largest to whose value minus one survives the cast to the dtype. */
    private static long updateTo(DType dtype, long to) {
        long toMinus1 = castThrough(dtype, to - 1);
        if (toMinus1 >= to) {
            to = toMinus1 - (1L << (log2(Math.abs(to - 1)) - digits(dtype) + 1));
        }
        return to;
    }

    private static long castThrough(DType dtype, long v) {
        return dtype == DType.FLOAT32 ? (long) (float) v : (long) (double) v;
    }

    private static int digits(DType dtype) {
        return dtype == DType.FLOAT32 ? 24 : 53;
    }

    private static int log2(long v) {
        return 63 - Long.numberOfLeadingZeros(v);
    }
}
