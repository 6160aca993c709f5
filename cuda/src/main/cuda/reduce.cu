// Reduction kernels: sum, mean, prod, amax/amin, norms, var/std and logsumexp over any set of dims
// (reduce_*), max/min with indices and argmax/argmin over one dim or everything (argreduce_*), and
// softmax/log_softmax and cumsum over one dim of a contiguous tensor.
//
// Output elements are walked by an Iter (operand 0 the output, 1 the input element the reduced dims start
// from, 2 the int64 indices of argreduce); the reduced elements by a Dims. Each reduction has two launch
// shapes over one body: *_rows gives every output a block of threads (the reduced elements are spread over
// the block and combined through shared memory), *_cols gives every output one thread (for many outputs,
// reading neighbouring outputs' elements together when the reduced dims are outer ones). With few outputs and
// many elements each (ReducePlan.parts), either shape splits every output's elements into consecutive parts:
// each part is reduced as if it were an output and writes its partial state to a scratch buffer, then
// *_combine_rows/cols merges the states of each output's parts in a fixed order (no atomics: the same bits
// every run) and stores the result.
#include "common.cuh"

// The order of org.torch4j.cuda.internal.CudaReduceKind.
enum ReduceCode {
    R_SUM, R_SUM_ABS, R_SUM_SQ, R_SUM_POW, R_COUNT_NONZERO, R_PROD, R_MAX, R_MIN, R_MAX_ABS, R_MIN_ABS,
    R_MEAN, R_NORM2, R_NORM_P, R_VAR, R_STD, R_LOGSUMEXP
};

#define WARP 32

template <typename T>
__device__ __forceinline__ bool is_nan(T x) {
    return x != x;
}

template <typename T>
__device__ __forceinline__ T max_nan(T a, T b) {
    return is_nan(a) ? a : (is_nan(b) ? b : (a > b ? a : b));
}

template <typename T>
__device__ __forceinline__ T min_nan(T a, T b) {
    return is_nan(a) ? a : (is_nan(b) ? b : (a < b ? a : b));
}

// How partial results of a kind combine: 0 add, 1 multiply, 2 max, 3 min.
__device__ __forceinline__ int fold_of(int kind) {
    switch (kind) {
        case R_PROD: return 1;
        case R_MAX: case R_MAX_ABS: return 2;
        case R_MIN: case R_MIN_ABS: return 3;
        default: return 0;
    }
}

template <typename T>
__device__ __forceinline__ T fold_identity(int fold);

template <>
__device__ __forceinline__ float fold_identity<float>(int fold) {
    return fold == 1 ? 1.0f : fold == 2 ? -INFINITY : fold == 3 ? INFINITY : 0.0f;
}

template <>
__device__ __forceinline__ double fold_identity<double>(int fold) {
    return fold == 1 ? 1.0 : fold == 2 ? -INFINITY : fold == 3 ? INFINITY : 0.0;
}

template <>
__device__ __forceinline__ long long fold_identity<long long>(int fold) {
    return fold == 1 ? 1LL : fold == 2 ? (long long) (-0x7fffffffffffffffLL - 1) : fold == 3 ? 0x7fffffffffffffffLL : 0LL;
}

template <typename T>
__device__ __forceinline__ T fold(int f, T a, T b) {
    switch (f) {
        case 1: return a * b;
        case 2: return max_nan(a, b);
        case 3: return min_nan(a, b);
        default: return a + b;
    }
}

// The value an element contributes to a one-pass kind.
template <typename T>
__device__ __forceinline__ T contribution(int kind, T x, double p) {
    switch (kind) {
        case R_SUM_ABS: case R_MAX_ABS: case R_MIN_ABS: return fabs(x);
        case R_SUM_SQ: case R_NORM2: return x * x;
        case R_SUM_POW: case R_NORM_P: return pow(fabs(x), (T) p);
        case R_COUNT_NONZERO: return x != (T) 0 ? (T) 1 : (T) 0;
        default: return x;
    }
}

