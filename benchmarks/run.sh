#!/usr/bin/env bash
# Runs the torch4j benchmark suite (JMH), PyTorch on the same workloads (when /usr/bin/python3 has torch),
# and writes the report with its charts.
#
#   benchmarks/run.sh quick   # CI smoke: small sizes, one short iteration each, no fork (~2 minutes);
#                             # report in benchmarks/target/report-quick/
#   benchmarks/run.sh full    # the real measurement (~25 minutes); report in benchmarks/report/
#   benchmarks/run.sh cuda    # the CUDA backend alone, with PyTorch on the same GPU; report in benchmarks/report-cuda/
#
# Where torch4j-cuda finds a GPU (CudaProbe), quick and full also measure the CUDA backend (and PyTorch on the GPU,
# where its torch has CUDA), as columns of the same report.
#
# Extra arguments after the mode go to JMH, e.g. `benchmarks/run.sh full MatmulBench -p n=1024`.
# WAIT_FOR_LOAD=1.0 benchmarks/run.sh full   first waits (20 minutes at most) for the 1-minute load average
#                                           to fall below 1.0, for a machine shared with other work.
# BENCH_CLASSPATH=... JAVA=... benchmarks/run.sh cuda   skips the Maven build and runs with that class path and
#                                           java (for a machine without Maven: copy the built classes and jars there).
set -euo pipefail
mode="${1:-full}"
shift || true
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

case "$mode" in
  quick)
    out="benchmarks/target/report-quick"
    jmh_opts=(-f 0 -wi 1 -w 100ms -i 1 -r 200ms -p n=64,256 -p size=1000000)
    ;;
  full)
    out="benchmarks/report"
    jmh_opts=()
    ;;
  cuda)
    out="benchmarks/report-cuda"
    jmh_opts=(-wi 2 -w 1s -i 3 -r 1s)
    ;;
  *)
    echo "usage: $0 [quick|full|cuda] [JMH arguments...]" >&2
    exit 2
    ;;
esac
mkdir -p "$out"

if [[ -n "${BENCH_CLASSPATH:-}" ]]; then
  cp="$BENCH_CLASSPATH"
else
  echo "== building (mvn -pl benchmarks -am package)"
  mvn -B -q -ntp -pl benchmarks -am package -DskipTests \
    org.apache.maven.plugins:maven-dependency-plugin:3.6.1:build-classpath \
    -Dmdep.outputFile="$root/benchmarks/target/classpath.txt" -Dmdep.includeScope=runtime
  cp="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
fi
java="${JAVA:-java}"
java_opts=(--add-modules jdk.incubator.vector -XX:+UseTransparentHugePages -Djava.awt.headless=true)

if [[ -n "${WAIT_FOR_LOAD:-}" ]]; then
  for _ in $(seq 120); do
    awk -v max="$WAIT_FOR_LOAD" '{ exit !($1 < max) }' /proc/loadavg && break
    echo "== waiting for the load average ($(cut -d' ' -f1 /proc/loadavg)) to fall below $WAIT_FOR_LOAD"
    sleep 10
  done
fi
load="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"

jmh_files=()
devices=()
if [[ "$mode" != cuda ]]; then
  echo "== JMH ($mode)"
  "$java" "${java_opts[@]}" -cp "$cp" org.openjdk.jmh.Main "${jmh_opts[@]}" -rf json -rff "$out/jmh.json" "$@"
  jmh_files+=("$out/jmh.json")
  devices+=(cpu)
fi

gpu_args=()
if gpu="$("$java" "${java_opts[@]}" -cp "$cp" org.torch4j.benchmarks.CudaProbe)"; then
  echo "== JMH, CUDA backend on $gpu ($mode)"
  "$java" "${java_opts[@]}" -cp "$cp" org.openjdk.jmh.Main "${jmh_opts[@]}" -p backend=CUDA \
    -rf json -rff "$out/jmh-cuda.json" '(Matmul|Elementwise|Reduction|Training)Bench' "$@"
  jmh_files+=("$out/jmh-cuda.json")
  devices+=(cuda)
  gpu_args=(--gpu "$gpu")
else
  echo "== CUDA backend not measured: $gpu"
  [[ "$mode" == cuda ]] && exit 1
fi

pytorch_args=()
python="${PYTORCH_PYTHON:-/usr/bin/python3}"
if "$python" -c 'import torch' 2>/dev/null; then
  echo "== PyTorch ($mode, ${devices[*]})"
  "$python" benchmarks/pytorch_bench.py --mode "$mode" --devices "$(IFS=,; echo "${devices[*]}")" --out "$out/pytorch.json"
  pytorch_args=(--pytorch "$out/pytorch.json")
else
  echo "== PyTorch: $python has no torch, skipped (apt-get install python3-torch)"
fi

echo "== report"
notes_args=(--notes benchmarks/NOTES.md)
[[ "$mode" == cuda ]] && notes_args=(--notes benchmarks/NOTES-cuda.md)
"$java" "${java_opts[@]}" -cp "$cp" org.torch4j.benchmarks.report.ReportGenerator \
  --jmh "$(IFS=,; echo "${jmh_files[*]}")" "${pytorch_args[@]}" "${gpu_args[@]}" --out "$out" --mode "$mode" \
  --load "$load" "${notes_args[@]}"
