#!/usr/bin/env bash
# Nexmark side by side, one query at a time: Eddy SQL (`eddy nexmark --sql`), Eddy's DataStream
# job (`eddy nexmark`), then Flink 2.3 running the same SQL (run.sh), each in its own JVM, one
# after the other, so that all three of a query meet the same machine load.
#
#   benchmarks/flink/compare.sh --queries all --events 2000000 --parallelism 1 [--backend hashmap]
#
# --backend: hashmap (both), rocksdb (both), disaggregated (Eddy) against forst (Flink).
# --no-sql / --no-datastream leave out an Eddy side. --flink-timeout S stops a Flink run after S
# seconds (reported as "timeout"; Flink's RocksDB and ForSt runs of some queries take many minutes). Eddy runs from EDDY_JAR (default: the
# CLI jar of this checkout, built if missing; copy it aside so that a rebuild cannot change a
# run). Prints one line per run and a Markdown table; cpu = user + system seconds of the process.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
. "$ROOT/bin/find-jdk.sh" >/dev/null

queries=all events=2000000 parallelism=1 backend=hashmap sql=1 datastream=1 flink_timeout=0
while [ $# -gt 0 ]; do
  case "$1" in
    --queries|--query) queries=$2; shift 2 ;;
    --events) events=$2; shift 2 ;;
    --parallelism) parallelism=$2; shift 2 ;;
    --backend) backend=$2; shift 2 ;;
    --no-sql) sql=0; shift ;;
    --no-datastream) datastream=0; shift ;;
    --flink-timeout) flink_timeout=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "compare.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ "$queries" = all ] && queries=$(echo q{0..22} | tr ' ' ',')
case "$backend" in
  hashmap|rocksdb) flink_backend=$backend ;;
  disaggregated) flink_backend=forst ;;
  *) echo "compare.sh: --backend is hashmap, rocksdb or disaggregated" >&2; exit 2 ;;
esac
jar=${EDDY_JAR:-$ROOT/eddy-cli/target/eddy-cli.jar}
[ -f "$jar" ] || (cd "$ROOT" && mvn -B -q package -DskipTests >&2)
state=$(mktemp -d)
trap 'rm -rf "$state"' EXIT

eddy() { # $1 = label, rest = extra nexmark flags; prints "label seconds events/s cpu"
  local label=$1 out cpu; shift
  rm -rf "$state"/*
  out=$( { /usr/bin/time -f 'cpu=%U+%S' "$JAVA_HOME/bin/java" -Xmx8g -XX:+UseParallelGC \
      --enable-native-access=ALL-UNNAMED -jar "$jar" nexmark --query "$q" --events "$events" \
      --parallelism "$parallelism" --backend "$backend" --state-dir "$state/d" "$@" ; } 2>&1 ) || true
  cpu=$(sed -n 's/^cpu=\([0-9.]*\)+\([0-9.]*\)$/\1 \2/p' <<<"$out" | awk '{printf "%.2f", $1+$2}')
  local s r
  s=$(sed -n 's/.* seconds=\([0-9.]*\) .*/\1/p' <<<"$out" | head -1)
  r=$(sed -n 's/.*events_per_second=\([0-9]*\).*/\1/p' <<<"$out" | head -1)
  echo "eddy-$label query=$q seconds=${s:-failed} events_per_second=${r:-} cpu=$cpu load1=$(cut -d' ' -f1 /proc/loadavg)" >&2
  echo "${s:-} ${cpu}"
}

echo "# $(date -u '+%Y-%m-%d %H:%M:%S UTC')  $(git -C "$ROOT" rev-parse --short HEAD)  JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)  $(nproc) cores  load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
rows=()
IFS=, read -ra qs <<<"$queries"
for q in "${qs[@]}"; do
  es="" ec="" ds="" dc=""
  if [ "$sql" = 1 ]; then read -r es ec < <(eddy sql --sql); fi
  if [ "$datastream" = 1 ]; then read -r ds dc < <(eddy datastream); fi
  f=$(FLINK_BENCH_SKIP_BUILD=1 FLINK_BENCH_TIMEOUT=$flink_timeout "$HERE/run.sh" --queries "$q" --events "$events" --parallelism "$parallelism" \
        --conf "state.backend.type=$flink_backend" 2>/dev/null | grep '^flink query=' || true)
  echo "$f" >&2
  fj=$(sed -n 's/.*job_seconds=\([0-9.]*\).*/\1/p' <<<"$f")
  fc=$(sed -n 's/.*cpu_seconds=\([0-9.]*\).*/\1/p' <<<"$f")
  [ -n "$fj" ] || fj=$(sed -n 's/.*events=[0-9]* \(unsupported\|failed\|timeout\).*/\1/p' <<<"$f")
  ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a+0 > 0 && b+0 > 0) printf "%.2f", a/b }'; }
  rows+=("| $q | $es ($ec) | $ds ($dc) | $fj ($fc) | $(ratio "$fj" "$es") | $(ratio "$fj" "$ds") | $(ratio "$es" "$ds") | $(cut -d' ' -f1 /proc/loadavg) |")
done
echo
echo "| query | Eddy SQL s (cpu) | Eddy DataStream s (cpu) | Flink job s (cpu) | Flink job / Eddy SQL | Flink job / Eddy DataStream | Eddy SQL / DataStream | load |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
