// The kernels of src/main/cuda run on the CPU through emulate.h against plain C++ references: elementwise
// ops with broadcasting and conversions, every reduction kind in both launch shapes (whole and split into
// parts), max/argmax, softmax, cumsum, take/scatter with the error slot, the boolean-mask pipeline, and the
// tiled GEMM. Prints one line per check and "N passed, M failed"; exits non-zero on a failure.
#include "emulate.h"
#include "../../main/cuda/common.cuh"

#include <cstdio>
#include <random>
#include <string>

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

static int passed = 0;
static int failed = 0;

static void check(bool ok, const std::string& what) {
    (ok ? passed : failed)++;
    std::printf("%s %s\n", ok ? "ok  " : "FAIL", what.c_str());
}

static bool close(double a, double b, double tol = 1e-5) {
    if (std::isnan(a) || std::isnan(b)) {
        return std::isnan(a) && std::isnan(b);
    }
    return std::fabs(a - b) <= tol * (1 + std::fabs(b));
}

static Operand array(const void* p, int dtype, std::vector<int> strides) {
    Operand o{};
    o.ptr = (unsigned long long) p;
    o.dtype = dtype;
    for (size_t i = 0; i < strides.size(); i++) {
        o.strides[i] = strides[i];
    }
    return o;
}

static Operand scalar(double v, int dtype) {
    Operand o{};
    o.dtype = dtype;
    o.dvalue = v;
    o.lvalue = (long long) v;
    return o;
}

static Iter iter(std::vector<int> shape, std::vector<Operand> ops) {
    Iter it{};
    it.ndim = (int) shape.size();
    it.numel = 1;
    for (size_t d = 0; d < shape.size(); d++) {
        it.shape[d] = shape[d];
        it.numel *= shape[d];
    }
    for (size_t k = 0; k < ops.size(); k++) {
        it.op[k] = ops[k];
    }
    return it;
}

static Dims dims(std::vector<int> shape, std::vector<int> strides) {
    Dims d{};
    d.ndim = (int) shape.size();
    d.numel = 1;
    for (size_t i = 0; i < shape.size(); i++) {
        d.shape[i] = shape[i];
        d.strides[i] = strides[i];
        d.numel *= shape[i];
    }
    return d;
}

static std::vector<float> randoms(int n, unsigned seed) {
    std::mt19937 g(seed);
    std::normal_distribution<float> nd;
    std::vector<float> v(n);
    for (auto& x : v) {
        x = nd(g);
    }
    return v;
}

