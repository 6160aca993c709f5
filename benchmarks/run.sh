#!/usr/bin/env bash
# Runs the torch4j benchmark suite (JMH), PyTorch on the same workloads (when /usr/bin/python3 has torch),
# and writes the report with its charts.
#
#   benchmarks/run.sh quick   # CI smoke: small sizes, one short iteration each, no fork (~2 minutes);
#                             # report in benchmarks/target/report-quick/
#   benchmarks/run.sh full    # the real measurement (~25 minutes); report in benchmarks/report/
#
# Extra arguments after the mode go to JMH, e.g. `benchmarks/run.sh full MatmulBench -p n=1024`.
# WAIT_FOR_LOAD=1.0 benchmarks/run.sh full   first waits (20 minutes at most) for the 1-minute load average
#                                           to fall below 1.0, for a machine shared with other work.
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
  *)
    echo "usage: $0 [quick|full] [JMH arguments...]" >&2
    exit 2
    ;;
esac
mkdir -p "$out"

echo "== building (mvn -pl benchmarks -am package)"
mvn -B -q -ntp -pl benchmarks -am package -DskipTests \
  org.apache.maven.plugins:maven-dependency-plugin:3.6.1:build-classpath \
  -Dmdep.outputFile="$root/benchmarks/target/classpath.txt" -Dmdep.includeScope=runtime
cp="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
java_opts=(--add-modules jdk.incubator.vector -XX:+UseTransparentHugePages -Djava.awt.headless=true)

if [[ -n "${WAIT_FOR_LOAD:-}" ]]; then
  for _ in $(seq 120); do
    awk -v max="$WAIT_FOR_LOAD" '{ exit !($1 < max) }' /proc/loadavg && break
    echo "== waiting for the load average ($(cut -d' ' -f1 /proc/loadavg)) to fall below $WAIT_FOR_LOAD"
    sleep 10
  done
fi
load="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"

echo "== JMH ($mode)"
java "${java_opts[@]}" -cp "$cp" org.openjdk.jmh.Main "${jmh_opts[@]}" -rf json -rff "$out/jmh.json" "$@"

pytorch_args=()
if /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  echo "== PyTorch ($mode)"
  /usr/bin/python3 benchmarks/pytorch_bench.py --mode "$mode" --out "$out/pytorch.json"
  pytorch_args=(--pytorch "$out/pytorch.json")
else
  echo "== PyTorch: /usr/bin/python3 has no torch, skipped (apt-get install python3-torch)"
fi

echo "== report"
java "${java_opts[@]}" -cp "$cp" org.torch4j.benchmarks.report.ReportGenerator \
  --jmh "$out/jmh.json" "${pytorch_args[@]}" --out "$out" --mode "$mode" --load "$load" \
  --notes benchmarks/NOTES.md
