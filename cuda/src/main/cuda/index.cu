// Indexing kernels: index_select and gather (take), scatter and scatter_add, and boolean-mask indexing
// (x[mask], x[mask] = values). An index out of range is not an assert: the first one found is recorded in a
// two-word error slot (flag, index) that the host reads back to raise PyTorch's message.
#include "common.cuh"

#define WARP 32

// dst[doff] = src[soff]: a bit copy when the dtypes match, a converting one otherwise (or from a scalar).
__device__ __forceinline__ void move(const Operand& dst, unsigned doff, const Operand& src, unsigned soff) {
    if (src.ptr == 0 || src.dtype != dst.dtype) {
        convert(dst, doff, src, soff);
        return;
    }
    switch (dst.dtype) {
        case DT_BOOL: ((unsigned char*) dst.ptr)[doff] = ((const unsigned char*) src.ptr)[soff]; break;
        case DT_INT32: case DT_FLOAT32: ((unsigned*) dst.ptr)[doff] = ((const unsigned*) src.ptr)[soff]; break;
        default: ((unsigned long long*) dst.ptr)[doff] = ((const unsigned long long*) src.ptr)[soff];
    }
}

// dst[doff] += src[soff] atomically (bool: or).
__device__ __forceinline__ void add_atomic(const Operand& dst, unsigned doff, const Operand& src, unsigned soff) {
    switch (dst.dtype) {
        case DT_FLOAT32: atomicAdd((float*) dst.ptr + doff, load<float>(src, soff)); break;
        case DT_FLOAT64: atomicAdd((double*) dst.ptr + doff, load<double>(src, soff)); break;
        case DT_INT64:
            atomicAdd((unsigned long long*) dst.ptr + doff, (unsigned long long) load<long long>(src, soff));
            break;
        case DT_INT32: atomicAdd((int*) dst.ptr + doff, load<int>(src, soff)); break;
        default:
            if (load<long long>(src, soff) != 0) {
                ((unsigned char*) dst.ptr)[doff] = 1;
            }
    }
}

// Records the first out-of-range index k.
__device__ __forceinline__ void report(unsigned long long* error, long long k) {
    if (atomicCAS(error, 0ULL, 1ULL) == 0ULL) {
        error[1] = (unsigned long long) k;
    }
}

// index_select and gather: out[o] = x[x_base + k * dim_stride] with k = index[...]. Operands: 0 the output,
// 1 x with a zero stride along dim, 2 the index (int32 or int64) with its stride along dim (and, for gather,
// the other dims).
extern "C" __global__ void take(Iter it, int dim_stride, int size, unsigned long long* error) {
    for (unsigned i = global_thread(); i < (unsigned) it.numel; i += grid_threads()) {
        unsigned off[3];
        offsets<3>(it, i, off);
        long long k = load<long long>(it.op[2], off[2]);
        if (k < 0 || k >= size) {
            report(error, k);
            continue;
        }
        move(it.op[0], off[0], it.op[1], off[1] + (unsigned) k * (unsigned) dim_stride);
    }
}

// scatter and scatter_add over the index's shape: self[self_base + k * dim_stride] = (or +=) src[...].
// Operands: 0 self with a zero stride along dim, 1 src (or a scalar), 2 the int64 index.
extern "C" __global__ void scatter(Iter it, int dim_stride, int size, int add, unsigned long long* error) {
    for (unsigned i = global_thread(); i < (unsigned) it.numel; i += grid_threads()) {
        unsigned off[3];
        offsets<3>(it, i, off);
        long long k = load<long long>(it.op[2], off[2]);
        if (k < 0 || k >= size) {
            report(error, k);
            continue;
        }
        unsigned target = off[0] + (unsigned) k * (unsigned) dim_stride;
        if (add) {
            add_atomic(it.op[0], target, it.op[1], off[1]);
        } else {
            move(it.op[0], target, it.op[1], off[1]);
        }
    }
}

// ---------------------------------------------------------------- boolean masks

// Mask elements per block of mask_count and mask_positions: 256 threads of 4 consecutive elements.
#define MASK_THREADS 256
#define MASK_ITEMS 4
#define MASK_CHUNK (MASK_THREADS * MASK_ITEMS)

