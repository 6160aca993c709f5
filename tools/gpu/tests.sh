#!/usr/bin/env bash
# On the GPU machine (see bundle.sh): the cuda module's tests, from cuda/ as surefire runs them; then the
# matmul benchmark test and the training test once more without cuBLAS (the built-in tiled kernel).
source "$(dirname "$0")/env.sh"
out="${OUT:-/tmp}"
console="$(ls .gpu/cp/junit-platform-console-standalone-*.jar)"
run() { # label, LD_LIBRARY_PATH, selectors...
  local label="$1" lp="$2"; shift 2
  (cd cuda && LD_LIBRARY_PATH="$lp" "$JAVA" --add-modules jdk.incubator.vector -Xss4m -jar "../$console" execute \
    --class-path "$CLASSPATH_ENTRIES" "$@" --details=summary --details-theme=ascii --disable-banner \
    --reports-dir "$out/reports-$label") > "$out/tests-$label.log" 2>&1
  echo "== $label: $(grep -E 'tests (successful|failed|aborted)' "$out/tests-$label.log" | tr -s ' []' ' ' | tr '\n' ';')"
}
run gpu "${LD_LIBRARY_PATH:-}" --select-package org.torch4j.cuda
run tiled "" --select-class org.torch4j.cuda.internal.CublasBenchmarkTest --select-class org.torch4j.cuda.CudaTrainingTest
grep -h "cuBLAS sgemm\|tutorial net" "$out"/tests-*.log