template <>
__device__ __forceinline__ long long contribution<long long>(int, long long x, double) {
    return x;
}

// The result of a one-pass kind from the folded value of n elements.
template <typename T>
__device__ __forceinline__ T finish(int kind, T acc, unsigned n, double p) {
    switch (kind) {
        case R_MEAN: return (T) ((double) acc / n);
        case R_NORM2: return sqrt(acc);
        case R_NORM_P: return (T) pow((double) acc, 1.0 / p);
        default: return acc;
    }
}

template <>
__device__ __forceinline__ long long finish<long long>(int, long long acc, unsigned, double) {
    return acc;
}

// Whether T is a floating type (logsumexp and var/std exist only for those).
template <typename T>
struct Floating {
    static const bool value = true;
};

template <>
struct Floating<long long> {
    static const bool value = false;
};

// The type partial states are kept in: double for floating inputs, int64 for integers.
template <typename T>
struct Wide {
    typedef double type;
};

template <>
struct Wide<long long> {
    typedef long long type;
};

template <typename T>
__device__ __forceinline__ T shfl_down(T v, int delta) {
    return __shfl_down_sync(0xffffffffu, v, delta);
}

// All threads of a block working on one output (the rows launch shape: outputs are dealt to blocks).
struct BlockTeam {
    __device__ __forceinline__ unsigned rank() const { return threadIdx.x; }
    __device__ __forceinline__ unsigned size() const { return blockDim.x; }
    __device__ __forceinline__ bool leader() const { return threadIdx.x == 0; }
    __device__ __forceinline__ unsigned first() const { return blockIdx.x; }
    __device__ __forceinline__ unsigned stride() const { return gridDim.x; }

    // Everyone's v combined by f (identity: its neutral value) in a fixed order, a shuffle tree in each warp
    // then one over the warps, returned to every thread.
    template <typename V, typename F>
    __device__ V combine(V v, V identity, F f) const {
        __shared__ __align__(8) unsigned char raw[WARP * sizeof(V)];
        V* partial = (V*) raw;
        for (int delta = WARP / 2; delta > 0; delta /= 2) {
            v = f(v, shfl_down(v, delta));
        }
        unsigned warp = threadIdx.x / WARP;
        unsigned warps = (blockDim.x + WARP - 1) / WARP;
        __syncthreads();
        if (threadIdx.x % WARP == 0) {
            partial[warp] = v;
        }
        __syncthreads();
        if (warp == 0) {
            v = threadIdx.x < warps ? partial[threadIdx.x] : identity;
            for (int delta = WARP / 2; delta > 0; delta /= 2) {
                v = f(v, shfl_down(v, delta));
            }
            if (threadIdx.x == 0) {
                partial[0] = v;
            }
        }
        __syncthreads();
        return partial[0];
    }

    // The fold f of everyone's v.
    template <typename T>
    __device__ T all(int f, T v) const {
        return combine(v, fold_identity<T>(f), [f](T a, T b) { return fold(f, a, b); });
    }
};

// One thread working on one output alone (the cols launch shape: outputs are dealt to threads).
struct SoloTeam {
    __device__ __forceinline__ unsigned rank() const { return 0; }
    __device__ __forceinline__ unsigned size() const { return 1; }
    __device__ __forceinline__ bool leader() const { return true; }
    __device__ __forceinline__ unsigned first() const { return global_thread(); }
    __device__ __forceinline__ unsigned stride() const { return grid_threads(); }

    template <typename V, typename F>
    __device__ __forceinline__ V combine(V v, V, F) const { return v; }

    template <typename T>
    __device__ __forceinline__ T all(int, T v) const { return v; }
};

