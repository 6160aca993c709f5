#!/usr/bin/env bash
# Builds the CPU stand-in for the CUDA driver (src/test/cuda/fakecuda.cpp) as OUT_DIR/libcuda.so.1, for the
# Maven execution that runs the GPU tests on it. Without g++ it prints a message and exits 0 (the tests then
# skip as on any machine without a GPU).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:?usage: emulator.sh OUT_DIR}"
if ! command -v g++ > /dev/null; then
    echo "[torch4j-cuda] g++ not found: the GPU tests will not run on the CPU emulation"
    exit 0
fi
mkdir -p "$out"
g++ -std=c++20 -O2 -pthread -w -fPIC -shared -Wl,-soname,libcuda.so.1 "$here/test/cuda/fakecuda.cpp" \
    -o "$out/libcuda.so.1"
echo "[torch4j-cuda] CPU emulation of the CUDA driver built: $out/libcuda.so.1"
