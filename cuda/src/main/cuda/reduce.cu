// Reduction kernels: sum, mean, prod, amax/amin, norms, var/std and logsumexp over any set of dims
// (reduce_*), max/min with indices and argmax/argmin over one dim or everything (argreduce_*), and
// softmax/log_softmax and cumsum over one dim of a contiguous tensor.
//
// Output elements are walked by an Iter (operand 0 the output, 1 the input element the reduced dims start
// from, 2 the int64 indices of argreduce); the reduced elements by a Dims. Each reduction has two launch
// shapes over one body: *_rows gives every output a block of threads (the reduced elements are spread over
// the block and combined through shared memory), *_cols gives every output one thread (for many outputs,
// reading neighbouring outputs' elements together when the reduced dims are outer ones).
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

// All threads of a block working on one output: the fold of everyone's values, returned to every thread.
struct BlockTeam {
    __device__ __forceinline__ unsigned rank() const { return threadIdx.x; }
    __device__ __forceinline__ unsigned size() const { return blockDim.x; }
    __device__ __forceinline__ bool leader() const { return threadIdx.x == 0; }

    template <typename T>
    __device__ T all(int f, T v) const {
        __shared__ __align__(8) unsigned char raw[WARP * 8];
        T* partial = (T*) raw;
        for (int delta = WARP / 2; delta > 0; delta /= 2) {
            v = fold(f, v, __shfl_down_sync(0xffffffffu, v, delta));
        }
        unsigned warp = threadIdx.x / WARP;
        unsigned warps = (blockDim.x + WARP - 1) / WARP;
        __syncthreads();
        if (threadIdx.x % WARP == 0) {
            partial[warp] = v;
        }
        __syncthreads();
        if (warp == 0) {
            v = threadIdx.x < warps ? partial[threadIdx.x] : fold_identity<T>(f);
            for (int delta = WARP / 2; delta > 0; delta /= 2) {
                v = fold(f, v, __shfl_down_sync(0xffffffffu, v, delta));
            }
            if (threadIdx.x == 0) {
                partial[0] = v;
            }
        }
        __syncthreads();
        return partial[0];
    }
};

// One thread working on one output alone.
struct SoloTeam {
    __device__ __forceinline__ unsigned rank() const { return 0; }
    __device__ __forceinline__ unsigned size() const { return 1; }
    __device__ __forceinline__ bool leader() const { return true; }

    template <typename T>
    __device__ __forceinline__ T all(int, T v) const { return v; }
};

// The team's share of the fold of f over contribution(kind, x) for the elements of one output.
template <typename T, typename Team>
__device__ __forceinline__ T fold_elements(const Team& team, const Operand& in, unsigned base, const Dims& red,
                                           int kind, int f, double p) {
    T acc = fold_identity<T>(f);
    for (unsigned r = team.rank(); r < (unsigned) red.numel; r += team.size()) {
        acc = fold(f, acc, contribution<T>(kind, load<T>(in, base + dims_offset(red, r)), p));
    }
    return team.all(f, acc);
}

// var/std (two passes: the mean, then the deviations' sum and sum of squares, whose difference cancels the
// mean's rounding error to first order, as the CPU backend computes them) and logsumexp (the max, then the
// sum of exp(x - max); an infinite max counts as 0).
template <typename T, typename Team>
__device__ __forceinline__ T two_pass(const Team& team, const Operand& in, unsigned base, const Dims& red, int kind,
                                      double correction) {
    unsigned n = (unsigned) red.numel;
    if (kind == R_LOGSUMEXP) {
        T m = fold_elements<T>(team, in, base, red, R_MAX, 2, 0);
        if (isinf(m)) {
            m = (T) 0;
        }
        T sum = (T) 0;
        for (unsigned r = team.rank(); r < n; r += team.size()) {
            sum += exp(load<T>(in, base + dims_offset(red, r)) - m);
        }
        sum = team.all(0, sum);
        return log(sum) + m;
    }
    T mean = (T) ((double) fold_elements<T>(team, in, base, red, R_SUM, 0, 0) / n);
    T lin = (T) 0;
    T sq = (T) 0;
    for (unsigned r = team.rank(); r < n; r += team.size()) {
        T d = load<T>(in, base + dims_offset(red, r)) - mean;
        lin += d;
        sq += d * d;
    }
    lin = team.all(0, lin);
    sq = team.all(0, sq);
    double v = (double) sq - (double) lin * (double) lin / n;
    v = v < 0 ? 0 : v;
    double divisor = (double) n - correction;
    v /= divisor < 0 ? 0 : divisor;
    return (T) (kind == R_STD ? sqrt(v) : v);
}

template <typename T, typename Team>
__device__ __forceinline__ T reduce_one(const Team& team, const Operand& in, unsigned base, const Dims& red, int kind,
                                        double p, double correction) {
    if (kind == R_VAR || kind == R_STD || kind == R_LOGSUMEXP) {
        return two_pass<T>(team, in, base, red, kind, correction);
    }
    T acc = fold_elements<T>(team, in, base, red, kind, fold_of(kind), p);
    return finish<T>(kind, acc, (unsigned) red.numel, p);
}

template <>
__device__ __forceinline__ long long reduce_one<long long, BlockTeam>(const BlockTeam& team, const Operand& in,
                                                                      unsigned base, const Dims& red, int kind,
                                                                      double, double) {
    return fold_elements<long long>(team, in, base, red, kind, fold_of(kind), 0);
}