// The ranks [lo, hi) of the reduced elements that part s of an output reads, of parts of chunk ranks each.
__device__ __forceinline__ void part_range(const Dims& red, unsigned s, unsigned chunk, unsigned* lo, unsigned* hi) {
    unsigned n = (unsigned) red.numel;
    unsigned l = s * chunk;
    *lo = l < n ? l : n;
    *hi = n - *lo > chunk ? *lo + chunk : n;
}

// The team's fold of f over contribution(kind, x) for the elements of ranks [lo, hi) of one output.
template <typename T, typename Team>
__device__ __forceinline__ T fold_elements(const Team& team, const Operand& in, unsigned base, const Dims& red,
                                           unsigned lo, unsigned hi, int kind, int f, double p) {
    T acc = fold_identity<T>(f);
    for (unsigned r = lo + team.rank(); r < hi; r += team.size()) {
        acc = fold(f, acc, contribution<T>(kind, load<T>(in, base + dims_offset(red, r)), p));
    }
    return team.all(f, acc);
}

// A reduction's state over n of an output's elements, in the wide type A: a is the fold of a one-pass kind,
// the max of logsumexp, the mean of var/std; b the sum of exp(x - shift(a)) of logsumexp (shift: a, or 0
// where a is infinite), the sum of squared deviations from the mean of var/std. The parts of a split reduction
// store theirs in a scratch buffer (ReducePlan.STATE_BYTES each).
template <typename A>
struct State {
    A a;
    A b;
    double n;
};

static_assert(sizeof(State<double>) == 24 && sizeof(State<long long>) == 24, "State size must match ReducePlan.java");

template <typename A>
__device__ __forceinline__ State<A> shfl_down(State<A> s, int delta) {
    return {shfl_down(s.a, delta), shfl_down(s.b, delta), shfl_down(s.n, delta)};
}

// The state of no elements.
template <typename A>
__device__ __forceinline__ State<A> empty_state(int kind) {
    return {fold_identity<A>(kind == R_LOGSUMEXP ? 2 : fold_of(kind)), (A) 0, 0.0};
}

template <typename A>
__device__ __forceinline__ A lse_shift(A m) {
    return isinf(m) ? (A) 0 : m;
}

// The logsumexp sum of s taken relative to shift instead of its own (0 stays 0, whatever the scale).
template <typename A>
__device__ __forceinline__ A lse_rescaled(const State<A>& s, A shift) {
    return s.b == (A) 0 ? (A) 0 : s.b * exp(lse_shift(s.a) - shift);
}

// The state of the elements of x and y together: the fold of one-pass kinds; the larger max and both sums
// rescaled to it (logsumexp); Chan et al.'s pairwise update of the mean and the squared deviations (var/std).
template <typename A>
__device__ __forceinline__ State<A> merge(int kind, const State<A>& x, const State<A>& y) {
    if constexpr (Floating<A>::value) {
        if (kind == R_LOGSUMEXP) {
            A m = max_nan(x.a, y.a);
            A shift = lse_shift(m);
            return {m, lse_rescaled(x, shift) + lse_rescaled(y, shift), x.n + y.n};
        }
        if (kind == R_VAR || kind == R_STD) {
            if (x.n == 0 || y.n == 0) {
                return x.n == 0 ? y : x;
            }
            double n = x.n + y.n;
            double delta = y.a - x.a;
            return {x.a + delta * (y.n / n), x.b + y.b + delta * delta * (x.n * (y.n / n)), n};
        }
    }
    return {fold(fold_of(kind), x.a, y.a), (A) 0, x.n + y.n};
}

