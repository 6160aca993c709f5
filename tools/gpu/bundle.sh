#!/usr/bin/env bash
# Builds what a GPU machine without Java or Maven needs to run torch4j's CUDA tests or benchmarks (the device
# tool's machines: CUDA 13, PyTorch, no JDK, no network), into .gpu/ (ignored by git; about 50 MB):
#   .gpu/jdk        a jlinked JDK of this machine's JDK 17 (java.base, jdk.incubator.vector, logging, xml, management)
#   .gpu/cp         class path of the cuda module's tests and of the benchmarks (JCuda's natives without the
#                   PTX compiler library, which torch4j does not load, so that everything fits)
#   .gpu/shim       libcublas.so.12 forwarding to CUDA 13's libcublas.so.13 (see cublas12.c)
# Then, with the device tool: run `bash tools/gpu/tests.sh` and/or `bash tools/gpu/bench.sh`, carrying [".gpu"]
# (what travels is at most 64 MiB: the working tree and .gpu).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
grep -qx '/.gpu/' .git/info/exclude 2>/dev/null || { mkdir -p .git/info; echo '/.gpu/' >> .git/info/exclude; }
mvn -B -q -ntp -pl cuda,benchmarks -am package -DskipTests org.apache.maven.plugins:maven-dependency-plugin:3.6.1:build-classpath \
  -Dmdep.outputFile=target/gpu-classpath.txt -Dmdep.includeScope=test
entries="$(cat cuda/target/gpu-classpath.txt benchmarks/target/gpu-classpath.txt | tr ':' '\n' | sort -u) cuda/target/test-classes benchmarks/target/classes"
rm -rf .gpu/cp .gpu/shim
mkdir -p .gpu/cp .gpu/shim
for p in $entries; do
  case "$p" in *junit*|*opentest4j*|*apiguardian*|*jmh-generator*) continue ;; esac
  if [[ -d "$p" ]]; then cp -r "$p" ".gpu/cp/$(realpath --relative-to="$root" "$p" | tr '/' '_')"; else cp "$p" .gpu/cp/; fi
done
zip -q -d .gpu/cp/jcuda-natives-*.jar 'lib/libJNvPTXCompiler*'
mvn -B -q -ntp dependency:copy -Dartifact=org.junit.platform:junit-platform-console-standalone:1.14.1 \
  -DoutputDirectory="$root/.gpu/cp"
if [[ ! -x .gpu/jdk/bin/java ]]; then
  jdk="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
  "$jdk/bin/jlink" --add-modules java.base,jdk.incubator.vector,java.logging,java.xml,java.management,jdk.unsupported,jdk.management \
    --strip-debug --no-header-files --no-man-pages --compress=2 --output .gpu/jdk
  strip --strip-unneeded .gpu/jdk/lib/server/libjvm.so .gpu/jdk/lib/*.so
fi
gcc -O2 -shared -fPIC -o .gpu/shim/libcublas.so.12 tools/gpu/cublas12.c -Wl,-soname,libcublas.so.12 \
  -Wl,--version-script=tools/gpu/cublas12.map -ldl
du -sh .gpu