// The exclusive prefix sum of v over the block (blockDim.x a multiple of 32, at most 1024); *total gets the sum.
__device__ unsigned block_exclusive_scan(unsigned v, unsigned* total) {
    __shared__ unsigned warp_sums[WARP];
    unsigned lane = threadIdx.x % WARP;
    unsigned warp = threadIdx.x / WARP;
    unsigned inclusive = v;
    for (int delta = 1; delta < WARP; delta *= 2) {
        unsigned n = __shfl_up_sync(0xffffffffu, inclusive, delta);
        if (lane >= (unsigned) delta) {
            inclusive += n;
        }
    }
    __syncthreads();
    if (lane == WARP - 1) {
        warp_sums[warp] = inclusive;
    }
    __syncthreads();
    if (warp == 0) {
        unsigned warps = blockDim.x / WARP;
        unsigned s = lane < warps ? warp_sums[lane] : 0;
        for (int delta = 1; delta < WARP; delta *= 2) {
            unsigned n = __shfl_up_sync(0xffffffffu, s, delta);
            if (lane >= (unsigned) delta) {
                s += n;
            }
        }
        warp_sums[lane] = s;
    }
    __syncthreads();
    unsigned before = warp == 0 ? 0 : warp_sums[warp - 1];
    *total = warp_sums[blockDim.x / WARP - 1];
    return before + inclusive - v;
}

// The true elements (operand 0, row-major) among this thread's MASK_ITEMS: a bit per item.
__device__ __forceinline__ unsigned mask_bits(const Iter& it, unsigned first, unsigned* x_offsets) {
    unsigned bits = 0;
    for (unsigned j = 0; j < MASK_ITEMS; j++) {
        unsigned i = first + j;
        if (i < (unsigned) it.numel) {
            unsigned off[2];
            offsets<2>(it, i, off);
            if (load<long long>(it.op[0], off[0]) != 0) {
                bits |= 1u << j;
            }
            x_offsets[j] = off[1];
        }
    }
    return bits;
}

// counts[b] = the number of true elements in chunk b of the mask (operand 0).
extern "C" __global__ void mask_count(Iter it, unsigned* counts) {
    unsigned x_offsets[MASK_ITEMS];
    unsigned bits = mask_bits(it, blockIdx.x * MASK_CHUNK + threadIdx.x * MASK_ITEMS, x_offsets);
    unsigned total;
    block_exclusive_scan(__popc(bits), &total);
    if (threadIdx.x == 0) {
        counts[blockIdx.x] = total;
    }
}

// counts[0..n) becomes its exclusive prefix sum and *total the sum; one block of 1024 threads.
extern "C" __global__ void mask_scan(unsigned* counts, int n, unsigned* total) {
    unsigned carry = 0;
    for (unsigned base = 0; base < (unsigned) n; base += blockDim.x) {
        unsigned i = base + threadIdx.x;
        unsigned v = i < (unsigned) n ? counts[i] : 0;
        unsigned tile;
        unsigned before = block_exclusive_scan(v, &tile);
        if (i < (unsigned) n) {
            counts[i] = carry + before;
        }
        carry += tile;
    }
    if (threadIdx.x == 0) {
        *total = carry;
    }
}

// positions[starts[b] + rank] = the x offset (operand 1, the leading strides of x) of every true element
// of the mask (operand 0), in row-major order.
extern "C" __global__ void mask_positions(Iter it, const unsigned* starts, int* positions) {
    unsigned x_offsets[MASK_ITEMS];
    unsigned bits = mask_bits(it, blockIdx.x * MASK_CHUNK + threadIdx.x * MASK_ITEMS, x_offsets);
    unsigned total;
    unsigned at = starts[blockIdx.x] + block_exclusive_scan(__popc(bits), &total);
    for (unsigned j = 0; j < MASK_ITEMS; j++) {
        if (bits & (1u << j)) {
            positions[at++] = (int) x_offsets[j];
        }
    }
}

// Moves the selected blocks over shape (count, trailing dims): operand 0 the dense side (x[mask]'s result,
// or the values of x[mask] = values broadcast to it), 1 x's trailing dims (stride 0 along the count), 2 the
// int32 positions (stride 1 along the count). put == 0: dense = x[...]; put == 1: x[...] = dense.
extern "C" __global__ void mask_move(Iter it, int put) {
    for (unsigned i = global_thread(); i < (unsigned) it.numel; i += grid_threads()) {
        unsigned off[3];
        offsets<3>(it, i, off);
        unsigned x_off = off[1] + (unsigned) load<long long>(it.op[2], off[2]);
        if (put) {
            move(it.op[1], x_off, it.op[0], off[0]);
        } else {
            move(it.op[0], off[0], it.op[1], x_off);
        }
    }
}
