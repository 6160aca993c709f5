// Runs the CUDA C kernels of src/main/cuda on the CPU, for tests on machines without a GPU: the threads of a
// block that synchronises are real threads of a pool (so __syncthreads and the warp shuffles meet at barriers),
// blocks run one after another (so __shared__ variables, made static, belong to the running block), and atomics
// are atomic_ref. Only what the kernels use is provided.
#pragma once

#include <atomic>
#include <barrier>
#include <cmath>
#include <cstring>
#include <functional>
#include <memory>
#include <semaphore>
#include <thread>
#include <vector>

using std::acos;
using std::asin;
using std::atan;
using std::atan2;
using std::ceil;
using std::cos;
using std::cosh;
using std::erf;
using std::exp;
using std::expm1;
using std::fabs;
using std::floor;
using std::fmod;
using std::isinf;
using std::log;
using std::log10;
using std::log1p;
using std::log2;
using std::pow;
using std::rint;
using std::sin;
using std::sinh;
using std::sqrt;
using std::tan;
using std::tanh;
using std::trunc;

#define __global__
#define __device__
#define __forceinline__ inline
#define __shared__ static
#define __align__(n) __attribute__((aligned(n)))

struct Dim3 {
    unsigned x = 1, y = 1, z = 1;
};

inline thread_local Dim3 threadIdx;
inline thread_local Dim3 blockIdx;
inline Dim3 blockDim;
inline Dim3 gridDim;

namespace emu {
inline std::unique_ptr<std::barrier<>> block_barrier;
inline std::vector<std::unique_ptr<std::barrier<>>> warp_barriers;
inline unsigned long long exchange[32][32];

inline unsigned thread_rank() {
    return threadIdx.x + blockDim.x * (threadIdx.y + blockDim.y * threadIdx.z);
}

template <typename T>
T shuffle(T v, int from_lane, bool valid) {
    unsigned rank = thread_rank();
    unsigned warp = rank / 32, lane = rank % 32;
    unsigned long long bits = 0;
    std::memcpy(&bits, &v, sizeof(T));
    exchange[warp][lane] = bits;
    warp_barriers[warp]->arrive_and_wait();
    T r = v;
    if (valid) {
        std::memcpy(&r, &exchange[warp][from_lane], sizeof(T));
    }
    warp_barriers[warp]->arrive_and_wait();
    return r;
}

// Worker threads that play a block's threads: worker i runs the job as thread i, then counts itself done.
class Pool {
  public:
    void run(unsigned threads, const std::function<void(unsigned)>& job) {
        while (workers_.size() < threads) {
            unsigned i = (unsigned) workers_.size();
            workers_.push_back(std::make_unique<std::binary_semaphore>(0));
            std::binary_semaphore* start = workers_.back().get();
            std::thread([this, i, start] { work(i, start); }).detach();
        }
        job_ = &job;
        remaining_.store(threads);
        for (unsigned i = 0; i < threads; i++) {
            workers_[i]->release();
        }
        done_.acquire();
    }

  private:
    void work(unsigned i, std::binary_semaphore* start) {
        for (;;) {
            start->acquire();
            (*job_)(i);
            if (remaining_.fetch_sub(1) == 1) {
                done_.release();
            }
        }
    }

    std::vector<std::unique_ptr<std::binary_semaphore>> workers_;
    const std::function<void(unsigned)>* job_ = nullptr;
    std::atomic<unsigned> remaining_{0};
    std::binary_semaphore done_{0};
};

// Never destroyed: its workers wait on it until the process ends.
inline Pool& pool = *new Pool;

// Runs kernel over grid x block. A cooperative kernel (one that calls __syncthreads or shuffles) runs each
// block's threads concurrently; any other runs them one after another on the calling thread.
template <typename F>
void launch(Dim3 grid, Dim3 block, F kernel, bool cooperative = true) {
    gridDim = grid;
    blockDim = block;
    unsigned threads = block.x * block.y * block.z;
    unsigned warps = (threads + 31) / 32;
    for (unsigned z = 0; z < grid.z; z++) {
        for (unsigned y = 0; y < grid.y; y++) {
            for (unsigned x = 0; x < grid.x; x++) {
                std::function<void(unsigned)> job = [&, x, y, z](unsigned t) {
                    blockIdx = {x, y, z};
                    threadIdx = {t % block.x, (t / block.x) % block.y, t / (block.x * block.y)};
                    kernel();
                };
                if (!cooperative) {
                    for (unsigned t = 0; t < threads; t++) {
                        job(t);
                    }
                    continue;
                }
                block_barrier = std::make_unique<std::barrier<>>(threads);
                warp_barriers.clear();
                for (unsigned w = 0; w < warps; w++) {
                    unsigned in_warp = w + 1 < warps || threads % 32 == 0 ? 32 : threads % 32;
                    warp_barriers.push_back(std::make_unique<std::barrier<>>(in_warp));
                }
                pool.run(threads, job);
            }
        }
    }
}
}  // namespace emu

inline void __syncthreads() {
    emu::block_barrier->arrive_and_wait();
}

template <typename T>
T __shfl_down_sync(unsigned, T v, int delta) {
    int lane = (int) (emu::thread_rank() % 32);
    return emu::shuffle(v, lane + delta, lane + delta < 32);
}

template <typename T>
T __shfl_up_sync(unsigned, T v, int delta) {
    int lane = (int) (emu::thread_rank() % 32);
    return emu::shuffle(v, lane - delta, lane >= delta);
}

inline int __popc(unsigned v) {
    return __builtin_popcount(v);
}

template <typename T, typename U>
T atomicAdd(T* p, U v) {
    return std::atomic_ref<T>(*p).fetch_add((T) v);
}

inline float atomicAdd(float* p, float v) {
    std::atomic_ref<float> a(*p);
    float old = a.load();
    while (!a.compare_exchange_weak(old, old + v)) {
    }
    return old;
}

inline double atomicAdd(double* p, double v) {
    std::atomic_ref<double> a(*p);
    double old = a.load();
    while (!a.compare_exchange_weak(old, old + v)) {
    }
    return old;
}

inline unsigned long long atomicCAS(unsigned long long* p, unsigned long long expected, unsigned long long desired) {
    std::atomic_ref<unsigned long long>(*p).compare_exchange_strong(expected, desired);
    return expected;
}
