#!/usr/bin/python3
"""Measures PyTorch on the workloads of the torch4j JMH benchmarks and writes them as JSON.

Usage: /usr/bin/python3 benchmarks/pytorch_bench.py [--mode quick|full|cuda] [--devices cpu,cuda] [--out FILE]

On the CPU, each thread count runs in its own child process with OPENBLAS_NUM_THREADS, OMP_NUM_THREADS and
MKL_NUM_THREADS set before torch is imported, and torch.set_num_threads(n): 1 thread, then one per core.
On CUDA (where torch.cuda.is_available()), one more child runs every workload on cuda:0, each call followed
by torch.cuda.synchronize() so that the GPU's work is timed, as torch4j's CUDA backend does.
Times are seconds per operation: the best mean over batches of about 20 ms after a warm-up, as the report
takes the best JMH iteration (the machine may be shared with other work).
"""
import argparse
import json
import os
import subprocess
import sys
import time

MATMUL_SIZES = {"quick": [64, 256], "full": [64, 128, 256, 512, 1024, 2048]}
MATMUL_SIZES["cuda"] = MATMUL_SIZES["full"]
VECTOR_SIZES = {"quick": [1_000_000], "full": [1_000_000, 10_000_000]}
VECTOR_SIZES["cuda"] = VECTOR_SIZES["full"]
TIMING = {"quick": (0.05, 0.2), "full": (1.0, 3.0), "cuda": (0.5, 1.5)}  # seconds of warm-up and of measurement
SOFTMAX_ROW = 1000


def timed(fn, warmup, measure):
    """Seconds per call of fn: the best mean over batches of calls (each about 20 ms or one call) that fill
    `measure` seconds after `warmup` seconds of calls, as the report takes JMH's best iteration."""
    start = time.perf_counter()
    calls = 0
    while time.perf_counter() - start < warmup or calls < 2:
        fn()
        calls += 1
    per_batch = max(1, int(0.02 / ((time.perf_counter() - start) / calls)))
    best, spent = float("inf"), 0.0
    while spent < measure or best == float("inf"):
        t0 = time.perf_counter()
        for _ in range(per_batch):
            fn()
        elapsed = time.perf_counter() - t0
        spent += elapsed
        best = min(best, elapsed / per_batch)
    return best


def workloads(torch, mode, device):
    """(bench, variant, size, callable) for every workload of the JMH suite that PyTorch can run."""
    torch.manual_seed(0)
    for dtype_name, dtype in (("float32", torch.float32), ("float64", torch.float64)):
        for n in MATMUL_SIZES[mode]:
            a = torch.randn(n, n).to(device, dtype)
            b = torch.randn(n, n).to(device, dtype)
            yield "matmul", dtype_name, n, (lambda a=a, b=b: torch.matmul(a, b))
    for size in VECTOR_SIZES[mode]:
        a = torch.randn(size).to(device)
        b = torch.randn(size).to(device)
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


def training(torch, device):
    """The steps of TrainingBench: (bench, variant, size, one-step callable), with autograd on."""
    nn = torch.nn
    torch.manual_seed(0)
    tiny = nn.Sequential(nn.Linear(1, 2), nn.Sigmoid(), nn.Linear(2, 1)).to(device)
    tiny_opt = torch.optim.SGD(tiny.parameters(), lr=1e-3)
    x = torch.linspace(0, 1, 10).reshape(10, 1).to(device)
    y = x * x - x * 0.5 + 1.5625

    def two_neuron_step():
        tiny_opt.zero_grad()
        loss = (tiny(x) - y).abs().sum()
        loss.backward()
        tiny_opt.step()
    yield "training", "twoNeuronStep", 0, two_neuron_step

    mlp = nn.Sequential(nn.Linear(1000, 100), nn.ReLU(), nn.Linear(100, 10)).to(device)
    mlp_opt = torch.optim.Adam(mlp.parameters(), lr=1e-4)
    mlp_loss = nn.MSELoss(reduction="sum")
    mx = torch.randn(64, 1000).to(device)
    my = torch.randn(64, 10).to(device)

    def mlp_step():
        mlp_opt.zero_grad()
        loss = mlp_loss(mlp(mx), my)
        loss.backward()
        mlp_opt.step()
    yield "training", "mlpStep", 0, mlp_step

    conv = nn.Sequential(nn.Conv2d(1, 8, 3), nn.ReLU(), nn.Conv2d(8, 16, 3)).to(device)
    images = torch.randn(32, 1, 28, 28).to(device)

    def conv_step():
        conv.zero_grad()
        conv(images).sum().backward()
    yield "training", "conv2dForwardBackward", 0, conv_step


def child(mode, threads, device):
    import torch
    torch.set_num_threads(threads)
    warmup, measure = TIMING[mode]
    results = []
    cuda = device == "cuda"

    def run(bench, variant, size, fn):
        seconds = timed((lambda: (fn(), torch.cuda.synchronize())) if cuda else fn, warmup, measure)
        results.append({"bench": bench, "variant": variant, "size": size, "threads": threads, "device": device,
                        "seconds": seconds})
        print(f"  torch {device} {threads}t {bench} {variant} {size}: {seconds * 1e6:.1f} us", file=sys.stderr)

    with torch.no_grad():
        for workload in workloads(torch, mode, device):
            run(*workload)
    for workload in training(torch, device):
        run(*workload)
    return {"torch": torch.__version__, "cuda_device": torch.cuda.get_device_name(0) if cuda else None,
            "results": results}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=["quick", "full", "cuda"], default="full")
    parser.add_argument("--devices", default="cpu", help="comma-separated: cpu, cuda (skipped without a GPU)")
    parser.add_argument("--out", default="pytorch.json")
    parser.add_argument("--child-threads", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--child-device", default="cpu", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_threads:
        json.dump(child(args.mode, args.child_threads, args.child_device), sys.stdout)
        return
    cores = os.cpu_count() or 1
    devices = args.devices.split(",")
    runs = [(threads, "cpu") for threads in sorted({1, cores})] if "cpu" in devices else []
    if "cuda" in devices:
        runs.append((cores, "cuda"))
    merged = {"torch": None, "threads_all": cores, "mode": args.mode, "results": []}
    for threads, device in runs:
        env = dict(os.environ, OPENBLAS_NUM_THREADS=str(threads), OMP_NUM_THREADS=str(threads),
                   MKL_NUM_THREADS=str(threads))
        child_run = subprocess.run([sys.executable, __file__, "--mode", args.mode, "--child-threads", str(threads),
                                    "--child-device", device], env=env, stdout=subprocess.PIPE, text=True)
        if child_run.returncode != 0:
            if device == "cuda":
                print("  PyTorch on CUDA not measured (see the error above)", file=sys.stderr)
                continue
            child_run.check_returncode()
        part = json.loads(child_run.stdout)
        merged["torch"] = part["torch"]
        merged["cuda_device"] = merged.get("cuda_device") or part["cuda_device"]
        merged["results"].extend(part["results"])
    with open(args.out, "w") as f:
        json.dump(merged, f, indent=1)


if __name__ == "__main__":
    main()
