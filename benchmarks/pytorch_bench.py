#!/usr/bin/python3
"""Measures PyTorch on the workloads of the torch4j JMH benchmarks and writes them as JSON.

Usage: /usr/bin/python3 benchmarks/pytorch_bench.py [--mode quick|full] [--out FILE]

Each thread count runs in its own child process with OPENBLAS_NUM_THREADS, OMP_NUM_THREADS and
MKL_NUM_THREADS set before torch is imported, and torch.set_num_threads(n): 1 thread, then one per core.
Times are the mean seconds per operation over timed batches after a warm-up, like JMH's AverageTime.
"""
import argparse
import json
import os
import subprocess
import sys
import time

MATMUL_SIZES = {"quick": [64, 256], "full": [64, 128, 256, 512, 1024, 2048]}
VECTOR_SIZES = {"quick": [1_000_000], "full": [1_000_000, 10_000_000]}
TIMING = {"quick": (0.05, 0.2), "full": (1.0, 3.0)}  # seconds of warm-up and of measurement
SOFTMAX_ROW = 1000


def timed(fn, warmup, measure):
    """Mean seconds per call of fn over batches filling `measure` seconds, after `warmup` seconds of calls."""
    end = time.perf_counter() + warmup
    calls = 0
    while time.perf_counter() < end or calls < 2:
        fn()
        calls += 1
    total, count = 0.0, 0
    while total < measure or count < 3:
        start = time.perf_counter()
        fn()
        total += time.perf_counter() - start
        count += 1
    return total / count


def workloads(torch, mode):
    """(bench, variant, size, callable) for every workload of the JMH suite that PyTorch can run."""
    torch.manual_seed(0)
    for dtype_name, dtype in (("float32", torch.float32), ("float64", torch.float64)):
        for n in MATMUL_SIZES[mode]:
            a = torch.randn(n, n).to(dtype)
            b = torch.randn(n, n).to(dtype)
            yield "matmul", dtype_name, n, (lambda a=a, b=b: torch.matmul(a, b))
    for size in VECTOR_SIZES[mode]:
        a = torch.randn(size)
        b = torch.randn(size)
        yield "elementwise", "add", size, (lambda a=a, b=b: a + b)
        yield "elementwise", "mul", size, (lambda a=a, b=b: a * b)
        yield "elementwise", "exp", size, (lambda a=a: torch.exp(a))
        yield "elementwise", "sigmoid", size, (lambda a=a: torch.sigmoid(a))
        yield "elementwise", "relu", size, (lambda a=a: torch.relu(a))
        rows = a.reshape(size // SOFTMAX_ROW, SOFTMAX_ROW)
        yield "reduction", "sum", size, (lambda a=a: a.sum())
        yield "reduction", "mean", size, (lambda a=a: a.mean())
        yield "reduction", "max", size, (lambda a=a: a.max())
        yield "reduction", "softmax", size, (lambda r=rows: torch.softmax(r, -1))


def child(mode, threads):
    import torch
    torch.set_num_threads(threads)
    warmup, measure = TIMING[mode]
    results = []
    with torch.no_grad():
        for bench, variant, size, fn in workloads(torch, mode):
            seconds = timed(fn, warmup, measure)
            results.append({"bench": bench, "variant": variant, "size": size, "threads": threads, "seconds": seconds})
            print(f"  torch {threads}t {bench} {variant} {size}: {seconds * 1e6:.1f} us", file=sys.stderr)
    return {"torch": torch.__version__, "results": results}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=["quick", "full"], default="full")
    parser.add_argument("--out", default="pytorch.json")
    parser.add_argument("--child-threads", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_threads:
        json.dump(child(args.mode, args.child_threads), sys.stdout)
        return
    cores = os.cpu_count() or 1
    merged = {"torch": None, "threads_all": cores, "mode": args.mode, "results": []}
    for threads in sorted({1, cores}):
        env = dict(os.environ, OPENBLAS_NUM_THREADS=str(threads), OMP_NUM_THREADS=str(threads),
                   MKL_NUM_THREADS=str(threads))
        out = subprocess.run([sys.executable, __file__, "--mode", args.mode, "--child-threads", str(threads)],
                             env=env, check=True, stdout=subprocess.PIPE, text=True).stdout
        part = json.loads(out)
        merged["torch"] = part["torch"]
        merged["results"].extend(part["results"])
    with open(args.out, "w") as f:
        json.dump(merged, f, indent=1)


if __name__ == "__main__":
    main()
