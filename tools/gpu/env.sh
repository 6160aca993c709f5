# Sourced by tests.sh and bench.sh on the GPU machine: the carried JDK and class path, and cuBLAS. JCublas 12
# binds libcublas.so.12; where only CUDA 13's libcublas.so.13 exists, the forwarding shim stands in for it.
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export JAVA="$PWD/.gpu/jdk/bin/java"
CLASSPATH_ENTRIES="$(ls -d "$PWD"/.gpu/cp/* | tr '\n' ':')"
cublas12="$(find / -xdev -name 'libcublas.so.12' -not -path "$PWD/*" 2>/dev/null | head -1)"
cublas13="$(find / -xdev -name 'libcublas.so.13' 2>/dev/null | head -1)"
if [[ -n "$cublas12" ]]; then
  export LD_LIBRARY_PATH="$(dirname "$cublas12")"
elif [[ -n "$cublas13" ]]; then
  export LD_LIBRARY_PATH="$PWD/.gpu/shim:$(dirname "$cublas13")"
fi
echo "== $(nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader); LD_LIBRARY_PATH=${LD_LIBRARY_PATH:-}"
