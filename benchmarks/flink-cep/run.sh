#!/usr/bin/env bash
# Runs Eddy's CEP conformance jobs on Apache Flink 2.3 (local MiniCluster, parallelism 2) and
# compares Flink's sorted results with expected.txt, which FlinkCepConformanceTest (eddy-cep) asserts for Eddy.
#
#   benchmarks/flink-cep/run.sh            # build, run, diff against expected.txt
#   benchmarks/flink-cep/run.sh --update   # rewrite expected.txt from Flink's output
#   benchmarks/flink-cep/run.sh --bench [--events N] [--keys K] [--within MS] [--parallelism P] [--backend hashmap,forst] [--repeat R]
#                                          # CEP throughput, the twin of ./eddy bench cep (CepBench)
#
# The jobs are FlinkCepJobs: eddy-cep's io.eddy.cep.conformance.CepJobs with
# Flink's imports. JDK: the one bin/find-jdk.sh picks; Flink runs on it with the --add-opens
# Flink's launcher scripts pass on JDK 17+.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
. "$ROOT/bin/find-jdk.sh" >/dev/null

(cd "$HERE" && mvn -B -q -DskipTests package)

JVM_OPTS=(
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/java.text=ALL-UNNAMED
  --add-opens=java.base/java.time=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED
)
mkdir -p "$HERE/target/logs"
if [ "${1:-}" = --bench ]; then
  shift
  echo "# $(date -u '+%Y-%m-%d %H:%M:%S UTC')  JDK $(java -version 2>&1 | head -1)  $(nproc) cores  load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  # the heap and GC of ./eddy's launcher
  exec java -Xmx8g -XX:+UseParallelGC "${JVM_OPTS[@]}" -cp "$HERE/target/classes:$HERE/target/lib/*" \
    io.eddy.benchmarks.flinkcep.CepBench "$@" 2>"$HERE/target/logs/bench.log"
fi
out="$HERE/target/flink-output.txt"
java "${JVM_OPTS[@]}" -cp "$HERE/target/classes:$HERE/target/lib/*" io.eddy.benchmarks.flinkcep.Main \
  >"$out" 2>"$HERE/target/logs/flink.log"

if [ "${1:-}" = --update ]; then
  cp "$out" "$HERE/expected.txt"
  echo "expected.txt rewritten from Flink's output"
elif diff -u "$HERE/expected.txt" "$out"; then
  echo "Flink 2.3 produces expected.txt exactly ($(wc -l <"$out") lines)"
else
  echo "Flink's output differs from expected.txt (above)" >&2
  exit 1
fi
