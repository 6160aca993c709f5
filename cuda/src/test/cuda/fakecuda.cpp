// A CPU stand-in for the CUDA driver (libcuda.so.1) with the calls torch4j makes, for running the CUDA backend
// end to end without a GPU: JCuda's JNI library binds to it when the tests System.load it first (its soname is
// libcuda.so.1). Device memory is host memory, kernels are the CUDA C sources of src/main/cuda run through
// emulate.h, looked up by name in the table below; PTX passed to cuModuleLoadData is ignored. One device, one
// context, everything synchronous. Not a general emulator: only what the backend uses.
#include "emulate.h"
#include "../../main/cuda/common.cuh"

#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <type_traits>
#include <utility>

namespace ew {
#include "../../main/cuda/elementwise.cu"
}
namespace red {
#include "../../main/cuda/reduce.cu"
}
namespace idx {
#include "../../main/cuda/index.cu"
}
namespace mm {
#include "../../main/cuda/gemm.cu"
}

typedef int CUresult;
typedef int CUdevice;
typedef unsigned long long CUdeviceptr;
typedef void* CUcontext;
typedef void* CUmodule;
typedef void* CUstream;

static const CUresult CUDA_SUCCESS = 0;
static const CUresult CUDA_ERROR_INVALID_VALUE = 1;
static const CUresult CUDA_ERROR_OUT_OF_MEMORY = 2;
static const CUresult CUDA_ERROR_INVALID_DEVICE = 101;
static const CUresult CUDA_ERROR_NOT_FOUND = 500;
static const int CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT = 16;

namespace {

// A kernel of the table: its name, whether its blocks synchronise, and a launcher unpacking cuLaunchKernel's
// parameter array into the kernel's arguments.
struct Kernel {
    const char* name;
    void (*launch)(Dim3 grid, Dim3 block, void** params);
};

template <bool Cooperative, typename... A, std::size_t... I>
void call(void (*fn)(A...), Dim3 grid, Dim3 block, void** params, std::index_sequence<I...>) {
    std::tuple<std::remove_cv_t<std::remove_reference_t<A>>...> args{
        *static_cast<std::remove_cv_t<std::remove_reference_t<A>>*>(params[I])...};
    emu::launch(grid, block, [&] { fn(std::get<I>(args)...); }, Cooperative);
}

#define K(NS, NAME, COOPERATIVE)                                                                         \
    Kernel {                                                                                             \
        #NAME, [](Dim3 g, Dim3 b, void** p) {                                                            \
            call<COOPERATIVE>(&NS::NAME, g, b, p, std::make_index_sequence<arity(&NS::NAME)>());         \
        }                                                                                                \
    }

template <typename... A>
constexpr std::size_t arity(void (*)(A...)) {
    return sizeof...(A);
}

const Kernel KERNELS[] = {
    K(ew, binary_f32, false), K(ew, binary_f64, false), K(ew, binary_i64, false),
    K(ew, unary_f32, false), K(ew, unary_f64, false), K(ew, unary_i64, false),
    K(ew, where_f32, false), K(ew, where_f64, false), K(ew, where_i64, false), K(ew, copy_convert, false),
    K(red, reduce_rows_f32, true), K(red, reduce_rows_f64, true), K(red, reduce_rows_i64, true),
    K(red, reduce_cols_f32, false), K(red, reduce_cols_f64, false), K(red, reduce_cols_i64, false),
    K(red, argreduce_rows_f32, true), K(red, argreduce_rows_f64, true), K(red, argreduce_rows_i64, true),
    K(red, argreduce_cols_f32, false), K(red, argreduce_cols_f64, false), K(red, argreduce_cols_i64, false),
    K(red, reduce_combine_rows_f32, true), K(red, reduce_combine_rows_f64, true), K(red, reduce_combine_rows_i64, true),
    K(red, reduce_combine_cols_f32, false), K(red, reduce_combine_cols_f64, false),
    K(red, reduce_combine_cols_i64, false),
    K(red, argreduce_combine_rows_f32, true), K(red, argreduce_combine_rows_f64, true),
    K(red, argreduce_combine_rows_i64, true),
    K(red, argreduce_combine_cols_f32, false), K(red, argreduce_combine_cols_f64, false),
    K(red, argreduce_combine_cols_i64, false),
    K(red, softmax_rows_f32, true), K(red, softmax_rows_f64, true),
    K(red, softmax_cols_f32, false), K(red, softmax_cols_f64, false),
    K(red, cumsum_f32, false), K(red, cumsum_f64, false), K(red, cumsum_i64, false),
    K(idx, take, false), K(idx, scatter, false), K(idx, mask_count, true), K(idx, mask_scan, true),
    K(idx, mask_positions, true), K(idx, mask_move, false),
    K(mm, gemm_f32, true), K(mm, gemm_f64, true), K(mm, gemm_i64, true), K(mm, gemm_i32, true),
};