static void elementwise() {
    // out[i][j] = a[j][i] (transposed) - 2.5 * b[j] (broadcast row), 3x5
    auto a = randoms(15, 1);
    auto b = randoms(5, 2);
    std::vector<float> out(15);
    Iter it = iter({3, 5}, {array(out.data(), DT_FLOAT32, {5, 1}), array(a.data(), DT_FLOAT32, {1, 3}),
                            array(b.data(), DT_FLOAT32, {0, 1})});
    emu::launch({2}, {64}, [&] { ew::binary_f32(it, ew::B_SUB, 2.5); });
    bool ok = true;
    for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 5; j++) {
            ok &= close(out[i * 5 + j], a[j * 3 + i] - 2.5f * b[j]);
        }
    }
    check(ok, "binary_f32 sub with alpha, transposed and broadcast operands");

    std::vector<long long> x = {7, -7, 7, -7, 5};
    std::vector<int> y = {3, 3, -3, -3, 0};
    std::vector<long long> r(5);
    Iter rem = iter({5}, {array(r.data(), DT_INT64, {1}), array(x.data(), DT_INT64, {1}), array(y.data(), DT_INT32, {1})});
    emu::launch({1}, {32}, [&] { ew::binary_i64(rem, ew::B_REMAINDER, 1); });
    check(r[0] == 1 && r[1] == 2 && r[2] == -2 && r[3] == -1 && r[4] == 0, "binary_i64 remainder takes the divisor's sign");

    std::vector<unsigned char> lt(5);
    Iter cmp = iter({5}, {array(lt.data(), DT_BOOL, {1}), array(x.data(), DT_INT64, {1}), scalar(0, DT_FLOAT64)});
    emu::launch({1}, {32}, [&] { ew::binary_f64(cmp, ew::B_LT, 1); });
    check(lt[0] == 0 && lt[1] == 1 && lt[4] == 0, "binary_f64 lt of int64 and a float scalar into bool");

    std::vector<long long> p(4);
    std::vector<long long> base = {2, -1, 3, 1};
    std::vector<long long> ex = {10, -3, -1, -5};
    Iter pw = iter({4}, {array(p.data(), DT_INT64, {1}), array(base.data(), DT_INT64, {1}), array(ex.data(), DT_INT64, {1})});
    emu::launch({1}, {32}, [&] { ew::binary_i64(pw, ew::B_POW, 1); });
    check(p[0] == 1024 && p[1] == -1 && p[2] == 0 && p[3] == 1, "binary_i64 pow with ATen's negative exponents");

    std::vector<float> v = {-2, 0.5f, NAN, 3};
    std::vector<float> c(4);
    Iter cl = iter({4}, {array(c.data(), DT_FLOAT32, {1}), array(v.data(), DT_FLOAT32, {1})});
    emu::launch({1}, {32}, [&] { ew::unary_f32(cl, ew::U_CLAMP, -1, 1, 0, 0); });
    check(c[0] == -1 && c[1] == 0.5f && std::isnan(c[2]) && c[3] == 1, "unary_f32 clamp keeps NaN");
    emu::launch({1}, {32}, [&] { ew::unary_f32(cl, ew::U_CLAMP, 2, 1, 0, 0); });
    check(c[0] == 1 && c[3] == 1, "unary_f32 clamp with min > max gives max");
    emu::launch({1}, {32}, [&] { ew::unary_f32(cl, ew::U_SIGN, 0, 0, 0, 0); });
    check(c[0] == -1 && c[1] == 1 && c[2] == 0 && c[3] == 1, "unary_f32 sign (NaN gives 0)");

    std::vector<float> src = {1.9f, -1.9f, NAN, 3e10f};
    std::vector<int> dst(4);
    std::vector<unsigned char> flags(4);
    Iter cv = iter({4}, {array(dst.data(), DT_INT32, {1}), array(src.data(), DT_FLOAT32, {1})});
    emu::launch({1}, {32}, [&] { ew::copy_convert(cv); });
    check(dst[0] == 1 && dst[1] == -1, "copy_convert float32 to int32 truncates");
    Iter cb = iter({4}, {array(flags.data(), DT_BOOL, {1}), array(src.data(), DT_FLOAT32, {1})});
    emu::launch({1}, {32}, [&] { ew::copy_convert(cb); });
    check(flags[0] == 1 && flags[2] == 1, "copy_convert to bool: non-zero (and NaN) is true");

    std::vector<unsigned char> cond = {1, 0};
    std::vector<double> w(6);
    std::vector<double> yes = {1, 2, 3};
    Iter wh = iter({2, 3}, {array(w.data(), DT_FLOAT64, {3, 1}), array(cond.data(), DT_BOOL, {1, 0}),
                            array(yes.data(), DT_FLOAT64, {0, 1}), scalar(-1, DT_INT64)});
    emu::launch({1}, {64}, [&] { ew::where_f64(wh); });
    check(w[0] == 1 && w[2] == 3 && w[3] == -1 && w[5] == -1, "where_f64 broadcasting a condition column and an int scalar");
}

static double reference(int kind, const std::vector<float>& v, double p, double correction) {
    double n = v.size();
    double s = 0, m = -INFINITY;
    for (float x : v) {
        s += x;
        m = std::max(m, (double) x);
    }
    switch (kind) {
        case red::R_SUM: return s;
        case red::R_MEAN: return s / n;
        case red::R_MAX: return m;
        case red::R_NORM_P: {
            double t = 0;
            for (float x : v) t += std::pow(std::fabs(x), p);
            return std::pow(t, 1 / p);
        }
        case red::R_VAR: {
            double q = 0;
            for (float x : v) q += (x - s / n) * (x - s / n);
            return q / (n - correction);
        }
        default: {
            double t = 0;
            for (float x : v) t += std::exp(x - m);
            return std::log(t) + m;
        }
    }
}