// The state of the ranks [lo, hi) of one output: one pass, or two for var/std (the mean, then the deviations'
// sum and sum of squares, whose difference cancels the mean's rounding error to first order, as the CPU
// backend computes them) and logsumexp (the max, then the sum of exp(x - shift(max))).
template <typename T, typename Team>
__device__ State<typename Wide<T>::type> reduce_range(const Team& team, const Operand& in, unsigned base,
                                                      const Dims& red, unsigned lo, unsigned hi, int kind, double p) {
    typedef typename Wide<T>::type A;
    unsigned n = hi - lo;
    if constexpr (Floating<T>::value) {
        if (kind == R_LOGSUMEXP) {
            T m = fold_elements<T>(team, in, base, red, lo, hi, R_MAX, 2, 0);
            T shift = lse_shift(m);
            T sum = (T) 0;
            for (unsigned r = lo + team.rank(); r < hi; r += team.size()) {
                sum += exp(load<T>(in, base + dims_offset(red, r)) - shift);
            }
            return {(A) m, (A) team.all(0, sum), (double) n};
        }
        if (kind == R_VAR || kind == R_STD) {
            T mean = (T) ((double) fold_elements<T>(team, in, base, red, lo, hi, R_SUM, 0, 0) / n);
            T lin = (T) 0;
            T sq = (T) 0;
            for (unsigned r = lo + team.rank(); r < hi; r += team.size()) {
                T d = load<T>(in, base + dims_offset(red, r)) - mean;
                lin += d;
                sq += d * d;
            }
            lin = team.all(0, lin);
            sq = team.all(0, sq);
            double m2 = (double) sq - (double) lin * (double) lin / n;
            return {(double) mean + (double) lin / n, m2 < 0 ? 0 : m2, (double) n};
        }
    }
    return {(A) fold_elements<T>(team, in, base, red, lo, hi, kind, fold_of(kind), p), (A) 0, (double) n};
}

// The reduction's result from the state of all of an output's elements.
template <typename T>
__device__ __forceinline__ T result(int kind, const State<typename Wide<T>::type>& s, double p, double correction) {
    if constexpr (Floating<T>::value) {
        if (kind == R_LOGSUMEXP) {
            return log((T) s.b) + lse_shift((T) s.a);
        }
        if (kind == R_VAR || kind == R_STD) {
            double divisor = s.n - correction;
            double v = s.b / (divisor < 0 ? 0 : divisor);
            return (T) (kind == R_STD ? sqrt(v) : v);
        }
    }
    return (T) finish<typename Wide<T>::type>(kind, s.a, (unsigned) s.n, p);
}

// Part s of output o is the virtual output v = s * outputs + o (its ranks: part_range); the team reduces each
// of its virtual outputs and, with one part, stores the result, with several, the state at partials[v].
template <typename T, typename Team>
__device__ void reduce_body(const Team& team, const Iter& out, const Dims& red, unsigned parts, unsigned chunk,
                            unsigned long long partials, int kind, double p, double correction) {
    typedef State<typename Wide<T>::type> S;
    unsigned outputs = (unsigned) out.numel;
    for (unsigned v = team.first(); v < outputs * parts; v += team.stride()) {
        unsigned o = v % outputs;
        unsigned lo, hi;
        part_range(red, v / outputs, chunk, &lo, &hi);
        unsigned off[2];
        offsets<2>(out, o, off);
        S s = reduce_range<T>(team, out.op[1], off[1], red, lo, hi, kind, p);
        if (team.leader()) {
            if (parts == 1) {
                store<T>(out.op[0], off[0], result<T>(kind, s, p, correction));
            } else {
                ((S*) partials)[v] = s;
            }
        }
    }
}

// The result of each output from the states of its parts, merged in a fixed order (thread k of the team takes
// parts k, k + size, ... in turn, then the team's tree), so that every run gives the same bits.
template <typename T, typename Team>
__device__ void reduce_combine_body(const Team& team, const Iter& out, unsigned parts, unsigned long long partials,
                                    int kind, double p, double correction) {
    typedef State<typename Wide<T>::type> S;
    const S* states = (const S*) partials;
    unsigned outputs = (unsigned) out.numel;
    S none = empty_state<typename Wide<T>::type>(kind);
    for (unsigned o = team.first(); o < outputs; o += team.stride()) {
        S s = none;
        for (unsigned k = team.rank(); k < parts; k += team.size()) {
            s = merge(kind, s, states[k * outputs + o]);
        }
        s = team.combine(s, none, [kind](S x, S y) { return merge(kind, x, y); });
        if (team.leader()) {
            unsigned off[1];
            offsets<1>(out, o, off);
            store<T>(out.op[0], off[0], result<T>(kind, s, p, correction));
        }
    }
}

