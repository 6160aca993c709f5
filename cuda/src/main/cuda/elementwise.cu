// Elementwise kernels: unary and binary operators with broadcasting and arbitrary strides, where (also used
// for masked_fill), and the converting copy behind copy_, fill_, full, clone, casts, cat and stack. Operand 0
// is the output. Each kernel runs in a compute type (float, double or int64 for every integral and bool
// dtype); operands of other dtypes are converted on load and store, so no input needs a converted copy.
#include "common.cuh"

// The order of org.torch4j.cuda.internal.CudaBinaryOp.
enum BinaryCode {
    B_ADD, B_SUB, B_MUL, B_DIV, B_POW, B_REMAINDER, B_MAXIMUM, B_MINIMUM, B_ATAN2,
    B_EQ, B_NE, B_LT, B_LE, B_GT, B_GE, B_LOGICAL_AND, B_LOGICAL_OR, B_LOGICAL_XOR
};

// The order of org.torch4j.cuda.internal.CudaUnaryOp.
enum UnaryCode {
    U_NEG, U_ABS, U_SIGN, U_RELU, U_FLOOR, U_CEIL, U_ROUND, U_TRUNC, U_EXP, U_LOG, U_LOG2, U_LOG10, U_LOG1P,
    U_EXPM1, U_SQRT, U_RSQRT, U_RECIPROCAL, U_SIN, U_COS, U_TAN, U_ASIN, U_ACOS, U_ATAN, U_SINH, U_COSH, U_TANH,
    U_SIGMOID, U_ERF, U_CLAMP
};

template <typename T>
__device__ __forceinline__ bool is_nan(T x) {
    return x != x;
}

// Python's %: the result takes the sign of the divisor.
template <typename T>
__device__ __forceinline__ T float_remainder(T a, T b) {
    T r = fmod(a, b);
    return r != (T) 0 && ((r < (T) 0) != (b < (T) 0)) ? r + b : r;
}

// ATen's powi: negative exponents give 0 except for bases 1 and -1.
__device__ __forceinline__ long long int_pow(long long base, long long exp) {
    if (exp < 0) {
        if (base == 1) {
            return 1;
        }
        if (base == -1) {
            return (exp & 1) ? -1 : 1;
        }
        return 0;
    }
    long long result = 1;
    while (exp > 0) {
        if (exp & 1) {
            result *= base;
        }
        base *= base;
        exp >>= 1;
    }
    return result;
}

template <typename T>
__device__ __forceinline__ T compare(int op, T a, T b) {
    switch (op) {
        case B_EQ: return a == b;
        case B_NE: return a != b;
        case B_LT: return a < b;
        case B_LE: return a <= b;
        case B_GT: return a > b;
        case B_GE: return a >= b;
        case B_LOGICAL_AND: return a != (T) 0 && b != (T) 0;
        case B_LOGICAL_OR: return a != (T) 0 || b != (T) 0;
        default: return (a != (T) 0) != (b != (T) 0);
    }
}

template <typename T>
__device__ __forceinline__ T binary_float(int op, T a, T b, T alpha) {
    switch (op) {
        case B_ADD: return a + alpha * b;
        case B_SUB: return a - alpha * b;
        case B_MUL: return a * b;
        case B_DIV: return a / b;
        case B_POW: return pow(a, b);
        case B_REMAINDER: return float_remainder(a, b);
        case B_MAXIMUM: return is_nan(a) || is_nan(b) ? a + b : (a > b ? a : b);
        case B_MINIMUM: return is_nan(a) || is_nan(b) ? a + b : (a < b ? a : b);
        case B_ATAN2: return atan2(a, b);
        default: return compare(op, a, b);
    }
}

__device__ __forceinline__ long long binary_int(int op, long long a, long long b, long long alpha) {
    switch (op) {
        case B_ADD: return a + alpha * b;
        case B_SUB: return a - alpha * b;
        case B_MUL: return a * b;
        case B_DIV: return b == 0 ? 0 : a / b;
        case B_POW: return int_pow(a, b);
        case B_REMAINDER: {
            if (b == 0) {
                return 0;
            }
            long long r = a % b;
            return r != 0 && ((r < 0) != (b < 0)) ? r + b : r;
        }
        case B_MAXIMUM: return a > b ? a : b;
        case B_MINIMUM: return a < b ? a : b;
        default: return compare(op, a, b);
    }
}

template <typename T>
__device__ __forceinline__ T binary_apply(int op, T a, T b, double alpha) {
    return binary_float<T>(op, a, b, (T) alpha);
}

template <>
__device__ __forceinline__ long long binary_apply<long long>(int op, long long a, long long b, double alpha) {
    return binary_int(op, a, b, (long long) alpha);
}

template <typename T>
__device__ void binary_body(const Iter& it, int op, double alpha) {
    for (unsigned i = global_thread(); i < (unsigned) it.numel; i += grid_threads()) {
        unsigned off[3];
        offsets<3>(it, i, off);
        T a = load<T>(it.op[1], off[1]);
        T b = load<T>(it.op[2], off[2]);
        store<T>(it.op[0], off[0], binary_apply<T>(op, a, b, alpha));
    }
}