// Each output's elements split into parts (partial states, then the merge launch) against one part per output,
// for every kind, in both launch shapes: 3 outputs of 5000 elements, as rows (3 x 5000) and as columns (5000 x 3).
static void split_reductions() {
    const int R = 3, C = 5000, PARTS = 7, CHUNK = (C + PARTS - 1) / PARTS;
    auto x = randoms(R * C, 8);
    std::vector<float> near1(R * C);
    for (int i = 0; i < R * C; i++) {
        near1[i] = 1 + x[i] / 1000;
    }
    std::vector<red::State<double>> states(R * PARTS);
    auto ptr = (unsigned long long) states.data();
    const char* names[] = {"sum", "sum_abs", "sum_sq", "sum_pow", "count_nonzero", "prod", "max", "min", "max_abs",
                           "min_abs", "mean", "norm2", "norm_p", "var", "std", "logsumexp"};
    for (int kind = red::R_SUM; kind <= red::R_LOGSUMEXP; kind++) {
        const float* in = kind == red::R_PROD ? near1.data() : x.data();
        std::vector<float> one(R), split(R), one_c(R), split_c(R);
        Dims rd = dims({C}, {1});
        Iter o1 = iter({R}, {array(one.data(), DT_FLOAT32, {1}), array(in, DT_FLOAT32, {C})});
        Iter os = iter({R}, {array(split.data(), DT_FLOAT32, {1}), array(in, DT_FLOAT32, {C})});
        emu::launch({R}, {256}, [&] { red::reduce_rows_f32(o1, rd, 1, C, 0, kind, 3, 1); });
        emu::launch({R * PARTS}, {256}, [&] { red::reduce_rows_f32(os, rd, PARTS, CHUNK, ptr, kind, 3, 1); });
        emu::launch({R}, {32}, [&] { red::reduce_combine_rows_f32(os, rd, PARTS, CHUNK, ptr, kind, 3, 1); });
        Dims cd = dims({C}, {R});
        Iter c1 = iter({R}, {array(one_c.data(), DT_FLOAT32, {1}), array(in, DT_FLOAT32, {1})});
        Iter cs = iter({R}, {array(split_c.data(), DT_FLOAT32, {1}), array(in, DT_FLOAT32, {1})});
        emu::launch({1}, {32}, [&] { red::reduce_cols_f32(c1, cd, 1, C, 0, kind, 3, 1); }, false);
        emu::launch({1}, {32}, [&] { red::reduce_cols_f32(cs, cd, PARTS, CHUNK, ptr, kind, 3, 1); }, false);
        emu::launch({1}, {32}, [&] { red::reduce_combine_cols_f32(cs, cd, PARTS, CHUNK, ptr, kind, 3, 1); }, false);
        bool ok = true;
        for (int i = 0; i < R; i++) {
            ok &= close(split[i], one[i], 1e-4) && close(split_c[i], one_c[i], 1e-4);
        }
        check(ok, std::string("reduce_*_f32 ") + names[kind] + " split into 7 parts as in one");
    }

    Dims all_c = dims({C}, {1});

    // logsumexp with -inf in a whole part (its sum 0 must not meet exp(+big)) and a large negative max elsewhere
    std::vector<float> lse(C, -INFINITY);
    lse[C - 1] = -1000;
    float lse_out = 0;
    Iter lo = iter({}, {array(&lse_out, DT_FLOAT32, {}), array(lse.data(), DT_FLOAT32, {})});
    emu::launch({PARTS}, {256}, [&] { red::reduce_rows_f32(lo, all_c, PARTS, CHUNK, ptr, red::R_LOGSUMEXP, 0, 0); });
    emu::launch({1}, {32}, [&] { red::reduce_combine_rows_f32(lo, all_c, PARTS, CHUNK, ptr, red::R_LOGSUMEXP, 0, 0); });
    check(lse_out == -1000, "reduce split logsumexp with parts of -inf only");

    // argmax/argmin over 5000 elements in 7 parts: ties to the first index across parts, the first NaN wins
    std::vector<double> t(C);
    for (int i = 0; i < C; i++) {
        t[i] = (i * 37) % 100;
    }
    std::vector<red::ArgState<double>> pairs(PARTS);
    auto pp = (unsigned long long) pairs.data();
    long long at_max = -1, at_min = -1, at_nan = -1;
    Iter am = iter({}, {Operand{}, array(t.data(), DT_FLOAT64, {}), array(&at_max, DT_INT64, {})});
    Iter an = iter({}, {Operand{}, array(t.data(), DT_FLOAT64, {}), array(&at_min, DT_INT64, {})});
    emu::launch({PARTS}, {256}, [&] { red::argreduce_rows_f64(am, all_c, PARTS, CHUNK, pp, 1); });
    emu::launch({1}, {32}, [&] { red::argreduce_combine_rows_f64(am, all_c, PARTS, CHUNK, pp, 1); });
    emu::launch({1}, {32}, [&] { red::argreduce_cols_f64(an, all_c, PARTS, CHUNK, pp, 0); }, false);
    emu::launch({1}, {32}, [&] { red::argreduce_combine_cols_f64(an, all_c, PARTS, CHUNK, pp, 0); }, false);
    t[4000] = NAN;
    t[3000] = NAN;
    Iter ann = iter({}, {Operand{}, array(t.data(), DT_FLOAT64, {}), array(&at_nan, DT_INT64, {})});
    emu::launch({PARTS}, {256}, [&] { red::argreduce_rows_f64(ann, all_c, PARTS, CHUNK, pp, 0); });
    emu::launch({1}, {32}, [&] { red::argreduce_combine_rows_f64(ann, all_c, PARTS, CHUNK, pp, 0); });
    check(at_max == 27 && at_min == 0 && at_nan == 3000, "argreduce split into 7 parts: first max, first min, first NaN");
}