// A reduction and the merge of its parts' states take the same arguments (the merge ignores red and chunk).
#define REDUCE(SUFFIX, T)                                                                                        \
    extern "C" __global__ void reduce_rows_##SUFFIX(Iter out, Dims red, int parts, int chunk,                    \
                                                    unsigned long long partials, int kind, double p,             \
                                                    double correction) {                                         \
        reduce_body<T>(BlockTeam(), out, red, parts, chunk, partials, kind, p, correction);                      \
    }                                                                                                            \
    extern "C" __global__ void reduce_cols_##SUFFIX(Iter out, Dims red, int parts, int chunk,                    \
                                                    unsigned long long partials, int kind, double p,             \
                                                    double correction) {                                         \
        reduce_body<T>(SoloTeam(), out, red, parts, chunk, partials, kind, p, correction);                       \
    }                                                                                                            \
    extern "C" __global__ void reduce_combine_rows_##SUFFIX(Iter out, Dims, int parts, int,                      \
                                                            unsigned long long partials, int kind, double p,     \
                                                            double correction) {                                 \
        reduce_combine_body<T>(BlockTeam(), out, parts, partials, kind, p, correction);                          \
    }                                                                                                            \
    extern "C" __global__ void reduce_combine_cols_##SUFFIX(Iter out, Dims, int parts, int,                      \
                                                            unsigned long long partials, int kind, double p,     \
                                                            double correction) {                                 \
        reduce_combine_body<T>(SoloTeam(), out, parts, partials, kind, p, correction);                           \
    }

REDUCE(f32, float)
REDUCE(f64, double)
REDUCE(i64, long long)

// ---------------------------------------------------------------- max/min with indices

// (value, index) pairs: the larger (max) or smaller value wins, NaN beats every number, ties and NaNs go to
// the smaller index, as PyTorch's max(dim) and argmax.
template <typename T>
__device__ __forceinline__ bool better(bool max, T v, long long i, T w, long long j) {
    bool vn = is_nan(v);
    bool wn = is_nan(w);
    if (vn || wn) {
        return vn && (!wn || i < j);
    }
    if (v == w) {
        return i < j;
    }
    return max ? v > w : v < w;
}

// The best element and its rank (-1: none yet); the parts of a split argreduce store theirs in a scratch
// buffer (ReducePlan.ARG_STATE_BYTES each).
template <typename T>
struct ArgState {
    T v;
    long long i;
};

static_assert(sizeof(ArgState<float>) == 16 && sizeof(ArgState<double>) == 16 && sizeof(ArgState<long long>) == 16,
              "ArgState size must match ReducePlan.java");

template <typename T>
__device__ __forceinline__ ArgState<T> shfl_down(ArgState<T> s, int delta) {
    return {shfl_down(s.v, delta), shfl_down(s.i, delta)};
}

// The better of two pairs (better() orders all pairs, so any merge order gives the same winner).
template <typename T>
__device__ __forceinline__ ArgState<T> arg_merge(bool max, const ArgState<T>& x, const ArgState<T>& y) {
    return y.i >= 0 && (x.i < 0 || better(max, y.v, y.i, x.v, x.i)) ? y : x;
}

// The best of the elements of ranks from, from + step, ... below hi.
template <typename T>
__device__ ArgState<T> arg_range(const Operand& in, unsigned base, const Dims& red, bool max, unsigned from,
                                 unsigned hi, unsigned step) {
    ArgState<T> best = {(T) 0, -1};
    for (unsigned r = from; r < hi; r += step) {
        T x = load<T>(in, base + dims_offset(red, r));
        if (best.i < 0 || better(max, x, (long long) r, best.v, best.i)) {
            best = {x, (long long) r};
        }
    }
    return best;
}