extern "C" __global__ void binary_f32(Iter it, int op, double alpha) { binary_body<float>(it, op, alpha); }
extern "C" __global__ void binary_f64(Iter it, int op, double alpha) { binary_body<double>(it, op, alpha); }
extern "C" __global__ void binary_i64(Iter it, int op, double alpha) { binary_body<long long>(it, op, alpha); }

__device__ __forceinline__ float sigmoid(float x) { return 1.0f / (1.0f + expf(-x)); }
__device__ __forceinline__ double sigmoid(double x) { return 1.0 / (1.0 + exp(-x)); }

template <typename T>
__device__ __forceinline__ T unary_float(int op, T x, T lo, T hi) {
    switch (op) {
        case U_NEG: return -x;
        case U_ABS: return fabs(x);
        case U_SIGN: return is_nan(x) ? (T) 0 : (T) ((x > (T) 0) - (x < (T) 0));
        case U_RELU: return x > (T) 0 || is_nan(x) ? x : (T) 0;
        case U_FLOOR: return floor(x);
        case U_CEIL: return ceil(x);
        case U_ROUND: return rint(x);
        case U_TRUNC: return trunc(x);
        case U_EXP: return exp(x);
        case U_LOG: return log(x);
        case U_LOG2: return log2(x);
        case U_LOG10: return log10(x);
        case U_LOG1P: return log1p(x);
        case U_EXPM1: return expm1(x);
        case U_SQRT: return sqrt(x);
        case U_RSQRT: return (T) 1 / sqrt(x);
        case U_RECIPROCAL: return (T) 1 / x;
        case U_SIN: return sin(x);
        case U_COS: return cos(x);
        case U_TAN: return tan(x);
        case U_ASIN: return asin(x);
        case U_ACOS: return acos(x);
        case U_ATAN: return atan(x);
        case U_SINH: return sinh(x);
        case U_COSH: return cosh(x);
        case U_TANH: return tanh(x);
        case U_SIGMOID: return sigmoid(x);
        case U_ERF: return erf(x);
        default: {
            if (is_nan(x)) {
                return x;
            }
            T r = x < lo ? lo : x;
            return r > hi ? hi : r;
        }
    }
}

__device__ __forceinline__ long long unary_int(int op, long long x, long long lo, long long hi) {
    switch (op) {
        case U_NEG: return -x;
        case U_ABS: return x < 0 ? -x : x;
        case U_SIGN: return (x > 0) - (x < 0);
        case U_RELU: return x > 0 ? x : 0;
        case U_CLAMP: {
            long long r = x < lo ? lo : x;
            return r > hi ? hi : r;
        }
        default: return x;
    }
}

template <typename T>
__device__ __forceinline__ T unary_apply(int op, T x, double lo, double hi, long long, long long) {
    return unary_float<T>(op, x, (T) lo, (T) hi);
}

template <>
__device__ __forceinline__ long long unary_apply<long long>(int op, long long x, double, double, long long lo,
                                                            long long hi) {
    return unary_int(op, x, lo, hi);
}

// Operand 1 is the input; lo/hi (floating) and llo/lhi (integral) are clamp's bounds.
template <typename T>
__device__ void unary_body(const Iter& it, int op, double lo, double hi, long long llo, long long lhi) {
    for (unsigned i = global_thread(); i < (unsigned) it.numel; i += grid_threads()) {
        unsigned off[2];
        offsets<2>(it, i, off);
        store<T>(it.op[0], off[0], unary_apply<T>(op, load<T>(it.op[1], off[1]), lo, hi, llo, lhi));
    }
}

extern "C" __global__ void unary_f32(Iter it, int op, double lo, double hi, long long llo, long long lhi) {
    unary_body<float>(it, op, lo, hi, llo, lhi);
}
extern "C" __global__ void unary_f64(Iter it, int op, double lo, double hi, long long llo, long long lhi) {
    unary_body<double>(it, op, lo, hi, llo, lhi);
}
extern "C" __global__ void unary_i64(Iter it, int op, double lo, double hi, long long llo, long long lhi) {
    unary_body<long long>(it, op, lo, hi, llo, lhi);
}

// out = condition ? a : b; operands: 0 out, 1 condition (any dtype, non-zero is true), 2 a, 3 b.
template <typename T>
__device__ void where_body(const Iter& it) {
    for (unsigned i = global_thread(); i < (unsigned) it.numel; i += grid_threads()) {
        unsigned off[4];
        offsets<4>(it, i, off);
        bool take = load<long long>(it.op[1], off[1]) != 0;
        store<T>(it.op[0], off[0], take ? load<T>(it.op[2], off[2]) : load<T>(it.op[3], off[3]));
    }
}

extern "C" __global__ void where_f32(Iter it) { where_body<float>(it); }
extern "C" __global__ void where_f64(Iter it) { where_body<double>(it); }
extern "C" __global__ void where_i64(Iter it) { where_body<long long>(it); }

// out = in converted to out's dtype; operand 1 may be a scalar (fill).
extern "C" __global__ void copy_convert(Iter it) {
    for (unsigned i = global_thread(); i < (unsigned) it.numel; i += grid_threads()) {
        unsigned off[2];
        offsets<2>(it, i, off);
        convert(it.op[0], off[0], it.op[1], off[1]);
    }
}
