// Shared declarations of the torch4j CUDA kernels: the dtype codes, the strided-iteration structs passed by
// value to every elementwise, reduction and indexing kernel, and loads/stores that convert between dtypes as a
// C++ static_cast does (the CPU backend's semantics). The Java side (org.torch4j.cuda.internal.Iter) writes
// these structs byte for byte: keep the layout and the static_asserts below in step with it.
#pragma once

#include <cstddef>

#define T4J_MAX_DIMS 8
#define T4J_MAX_OPERANDS 4

// The ordinals of org.torch4j.DType.
enum DTypeCode { DT_BOOL = 0, DT_INT32 = 1, DT_INT64 = 2, DT_FLOAT32 = 3, DT_FLOAT64 = 4 };

// One operand of an iteration: a strided array in device memory, or a scalar (ptr == 0) held by value.
struct Operand {
    unsigned long long ptr;  // address of the element at the iteration's origin (storage offset applied)
    int dtype;
    int pad;
    double dvalue;           // the scalar of a floating dtype (ptr == 0)
    long long lvalue;        // the scalar of an integral or bool dtype (ptr == 0)
    int strides[T4J_MAX_DIMS];
};

// A shape walked in row-major order over up to four operands, each with its own strides (0 broadcasts).
struct Iter {
    int ndim;
    int numel;
    int shape[T4J_MAX_DIMS];
    Operand op[T4J_MAX_OPERANDS];
};

// A second shape with one set of strides: the reduced dims of a reduction.
struct Dims {
    int ndim;
    int numel;
    int shape[T4J_MAX_DIMS];
    int strides[T4J_MAX_DIMS];
};

static_assert(sizeof(Operand) == 64, "Operand layout must match Iter.java");
static_assert(offsetof(Operand, dvalue) == 16, "Operand layout must match Iter.java");
static_assert(offsetof(Operand, strides) == 32, "Operand layout must match Iter.java");
static_assert(offsetof(Iter, shape) == 8, "Iter layout must match Iter.java");
static_assert(offsetof(Iter, op) == 40, "Iter layout must match Iter.java");
static_assert(sizeof(Iter) == 296, "Iter layout must match Iter.java");
static_assert(sizeof(Dims) == 72, "Dims layout must match Iter.java");

// Element offsets of the i-th position (row-major) of it for its first N operands.
template <int N>
__device__ __forceinline__ void offsets(const Iter& it, unsigned i, unsigned* off) {
#pragma unroll
    for (int k = 0; k < N; k++) {
        off[k] = 0;
    }
    if (it.ndim == 1) {
#pragma unroll
        for (int k = 0; k < N; k++) {
            off[k] = i * (unsigned) it.op[k].strides[0];
        }
        return;
    }
#pragma unroll
    for (int d = T4J_MAX_DIMS - 1; d >= 0; d--) {
        if (d < it.ndim) {
            unsigned s = (unsigned) it.shape[d];
            unsigned c = i % s;
            i /= s;
#pragma unroll
            for (int k = 0; k < N; k++) {
                off[k] += c * (unsigned) it.op[k].strides[d];
            }
        }
    }
}

// Element offset of the r-th position (row-major) of dims.
__device__ __forceinline__ unsigned dims_offset(const Dims& dims, unsigned r) {
    if (dims.ndim == 1) {
        return r * (unsigned) dims.strides[0];
    }
    unsigned off = 0;
#pragma unroll
    for (int d = T4J_MAX_DIMS - 1; d >= 0; d--) {
        if (d < dims.ndim) {
            unsigned s = (unsigned) dims.shape[d];
            off += (r % s) * (unsigned) dims.strides[d];
            r /= s;
        }
    }
    return off;
}

__device__ __forceinline__ bool is_floating(int dtype) {
    return dtype >= DT_FLOAT32;
}

// Element off of o converted to T as static_cast<T> does.
template <typename T>
__device__ __forceinline__ T load(const Operand& o, unsigned off) {
    if (o.ptr == 0) {
        return is_floating(o.dtype) ? (T) o.dvalue : (T) o.lvalue;
    }
    switch (o.dtype) {
        case DT_BOOL: return (T) ((const unsigned char*) o.ptr)[off];
        case DT_INT32: return (T) ((const int*) o.ptr)[off];
        case DT_INT64: return (T) ((const long long*) o.ptr)[off];
        case DT_FLOAT32: return (T) ((const float*) o.ptr)[off];
        default: return (T) ((const double*) o.ptr)[off];
    }
}

// Stores v at element off of o in o's dtype (bool: non-zero is true; int32 through int64, as the CPU does).
template <typename T>
__device__ __forceinline__ void store(const Operand& o, unsigned off, T v) {
    switch (o.dtype) {
        case DT_BOOL: ((unsigned char*) o.ptr)[off] = v != (T) 0; break;
        case DT_INT32: ((int*) o.ptr)[off] = (int) (long long) v; break;
        case DT_INT64: ((long long*) o.ptr)[off] = (long long) v; break;
        case DT_FLOAT32: ((float*) o.ptr)[off] = (float) v; break;
        default: ((double*) o.ptr)[off] = (double) v;
    }
}

// dst[doff] = src[soff] converted to dst's dtype: through double from a floating source, through int64 otherwise.
__device__ __forceinline__ void convert(const Operand& dst, unsigned doff, const Operand& src, unsigned soff) {
    if (is_floating(src.dtype)) {
        store<double>(dst, doff, load<double>(src, soff));
    } else {
        store<long long>(dst, doff, load<long long>(src, soff));
    }
}

// The number of a thread in a grid-stride loop and the stride.
__device__ __forceinline__ unsigned global_thread() {
    return blockIdx.x * blockDim.x + threadIdx.x;
}

__device__ __forceinline__ unsigned grid_threads() {
    return blockDim.x * gridDim.x;
}