static void reductions() {
    // x is 7 x 300 (row-major); reduce over dim 1 (contiguous rows: rows kernel) and over dim 0 (cols kernel)
    const int R = 7, C = 300;
    auto x = randoms(R * C, 3);
    int kinds[] = {red::R_SUM, red::R_MEAN, red::R_MAX, red::R_NORM_P, red::R_VAR, red::R_LOGSUMEXP};
    const char* names[] = {"sum", "mean", "amax", "norm p=3", "var", "logsumexp"};
    for (int k = 0; k < 6; k++) {
        std::vector<float> rows(R);
        Iter out = iter({R}, {array(rows.data(), DT_FLOAT32, {1}), array(x.data(), DT_FLOAT32, {C})});
        Dims rd = dims({C}, {1});
        emu::launch({R}, {256}, [&] { red::reduce_rows_f32(out, rd, 1, C, 0, kinds[k], 3, 1); });
        bool ok = true;
        for (int i = 0; i < R; i++) {
            std::vector<float> v(x.begin() + i * C, x.begin() + (i + 1) * C);
            ok &= close(rows[i], reference(kinds[k], v, 3, 1), 1e-4);
        }
        check(ok, std::string("reduce_rows_f32 ") + names[k] + " over rows");
        std::vector<float> cols(C);
        Iter outc = iter({C}, {array(cols.data(), DT_FLOAT32, {1}), array(x.data(), DT_FLOAT32, {1})});
        Dims cd = dims({R}, {C});
        emu::launch({2}, {256}, [&] { red::reduce_cols_f32(outc, cd, 1, R, 0, kinds[k], 3, 1); });
        ok = true;
        for (int j = 0; j < C; j++) {
            std::vector<float> v;
            for (int i = 0; i < R; i++) v.push_back(x[i * C + j]);
            ok &= close(cols[j], reference(kinds[k], v, 3, 1), 1e-4);
        }
        check(ok, std::string("reduce_cols_f32 ") + names[k] + " over columns");
    }
    std::vector<float> nan = x;
    nan[5] = NAN;
    float m = 0;
    Iter one = iter({}, {array(&m, DT_FLOAT32, {}), array(nan.data(), DT_FLOAT32, {})});
    Dims all = dims({R, C}, {C, 1});
    emu::launch({1}, {256}, [&] { red::reduce_rows_f32(one, all, 1, R * C, 0, red::R_MAX, 0, 0); });
    check(std::isnan(m), "reduce_rows_f32 max propagates NaN");

    std::vector<int> ints = {3, -4, 5, 100, 0};
    long long total = 0;
    long long product = 0;
    Iter is = iter({}, {array(&total, DT_INT64, {}), array(ints.data(), DT_INT32, {})});
    Iter ip = iter({}, {array(&product, DT_INT64, {}), array(ints.data(), DT_INT32, {})});
    Dims id = dims({4}, {1});
    emu::launch({1}, {32}, [&] { red::reduce_rows_i64(is, id, 1, 4, 0, red::R_SUM, 0, 0); });
    emu::launch({1}, {32}, [&] { red::reduce_cols_i64(ip, id, 1, 4, 0, red::R_PROD, 0, 0); });
    check(total == 104 && product == -6000, "reduce_*_i64 sum and prod of int32 in int64");

    // argmax with ties (first index wins) and NaN (first NaN wins), both launch shapes
    std::vector<float> t = {1, 3, 3, 2, /**/ 5, NAN, 1, NAN, /**/ -1, -1, -1, -1};
    std::vector<float> vals(3);
    std::vector<long long> at(3), atc(3);
    Iter ar = iter({3}, {array(vals.data(), DT_FLOAT32, {1}), array(t.data(), DT_FLOAT32, {4}), array(at.data(), DT_INT64, {1})});
    Dims a4 = dims({4}, {1});
    emu::launch({3}, {64}, [&] { red::argreduce_rows_f32(ar, a4, 1, 4, 0, 1); });
    Iter ac = iter({3}, {Operand{}, array(t.data(), DT_FLOAT32, {4}), array(atc.data(), DT_INT64, {1})});
    emu::launch({1}, {32}, [&] { red::argreduce_cols_f32(ac, a4, 1, 4, 0, 1); });
    check(at[0] == 1 && at[1] == 1 && at[2] == 0 && vals[0] == 3 && std::isnan(vals[1]) && atc == at,
          "argreduce max: ties to the first index, NaN first");
    std::vector<long long> big(1000);
    for (int i = 0; i < 1000; i++) big[i] = (i * 37) % 1000;
    long long where = -1;
    Iter ai = iter({}, {Operand{}, array(big.data(), DT_INT64, {}), array(&where, DT_INT64, {})});
    Dims d1000 = dims({1000}, {1});
    emu::launch({1}, {256}, [&] { red::argreduce_rows_i64(ai, d1000, 1, 1000, 0, 0); });
    check(where == 0, "argreduce_rows_i64 argmin over 1000 elements");

    // softmax over the rows (last dim) and over dim 0 of a 7 x 300 block
    std::vector<float> sm(R * C), smc(R * C);
    emu::launch({R}, {256}, [&] { red::softmax_rows_f32(x.data(), sm.data(), R, C, 0); });
    emu::launch({2}, {256}, [&] { red::softmax_cols_f32(x.data(), smc.data(), 1, R, C, 1); });
    bool ok = true;
    for (int i = 0; i < R; i++) {
        double mx = -INFINITY, s = 0;
        for (int j = 0; j < C; j++) mx = std::max(mx, (double) x[i * C + j]);
        for (int j = 0; j < C; j++) s += std::exp(x[i * C + j] - mx);
        for (int j = 0; j < C; j++) ok &= close(sm[i * C + j], std::exp(x[i * C + j] - mx) / s, 1e-4);
    }
    for (int j = 0; j < C; j++) {
        double mx = -INFINITY, s = 0;
        for (int i = 0; i < R; i++) mx = std::max(mx, (double) x[i * C + j]);
        for (int i = 0; i < R; i++) s += std::exp(x[i * C + j] - mx);
        for (int i = 0; i < R; i++) ok &= close(smc[i * C + j], x[i * C + j] - mx - std::log(s), 1e-4);
    }
    check(ok, "softmax_rows_f32 and log softmax_cols_f32");

    std::vector<float> cs(R * C);
    emu::launch({1}, {256}, [&] { red::cumsum_f32(x.data(), cs.data(), R, C, 1); });
    double acc = 0;
    for (int j = 0; j < C; j++) acc += x[2 * C + j];
    check(close(cs[2 * C + C - 1], acc, 1e-5), "cumsum_f32 along rows");
}

