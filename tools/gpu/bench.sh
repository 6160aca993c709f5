#!/usr/bin/env bash
# On the GPU machine (see bundle.sh): benchmarks/run.sh cuda with the carried JDK and class path, PyTorch from
# the machine's python3; the JSON results are copied to $OUT (the report needs java.desktop, which the small JDK
# lacks: write it afterwards with ReportGenerator, as benchmarks/report-cuda/REPORT.md says).
source "$(dirname "$0")/env.sh"
export BENCH_CLASSPATH="$CLASSPATH_ENTRIES" PYTORCH_PYTHON=python3
bash benchmarks/run.sh cuda "$@" > "${OUT:-/tmp}/bench.log" 2>&1
grep -E "^(Matmul|Elementwise|Reduction|Training)Bench|torch cuda" "${OUT:-/tmp}/bench.log"
cp benchmarks/report-cuda/*.json "${OUT:-/tmp}/"
