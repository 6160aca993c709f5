#!/usr/bin/env bash
# Compiles the CUDA C kernels (src/main/cuda/*.cu) to PTX with nvcc.
#   nvcc.sh OUT_DIR     writes OUT_DIR/<name>.ptx (the Maven build: over the committed PTX in target/classes)
#   nvcc.sh --update    rewrites the committed PTX in src/main/ptx (run after editing a .cu file)
# Each PTX starts with a line naming the SHA-256 of the sources it came from (common.cuh then the .cu file),
# which PtxTest compares with the sources. Without nvcc (looked up as $NVCC, on the PATH, then in
# $CUDA_HOME/bin, /usr/local/cuda/bin by default) it prints a message and exits 0: the jar then carries the committed PTX.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
src="$here/main/cuda"
if [ "${1:-}" = "--update" ]; then
    out="$here/main/ptx/org/torch4j/cuda/kernels"
else
    out="${1:?usage: nvcc.sh OUT_DIR | --update}"
fi
nvcc="${NVCC:-$(command -v nvcc || true)}"
if [ -z "$nvcc" ] && [ -x "${CUDA_HOME:-/usr/local/cuda}/bin/nvcc" ]; then
    nvcc="${CUDA_HOME:-/usr/local/cuda}/bin/nvcc"
fi
if [ -z "$nvcc" ]; then
    echo "[torch4j-cuda] nvcc not found: using the committed PTX of src/main/ptx"
    exit 0
fi
mkdir -p "$out"
for cu in "$src"/*.cu; do
    name="$(basename "$cu" .cu)"
    hash="$(cat "$src/common.cuh" "$cu" | sha256sum | cut -d' ' -f1)"
    tmp="$(mktemp)"
    "$nvcc" -ptx -arch=compute_75 -O3 -std=c++17 -I "$src" "$cu" -o "$tmp"
    { echo "// torch4j-source-sha256: $hash"; cat "$tmp"; } > "$out/$name.ptx"
    rm -f "$tmp"
done
echo "[torch4j-cuda] $("$nvcc" --version | tail -1): PTX written to $out"