static void indexing() {
    // index_select of rows {2, 0, 2} from a 3 x 4 matrix
    std::vector<double> x = {0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23};
    std::vector<long long> index = {2, 0, 2};
    std::vector<double> out(12);
    unsigned long long error[2] = {0, 0};
    Iter take = iter({3, 4}, {array(out.data(), DT_FLOAT64, {4, 1}), array(x.data(), DT_FLOAT64, {0, 1}),
                              array(index.data(), DT_INT64, {1, 0})});
    emu::launch({1}, {64}, [&] { idx::take(take, 4, 3, error); });
    check(error[0] == 0 && out[0] == 20 && out[4] == 0 && out[11] == 23, "take: index_select along dim 0");
    index[1] = 5;
    emu::launch({1}, {64}, [&] { idx::take(take, 4, 3, error); });
    check(error[0] == 1 && error[1] == 5, "take records an index out of range");

    // scatter_add of ones at columns {0, 0, 3} of each row, and scatter of a value
    std::vector<float> self(8, 0);
    std::vector<long long> cols = {0, 0, 3, 1, 1, 1};
    unsigned long long err[2] = {0, 0};
    Iter sc = iter({2, 3}, {array(self.data(), DT_FLOAT32, {4, 0}), scalar(1, DT_FLOAT32),
                            array(cols.data(), DT_INT64, {3, 1})});
    emu::launch({1}, {64}, [&] { idx::scatter(sc, 1, 4, 1, err); });
    check(err[0] == 0 && self[0] == 2 && self[3] == 1 && self[5] == 3, "scatter add with duplicate targets");
    emu::launch({1}, {64}, [&] { idx::scatter(sc, 1, 4, 0, err); });
    check(self[0] == 1 && self[5] == 1, "scatter of a value");

    // x[mask] over 3000 elements (3 chunks), then x[mask] = -x[mask]
    const int N = 3000;
    auto v = randoms(N, 4);
    std::vector<unsigned char> mask(N);
    std::vector<float> expect;
    for (int i = 0; i < N; i++) {
        mask[i] = v[i] > 0.3f;
        if (mask[i]) expect.push_back(v[i]);
    }
    int chunks = (N + 1023) / 1024;
    std::vector<unsigned> counts(chunks);
    unsigned total = 0;
    Iter m = iter({N}, {array(mask.data(), DT_BOOL, {1}), array(v.data(), DT_FLOAT32, {1})});
    emu::launch({(unsigned) chunks}, {256}, [&] { idx::mask_count(m, counts.data()); });
    emu::launch({1}, {1024}, [&] { idx::mask_scan(counts.data(), chunks, &total); });
    std::vector<int> positions(total);
    emu::launch({(unsigned) chunks}, {256}, [&] { idx::mask_positions(m, counts.data(), positions.data()); });
    std::vector<float> picked(total);
    Iter mv = iter({(int) total}, {array(picked.data(), DT_FLOAT32, {1}), array(v.data(), DT_FLOAT32, {0}),
                                   array(positions.data(), DT_INT32, {1})});
    emu::launch({4}, {256}, [&] { idx::mask_move(mv, 0); });
    check(total == expect.size() && picked == expect, "mask_count, mask_scan, mask_positions, mask_move: x[mask]");
    Iter put = iter({(int) total}, {scalar(-7, DT_FLOAT32), array(v.data(), DT_FLOAT32, {0}),
                                    array(positions.data(), DT_INT32, {1})});
    emu::launch({4}, {256}, [&] { idx::mask_move(put, 1); });
    bool ok = true;
    for (int i = 0; i < N; i++) ok &= mask[i] ? v[i] == -7 : v[i] <= 0.3f;
    check(ok, "mask_move: x[mask] = value");
}