template <>
__device__ __forceinline__ long long reduce_one<long long, SoloTeam>(const SoloTeam& team, const Operand& in,
                                                                     unsigned base, const Dims& red, int kind,
                                                                     double, double) {
    return fold_elements<long long>(team, in, base, red, kind, fold_of(kind), 0);
}

template <typename T>
__device__ void reduce_rows_body(const Iter& out, const Dims& red, int kind, double p, double correction) {
    BlockTeam team;
    for (unsigned o = blockIdx.x; o < (unsigned) out.numel; o += gridDim.x) {
        unsigned off[2];
        offsets<2>(out, o, off);
        T v = reduce_one<T>(team, out.op[1], off[1], red, kind, p, correction);
        if (team.leader()) {
            store<T>(out.op[0], off[0], v);
        }
    }
}

template <typename T>
__device__ void reduce_cols_body(const Iter& out, const Dims& red, int kind, double p, double correction) {
    SoloTeam team;
    for (unsigned o = global_thread(); o < (unsigned) out.numel; o += grid_threads()) {
        unsigned off[2];
        offsets<2>(out, o, off);
        store<T>(out.op[0], off[0], reduce_one<T>(team, out.op[1], off[1], red, kind, p, correction));
    }
}

#define REDUCE(SUFFIX, T)                                                                                       \
    extern "C" __global__ void reduce_rows_##SUFFIX(Iter out, Dims red, int kind, double p, double correction) { \
        reduce_rows_body<T>(out, red, kind, p, correction);                                                     \
    }                                                                                                           \
    extern "C" __global__ void reduce_cols_##SUFFIX(Iter out, Dims red, int kind, double p, double correction) { \
        reduce_cols_body<T>(out, red, kind, p, correction);                                                     \
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

template <typename T>
__device__ void arg_pair(const Operand& in, unsigned base, const Dims& red, bool max, unsigned rank, unsigned size,
                         T* value, long long* index) {
    T v = (T) 0;
    long long idx = -1;
    for (unsigned r = rank; r < (unsigned) red.numel; r += size) {
        T x = load<T>(in, base + dims_offset(red, r));
        if (idx < 0 || better(max, x, (long long) r, v, idx)) {
            v = x;
            idx = r;
        }
    }
    *value = v;
    *index = idx;
}

template <typename T>
__device__ __forceinline__ void arg_fold(bool max, T* v, long long* i, T w, long long j) {
    if (j >= 0 && (*i < 0 || better(max, w, j, *v, *i))) {
        *v = w;
        *i = j;
    }
}

template <typename T>
__device__ void argreduce_rows_body(const Iter& out, const Dims& red, int max) {
    __shared__ __align__(8) unsigned char raw_values[WARP * 8];
    __shared__ long long indices[WARP];
    T* values = (T*) raw_values;
    for (unsigned o = blockIdx.x; o < (unsigned) out.numel; o += gridDim.x) {
        unsigned off[3];
        offsets<3>(out, o, off);
        T v;
        long long i;
        arg_pair<T>(out.op[1], off[1], red, max, threadIdx.x, blockDim.x, &v, &i);
        for (int delta = WARP / 2; delta > 0; delta /= 2) {
            T w = __shfl_down_sync(0xffffffffu, v, delta);
            long long j = __shfl_down_sync(0xffffffffu, i, delta);
            arg_fold(max, &v, &i, w, j);
        }
        unsigned warp = threadIdx.x / WARP;
        unsigned warps = (blockDim.x + WARP - 1) / WARP;
        __syncthreads();
        if (threadIdx.x % WARP == 0) {
            values[warp] = v;
            indices[warp] = i;
        }
        __syncthreads();
        if (warp == 0) {
            i = -1;
            if (threadIdx.x < warps) {
                v = values[threadIdx.x];
                i = indices[threadIdx.x];
            }
            for (int delta = WARP / 2; delta > 0; delta /= 2) {
                T w = __shfl_down_sync(0xffffffffu, v, delta);
                long long j = __shfl_down_sync(0xffffffffu, i, delta);
                arg_fold(max, &v, &i, w, j);
            }
            if (threadIdx.x == 0) {
                if (out.op[0].ptr != 0) {
                    store<T>(out.op[0], off[0], v);
                }
                store<long long>(out.op[2], off[2], i);
            }
        }
    }
}

template <typename T>
__device__ void argreduce_cols_body(const Iter& out, const Dims& red, int max) {
    for (unsigned o = global_thread(); o < (unsigned) out.numel; o += grid_threads()) {
        unsigned off[3];
        offsets<3>(out, o, off);
        T v;
        long long i;
        arg_pair<T>(out.op[1], off[1], red, max, 0, 1, &v, &i);
        if (out.op[0].ptr != 0) {
            store<T>(out.op[0], off[0], v);
        }
        store<long long>(out.op[2], off[2], i);
    }
}

#define ARGREDUCE(SUFFIX, T)                                                                   \
    extern "C" __global__ void argreduce_rows_##SUFFIX(Iter out, Dims red, int max) {          \
        argreduce_rows_body<T>(out, red, max);                                                 \
    }                                                                                          \
    extern "C" __global__ void argreduce_cols_##SUFFIX(Iter out, Dims red, int max) {          \
        argreduce_cols_body<T>(out, red, max);                                                 \
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
