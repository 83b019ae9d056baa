#!/usr/bin/env bash
# Runs the cases of Eddy's SQL golden files (eddy-sql/src/test/resources/sql/*.golden) on Apache
# Flink 2.3 (local MiniCluster, streaming mode, parallelism 1) and compares Flink's tables (the
# changelog applied) with the files' expected blocks, which SqlGoldenTest asserts for Eddy.
#
#   benchmarks/flink-sql/run.sh                 # build, run, diff each file against Flink's version of it
#   benchmarks/flink-sql/run.sh --update        # rewrite the expected blocks from Flink's output
#   benchmarks/flink-sql/run.sh [--update] FILE.golden...   # only these files
#
# JDK: the one bin/find-jdk.sh picks; Flink runs on it with the --add-opens Flink's launcher
# scripts pass on JDK 17+. Flink's log goes to target/logs/.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
. "$ROOT/bin/find-jdk.sh" >/dev/null
update=false
if [ "${1:-}" = --update ]; then update=true; shift; fi
if [ $# -gt 0 ]; then files=("$@"); else files=("$ROOT"/eddy-sql/src/test/resources/sql/*.golden); fi

(cd "$HERE" && mvn -B -q -DskipTests package)

JVM_OPTS=()
for p in java.lang java.lang.reflect java.net java.io java.nio sun.nio.ch java.text java.time java.util \
    java.util.concurrent java.util.concurrent.atomic java.util.concurrent.locks; do
  JVM_OPTS+=("--add-opens=java.base/$p=ALL-UNNAMED")
done
mkdir -p "$HERE/target/logs"
out="$HERE/target/flink-output"
rm -rf "$out"
java "${JVM_OPTS[@]}" -cp "$HERE/target/classes:$HERE/target/lib/*" io.eddy.benchmarks.flinksql.Main \
  "$out" "${files[@]}" 2>"$HERE/target/logs/flink.log"

status=0
for f in "${files[@]}"; do
  if $update; then
    cp "$out/$(basename "$f")" "$f"
    echo "$(basename "$f") rewritten from Flink's output"
  elif ! diff -u "$f" "$out/$(basename "$f")"; then
    status=1
  fi
done
$update || { [ $status = 0 ] && echo "Flink 2.3 gives every expected table"; }
exit $status