static void gemm() {
    // C (5x3) = A (5x4, given transposed: stored 4x5) . B (4x3), two batches with B broadcast (batch stride 0)
    auto a = randoms(2 * 20, 5);
    auto b = randoms(12, 6);
    std::vector<float> c(2 * 15);
    emu::launch({1, 1, 2}, {16, 16}, [&] {
        mm::gemm_f32(5, 3, 4, 2, a.data(), 1, 5, 20, b.data(), 3, 1, 0, c.data(), 3, 1, 15);
    });
    bool ok = true;
    for (int z = 0; z < 2; z++) {
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int p = 0; p < 4; p++) s += a[z * 20 + p * 5 + i] * b[p * 3 + j];
                ok &= close(c[z * 15 + i * 3 + j], s, 1e-5);
            }
        }
    }
    check(ok, "gemm_f32 batched with a transposed A and a broadcast B");
    std::vector<int> ia = {1, 2, 3, 4, 5, 6};
    std::vector<int> ib = {7, 8, 9, 10, 11, 12};
    std::vector<int> ic(4);
    emu::launch({1, 1, 1}, {16, 16}, [&] { mm::gemm_i32(2, 2, 3, 1, ia.data(), 3, 1, 0, ib.data(), 2, 1, 0, ic.data(), 2, 1, 0); });
    check(ic[0] == 58 && ic[1] == 64 && ic[2] == 139 && ic[3] == 154, "gemm_i32");
}

int main() {
    elementwise();
    reductions();
    split_reductions();
    indexing();
    gemm();
    std::printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
