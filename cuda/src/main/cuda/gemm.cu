// Batched matrix product c[z] = a[z] . b[z] over arbitrary strides, in 16x16 shared-memory tiles: the
// integer products (cuBLAS has none) and the floating ones where libcublas cannot be loaded.
#include "common.cuh"

#define TILE 16

template <typename T, typename ACC>
__device__ void gemm_body(int n, int m, int k, int batches,
                          const T* a, int sa0, int sa1, long long sab,
                          const T* b, int sb0, int sb1, long long sbb,
                          T* c, int sc0, int sc1, long long scb) {
    __shared__ __align__(8) unsigned char raw_a[TILE * (TILE + 1) * sizeof(T)];
    __shared__ __align__(8) unsigned char raw_b[TILE * (TILE + 1) * sizeof(T)];
    T (*as)[TILE + 1] = (T (*)[TILE + 1]) raw_a;
    T (*bs)[TILE + 1] = (T (*)[TILE + 1]) raw_b;
    int tx = threadIdx.x;
    int ty = threadIdx.y;
    int col = blockIdx.x * TILE + tx;
    for (int z = blockIdx.z; z < batches; z += gridDim.z) {
        const T* az = a + z * sab;
        const T* bz = b + z * sbb;
        T* cz = c + z * scb;
        for (int row0 = blockIdx.y * TILE; row0 < n; row0 += gridDim.y * TILE) {
            int row = row0 + ty;
            ACC acc = 0;
            for (int t = 0; t < k; t += TILE) {
                as[ty][tx] = row < n && t + tx < k ? az[(long long) row * sa0 + (long long) (t + tx) * sa1] : (T) 0;
                bs[ty][tx] = t + ty < k && col < m ? bz[(long long) (t + ty) * sb0 + (long long) col * sb1] : (T) 0;
                __syncthreads();
#pragma unroll
                for (int p = 0; p < TILE; p++) {
                    acc += (ACC) as[ty][p] * (ACC) bs[p][tx];
                }
                __syncthreads();
            }
            if (row < n && col < m) {
                cz[(long long) row * sc0 + (long long) col * sc1] = (T) acc;
            }
        }
    }
}

#define GEMM(SUFFIX, T, ACC)                                                                                    \
    extern "C" __global__ void gemm_##SUFFIX(int n, int m, int k, int batches,                                  \
                                             const T* a, int sa0, int sa1, long long sab,                       \
                                             const T* b, int sb0, int sb1, long long sbb,                       \
                                             T* c, int sc0, int sc1, long long scb) {                           \
        gemm_body<T, ACC>(n, m, k, batches, a, sa0, sa1, sab, b, sb0, sb1, sbb, c, sc0, sc1, scb);             \
    }

GEMM(f32, float, float)
GEMM(f64, double, double)
GEMM(i64, long long, long long)
GEMM(i32, int, long long)
