#!/usr/bin/env bash
# Nexmark on Apache Flink 2.3 (local MiniCluster, hashmap backend) over Eddy's generator.
#
#   benchmarks/flink/run.sh --queries q0,q1,q5 --events 1000000 --parallelism 1
#   benchmarks/flink/run.sh --queries all --events 10000000 --parallelism 2
#
# Builds the harness against eddy-nexmark/target's jar (built if missing; nothing goes into ~/.m2)
# and copies all jars, the generator's included, into target/lib so that a rebuild cannot
# disturb a run, then runs each query
# in its own JVM, one after the other (never two Flink jobs at once), printing
#   flink query=qN parallelism=P events=N seconds=S events_per_second=R job_seconds=J cpu_seconds=C
# per query and a Markdown table at the end.
#
# JDK: eddy-nexmark is compiled for Java 21, so the harness needs a JDK >= 21; the one
# bin/find-jdk.sh picks (Temurin 25 on this machine). Flink 2.3 runs on it with the
# --add-opens below (the set Flink's own launcher scripts pass on JDK 17+).
# Environment: FLINK_BENCH_HEAP (default 6g), FLINK_BENCH_JAVA_OPTS (extra JVM options),
# FLINK_BENCH_TIMEOUT (seconds per query, default none),
# FLINK_BENCH_SKIP_BUILD=1 (reuse target/), NEXMARK_QUERIES (queries folder).
# Each query's stderr (Flink's WARN log, stack traces) goes to target/logs/qN-pP-N.log.
# --verify: compare each query's final rows with Eddy's oracle, row by row (use a small --events).
# Table settings: the Nexmark project's reference ones (mini-batch 2s/5000, distinct-agg split),
# see FlinkNexmark.REFERENCE_SETTINGS; --conf key=value overrides them.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

queries=q0 events=1000000 parallelism=1 extra=() verify=0
while [ $# -gt 0 ]; do
  case "$1" in
    --queries|--query) queries=$2; shift 2 ;;
    --events) events=$2; shift 2 ;;
    --parallelism) parallelism=$2; shift 2 ;;
    --seed|--rate|--conf|--queries-dir) extra+=("$1" "$2"); shift 2 ;;
    --verify) verify=1; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ "$queries" = all ]; then
  queries=$(echo q{0..22} | tr ' ' ',')
fi

# shellcheck source=/dev/null
. "$ROOT/bin/find-jdk.sh"   # JAVA_HOME = newest JDK >= 21

if [ "${FLINK_BENCH_SKIP_BUILD:-0}" != 1 ] || [ ! -d "$HERE/target/lib" ]; then
  nexmark_jar="$ROOT/eddy-nexmark/target/eddy-nexmark-0.1.0-SNAPSHOT.jar"
  if [ ! -f "$nexmark_jar" ]; then
    echo "run.sh: building eddy-nexmark (its jar is the harness's generator)" >&2
    (cd "$ROOT" && mvn -B -q -pl eddy-nexmark -am package -Dmaven.test.skip=true >&2)
  fi
  rm -rf "$HERE/target/lib"
  (cd "$HERE" && mvn -B -q package >&2)
  cp "$nexmark_jar" "$HERE/target/lib/"
fi

export NEXMARK_QUERIES="${NEXMARK_QUERIES:-$ROOT/eddy-nexmark/src/main/resources/io/eddy/nexmark/sql}"
CP="$HERE/target/classes:$HERE/target/lib/*"   # private copies of the jars, see pom.xml
JVM_OPTS=(
  -Xms"${FLINK_BENCH_HEAP:-6g}" -Xmx"${FLINK_BENCH_HEAP:-6g}" -XX:+UseParallelGC   # the Nexmark project's GC
  --add-exports=java.base/sun.net.util=ALL-UNNAMED
  --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED
  --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED
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
major=$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
if [ "${major%%.*}" -ge 24 ]; then
  JVM_OPTS+=(--sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED)
fi
# shellcheck disable=SC2206
JVM_OPTS+=(${FLINK_BENCH_JAVA_OPTS:-})

if [ "$verify" = 1 ]; then   # correctness check against Eddy's oracle (small --events), not a benchmark
  exec "$JAVA_HOME/bin/java" "${JVM_OPTS[@]}" -cp "$CP" io.eddy.bench.flink.FlinkNexmark \
       --queries "$queries" --events "$events" --parallelism "$parallelism" "${extra[@]}" --verify
fi

LOGS="$HERE/target/logs"
mkdir -p "$LOGS"
echo "# $(date -u '+%Y-%m-%d %H:%M:%S UTC')  JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)  $(nproc) cores  load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
lines=()
status=0
IFS=, read -ra qs <<<"$queries"
for q in "${qs[@]}"; do
  rc=0
  timeout "${FLINK_BENCH_TIMEOUT:-0}" "$JAVA_HOME/bin/java" "${JVM_OPTS[@]}" -cp "$CP" io.eddy.bench.flink.FlinkNexmark \
      --queries "$q" --events "$events" --parallelism "$parallelism" "${extra[@]}" \
      >"$LOGS/$q-p$parallelism-$events.out" 2>"$LOGS/$q-p$parallelism-$events.log" || rc=$?
  out=$(grep '^flink query=' "$LOGS/$q-p$parallelism-$events.out" || true)
  [ "$rc" = 0 ] || status=1
  if [ -z "$out" ] && [ "$rc" = 124 ]; then
    out="flink query=$q parallelism=$parallelism events=$events timeout after ${FLINK_BENCH_TIMEOUT}s"
  fi
  [ -n "$out" ] || out="flink query=$q parallelism=$parallelism events=$events failed: no result line"
  out="$out load1=$(cut -d' ' -f1 /proc/loadavg)"   # machine load when the query ended
  case "$out" in *failed*) echo "run.sh: see $LOGS/$q-p$parallelism-$events.log" >&2 ;; esac
  echo "$out"
  lines+=("$out")
done

echo
echo "| query | parallelism | events | seconds | events/s | job seconds | cpu seconds |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for l in "${lines[@]}"; do
  q=$(sed -n 's/.*query=\([^ ]*\).*/\1/p' <<<"$l")
  s=$(sed -n 's/.* seconds=\([^ ]*\).*/\1/p' <<<"$l")
  r=$(sed -n 's/.*events_per_second=\([^ ]*\).*/\1/p' <<<"$l")
  j=$(sed -n 's/.*job_seconds=\([^ ]*\).*/\1/p' <<<"$l")
  c=$(sed -n 's/.*cpu_seconds=\([^ ]*\).*/\1/p' <<<"$l")
  if [ -n "$s" ]; then
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$q" "$parallelism" "$events" "$s" "$r" "$j" "$c"
  else
    printf '| %s | %s | %s | %s | | | |\n' "$q" "$parallelism" "$events" "$(sed 's/.*events=[0-9]* //; s/ load1=.*//' <<<"$l" | cut -c1-160)"
  fi
done
exit $status
