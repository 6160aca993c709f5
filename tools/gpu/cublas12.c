/* Test-only stand-in for libcublas.so.12 on a CUDA 13 machine: forwards the four cuBLAS entry points torch4j
   calls (through JCublas 12) to libcublas.so.13, whose signatures for them are unchanged. */
#include <dlfcn.h>
#include <stdio.h>
#define NOT_INITIALIZED 1
static void *sym(const char *name) {
    static void *lib;
    if (!lib) lib = dlopen("libcublas.so.13", RTLD_NOW | RTLD_GLOBAL);
    if (!lib) { fprintf(stderr, "cublas12 shim: %s\n", dlerror()); return 0; }
    return dlsym(lib, name);
}
#define FORWARD(name, params, args) \
    int name params { static int (*f) params; if (!f) f = (int (*) params) sym(#name); return f ? f args : NOT_INITIALIZED; }
FORWARD(cublasCreate_v2, (void **h), (h))
FORWARD(cublasDestroy_v2, (void *h), (h))
FORWARD(cublasSgemmStridedBatched, (void *h, int ta, int tb, int m, int n, int k, const float *al, const float *a, int lda,
        long long sa, const float *b, int ldb, long long sb, const float *be, float *c, int ldc, long long sc, int bc),
        (h, ta, tb, m, n, k, al, a, lda, sa, b, ldb, sb, be, c, ldc, sc, bc))
FORWARD(cublasDgemmStridedBatched, (void *h, int ta, int tb, int m, int n, int k, const double *al, const double *a, int lda,
        long long sa, const double *b, int ldb, long long sb, const double *be, double *c, int ldc, long long sc, int bc),
        (h, ta, tb, m, n, k, al, a, lda, sa, b, ldb, sb, be, c, ldc, sc, bc))