// Stores an output's value (where values are wanted) and index.
template <typename T>
__device__ __forceinline__ void arg_store(const Iter& out, const unsigned* off, const ArgState<T>& best) {
    if (out.op[0].ptr != 0) {
        store<T>(out.op[0], off[0], best.v);
    }
    store<long long>(out.op[2], off[2], best.i);
}

// As reduce_body, with (value, index) pairs.
template <typename T, typename Team>
__device__ void argreduce_body(const Team& team, const Iter& out, const Dims& red, unsigned parts, unsigned chunk,
                               unsigned long long partials, int max) {
    unsigned outputs = (unsigned) out.numel;
    ArgState<T> none = {(T) 0, -1};
    for (unsigned v = team.first(); v < outputs * parts; v += team.stride()) {
        unsigned lo, hi;
        part_range(red, v / outputs, chunk, &lo, &hi);
        unsigned off[3];
        offsets<3>(out, v % outputs, off);
        ArgState<T> best = arg_range<T>(out.op[1], off[1], red, max, lo + team.rank(), hi, team.size());
        best = team.combine(best, none, [max](ArgState<T> x, ArgState<T> y) { return arg_merge<T>(max, x, y); });
        if (team.leader()) {
            if (parts == 1) {
                arg_store(out, off, best);
            } else {
                ((ArgState<T>*) partials)[v] = best;
            }
        }
    }
}

// As reduce_combine_body, with (value, index) pairs.
template <typename T, typename Team>
__device__ void argreduce_combine_body(const Team& team, const Iter& out, unsigned parts, unsigned long long partials,
                                       int max) {
    const ArgState<T>* states = (const ArgState<T>*) partials;
    unsigned outputs = (unsigned) out.numel;
    ArgState<T> none = {(T) 0, -1};
    for (unsigned o = team.first(); o < outputs; o += team.stride()) {
        ArgState<T> best = none;
        for (unsigned k = team.rank(); k < parts; k += team.size()) {
            best = arg_merge<T>(max, best, states[k * outputs + o]);
        }
        best = team.combine(best, none, [max](ArgState<T> x, ArgState<T> y) { return arg_merge<T>(max, x, y); });
        if (team.leader()) {
            unsigned off[3];
            offsets<3>(out, o, off);
            arg_store(out, off, best);
        }
    }
}

#define ARGREDUCE(SUFFIX, T)                                                                                     \
    extern "C" __global__ void argreduce_rows_##SUFFIX(Iter out, Dims red, int parts, int chunk,                 \
                                                       unsigned long long partials, int max) {                   \
        argreduce_body<T>(BlockTeam(), out, red, parts, chunk, partials, max);                                   \
    }                                                                                                            \
    extern "C" __global__ void argreduce_cols_##SUFFIX(Iter out, Dims red, int parts, int chunk,                 \
                                                       unsigned long long partials, int max) {                   \
        argreduce_body<T>(SoloTeam(), out, red, parts, chunk, partials, max);                                    \
    }                                                                                                            \
    extern "C" __global__ void argreduce_combine_rows_##SUFFIX(Iter out, Dims, int parts, int,                   \
                                                               unsigned long long partials, int max) {           \
        argreduce_combine_body<T>(BlockTeam(), out, parts, partials, max);                                       \
    }                                                                                                            \
    extern "C" __global__ void argreduce_combine_cols_##SUFFIX(Iter out, Dims, int parts, int,                   \
                                                               unsigned long long partials, int max) {           \
        argreduce_combine_body<T>(SoloTeam(), out, parts, partials, max);                                        \
    }

ARGREDUCE(f32, float)
ARGREDUCE(f64, double)
ARGREDUCE(i64, long long)