// Kernels run one at a time, as on one stream (the emulation's shared state is per launch).
std::mutex launches;
int module_token;
int context_token;

}  // namespace

extern "C" {

CUresult cuInit(unsigned) {
    return CUDA_SUCCESS;
}

CUresult cuDeviceGetCount(int* count) {
    *count = 1;
    return CUDA_SUCCESS;
}

CUresult cuDeviceGet(CUdevice* device, int ordinal) {
    if (ordinal != 0) {
        return CUDA_ERROR_INVALID_DEVICE;
    }
    *device = 0;
    return CUDA_SUCCESS;
}

CUresult cuDeviceGetName(char* name, int len, CUdevice) {
    std::strncpy(name, "torch4j CPU emulation", (std::size_t) len);
    return CUDA_SUCCESS;
}

// A small GPU: 4 multiprocessors, so that reductions of moderate size already split over several blocks.
CUresult cuDeviceGetAttribute(int* value, int attribute, CUdevice) {
    if (attribute != CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT) {
        return CUDA_ERROR_INVALID_VALUE;
    }
    *value = 4;
    return CUDA_SUCCESS;
}

CUresult cuDevicePrimaryCtxRetain(CUcontext* context, CUdevice) {
    *context = &context_token;
    return CUDA_SUCCESS;
}

CUresult cuCtxSetCurrent(CUcontext) {
    return CUDA_SUCCESS;
}

CUresult cuCtxSynchronize() {
    return CUDA_SUCCESS;
}

CUresult cuMemAlloc_v2(CUdeviceptr* p, std::size_t bytes) {
    void* m = std::aligned_alloc(256, (bytes + 255) / 256 * 256);
    if (m == nullptr) {
        return CUDA_ERROR_OUT_OF_MEMORY;
    }
    std::memset(m, 0xA5, bytes);  // like device memory, not zeroed: results must not rely on it
    *p = (CUdeviceptr) m;
    return CUDA_SUCCESS;
}

CUresult cuMemFree_v2(CUdeviceptr p) {
    std::free((void*) p);
    return CUDA_SUCCESS;
}

CUresult cuMemcpyHtoD_v2(CUdeviceptr dst, const void* src, std::size_t bytes) {
    std::memcpy((void*) dst, src, bytes);
    return CUDA_SUCCESS;
}

CUresult cuMemcpyDtoH_v2(void* dst, CUdeviceptr src, std::size_t bytes) {
    std::memcpy(dst, (const void*) src, bytes);
    return CUDA_SUCCESS;
}

CUresult cuMemcpyPeer(CUdeviceptr dst, CUcontext, CUdeviceptr src, CUcontext, std::size_t bytes) {
    std::memcpy((void*) dst, (const void*) src, bytes);
    return CUDA_SUCCESS;
}

CUresult cuMemsetD8Async(CUdeviceptr p, unsigned char value, std::size_t n, CUstream) {
    std::memset((void*) p, value, n);
    return CUDA_SUCCESS;
}

CUresult cuModuleLoadData(CUmodule* module, const void*) {
    *module = &module_token;
    return CUDA_SUCCESS;
}

CUresult cuModuleGetFunction(void** function, CUmodule, const char* name) {
    for (const Kernel& k : KERNELS) {
        if (std::strcmp(k.name, name) == 0) {
            *function = (void*) &k;
            return CUDA_SUCCESS;
        }
    }
    return CUDA_ERROR_NOT_FOUND;
}

CUresult cuLaunchKernel(void* function, unsigned gx, unsigned gy, unsigned gz, unsigned bx, unsigned by, unsigned bz,
                        unsigned, CUstream, void** params, void** extra) {
    if (extra != nullptr || bx * by * bz > 1024) {
        return CUDA_ERROR_INVALID_VALUE;
    }
    std::lock_guard<std::mutex> one_stream(launches);
    static_cast<const Kernel*>(function)->launch({gx, gy, gz}, {bx, by, bz}, params);
    return CUDA_SUCCESS;
}

}  // extern "C"