// ---------------------------------------------------------------- softmax

// softmax (or log_softmax) of the n elements at in[base + k * stride]: the max, exp(x - max) and its sum,
// then a scale (softmax) or x - max - log(sum) (log_softmax).
template <typename T, typename Team>
__device__ void softmax_slice(const Team& team, const T* in, T* out, unsigned base, unsigned n, unsigned stride,
                              int log_softmax) {
    T m = fold_identity<T>(2);
    for (unsigned k = team.rank(); k < n; k += team.size()) {
        m = max_nan(m, in[base + k * stride]);
    }
    m = team.all(2, m);
    T sum = (T) 0;
    for (unsigned k = team.rank(); k < n; k += team.size()) {
        T e = exp(in[base + k * stride] - m);
        if (!log_softmax) {
            out[base + k * stride] = e;
        }
        sum += e;
    }
    sum = team.all(0, sum);
    if (log_softmax) {
        T shift = m + log(sum);
        for (unsigned k = team.rank(); k < n; k += team.size()) {
            out[base + k * stride] = in[base + k * stride] - shift;
        }
    } else {
        T scale = (T) 1 / sum;
        for (unsigned k = team.rank(); k < n; k += team.size()) {
            out[base + k * stride] *= scale;
        }
    }
}

// Contiguous in/out seen as (outer, n, inner), softmax over n. rows: a block per slice of the last dim (inner
// == 1); cols: a thread per (outer, inner) slice.
#define SOFTMAX(SUFFIX, T)                                                                                        \
    extern "C" __global__ void softmax_rows_##SUFFIX(const T* in, T* out, int outer, int n, int log_softmax) {    \
        BlockTeam team;                                                                                           \
        for (unsigned o = blockIdx.x; o < (unsigned) outer; o += gridDim.x) {                                     \
            softmax_slice<T>(team, in, out, o * (unsigned) n, (unsigned) n, 1, log_softmax);                      \
        }                                                                                                         \
    }                                                                                                             \
    extern "C" __global__ void softmax_cols_##SUFFIX(const T* in, T* out, int outer, int n, int inner,            \
                                                     int log_softmax) {                                           \
        SoloTeam team;                                                                                            \
        unsigned slices = (unsigned) outer * (unsigned) inner;                                                    \
        for (unsigned s = global_thread(); s < slices; s += grid_threads()) {                                     \
            unsigned o = s / (unsigned) inner;                                                                    \
            unsigned i = s % (unsigned) inner;                                                                    \
            softmax_slice<T>(team, in, out, o * (unsigned) n * (unsigned) inner + i, (unsigned) n,                \
                             (unsigned) inner, log_softmax);                                                      \
        }                                                                                                         \
    }

SOFTMAX(f32, float)
SOFTMAX(f64, double)

// ---------------------------------------------------------------- cumsum

// Running sums along n of contiguous (outer, n, inner) data, a thread per line; float32 accumulates in
// float64 as the CPU backend does.
#define CUMSUM(SUFFIX, T, ACC)                                                                                   \
    extern "C" __global__ void cumsum_##SUFFIX(const T* in, T* out, int outer, int n, int inner) {               \
        unsigned lines = (unsigned) outer * (unsigned) inner;                                                    \
        for (unsigned s = global_thread(); s < lines; s += grid_threads()) {                                     \
            unsigned base = (s / (unsigned) inner) * (unsigned) n * (unsigned) inner + s % (unsigned) inner;     \
            ACC acc = 0;                                                                                         \
            for (unsigned k = 0; k < (unsigned) n; k++) {                                                        \
                acc += in[base + k * (unsigned) inner];                                                          \
                out[base + k * (unsigned) inner] = (T) acc;                                                      \
            }                                                                                                    \
        }                                                                                                        \
    }

CUMSUM(f32, float, double)
CUMSUM(f64, double, double)
CUMSUM(i64, long long, long long)
