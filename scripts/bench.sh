#!/usr/bin/env bash
# Runs the JMH benchmark suite and prints every figure and each goal's ratio (docs/benchmarks.md).
#
#   scripts/bench.sh                 # the whole suite with each benchmark's own settings (~10-15 min)
#   scripts/bench.sh --quick         # the whole suite, fewer and shorter iterations (a few minutes)
#   scripts/bench.sh [--quick] REGEX [JMH options]   # some benchmarks, e.g. BulkApply -p content=rules:10000
#
# Kernel benchmarks (ClientLatency, EchoCost, BulkApply, UpdateScaling) need root: each works in a
# network namespace it creates (ip netns add jnft-bench-...) and deletes, never in this machine's
# own ruleset, which is checked to be unchanged afterwards. Without root only the codec and
# parser benchmarks run.
#
# Builds benchmarks/target/benchmarks.jar when it is missing or older than the sources
# (BENCH_MVN_ARGS adds Maven options, e.g. BENCH_MVN_ARGS=-o). Writes:
#   benchmarks/target/jmh-result.json   JMH's results (-rf json)
#   benchmarks/target/jmh-report.md     machine, command, a table per result, the goals
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/ensure-deps.sh
set +e

quick=0
if [ "${1:-}" = "--quick" ]; then
  quick=1
  shift
fi

jar=benchmarks/target/benchmarks.jar
result=benchmarks/target/jmh-result.json
report=benchmarks/target/jmh-report.md

# ---------------------------------------------------------------- build if needed
stale=0
if [ ! -f "$jar" ]; then
  stale=1
elif [ -n "$(find pom.xml */pom.xml */src/main -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
  stale=1
fi
if [ "$stale" = 1 ]; then
  echo "bench: building $jar" >&2
  # shellcheck disable=SC2086
  mvn -B -q ${BENCH_MVN_ARGS:-} -DskipTests -pl benchmarks -am package || { echo "bench: build failed" >&2; exit 1; }
fi

# ---------------------------------------------------------------- what to run
args=("$@")
if [ "$(id -u)" -ne 0 ]; then
  echo "bench: not root — the kernel benchmarks (ClientLatency, EchoCost, BulkApply, UpdateScaling) need root" \
       "(each runs in a network namespace of its own); running only the codec and parser benchmarks." >&2
  if [ "${#args[@]}" -eq 0 ] || [[ "${args[0]}" == -* ]]; then
    args=('JsonGeneration|JsonDecoding|Parser' "${args[@]}")
  fi
fi
has_opt() { local a; for a in "${args[@]}"; do [ "$a" = "$1" ] && return 0; done; return 1; }
mode_args=()
if [ "$quick" = 1 ]; then
  # One fork, one warm-up and three measured iterations of one second each (for single-shot
  # benchmarks: one warm-up shot and three measured shots); options given on the command line win
  # (JMH refuses an option given twice).
  for opt in "-f 1" "-wi 1" "-i 3" "-w 1s" "-r 1s"; do
    has_opt "${opt% *}" || mode_args+=(${opt})
  done
fi
if has_opt -rf || has_opt -rff; then
  echo "bench: leave -rf/-rff to the script (results go to $result)" >&2
  exit 2
fi
cmd=(java -jar "$jar" "${args[@]}" "${mode_args[@]}" -rf json -rff "$result")

# ---------------------------------------------------------------- machine, before
host_ruleset() { nft list ruleset 2>&1 | sha256sum | cut -d' ' -f1; }
netns_list() { ip netns list 2>/dev/null | awk '{print $1}' | grep '^jnft-bench-' | sort; }
if [ "$(id -u)" -eq 0 ]; then
  ruleset_before=$(host_ruleset)
  netns_before=$(netns_list)
fi
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u +%Y-%m-%dT%H:%MZ)

echo "bench: ${cmd[*]}" >&2
"${cmd[@]}"
rc=$?

load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# ---------------------------------------------------------------- report
{
  echo "# Benchmark run $started"
  echo
  echo "- command: \`${cmd[*]}\` (from the project root$([ "$quick" = 1 ] && echo ", quick mode: figures indicative only"))"
  echo "- machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')), kernel $(uname -r)," \
       "$(java -version 2>&1 | head -1), $(nft --version 2>/dev/null)"
  echo "- load average (1/5/15 min): $load_before before, $load_after after"
  echo "- JMH exit status: $rc"
  echo
  if [ -s "$result" ]; then
    java -cp "$jar" io.jnftables.benchmarks.GoalReport "$result"
  else
    echo "(no results: $result is missing or empty)"
  fi
} > "$report"
cat "$report"
echo >&2
echo "bench: results $result, report $report" >&2

# ---------------------------------------------------------------- machine, after
if [ "$(id -u)" -eq 0 ]; then
  ruleset_after=$(host_ruleset)
  if [ "$ruleset_before" != "$ruleset_after" ]; then
    echo "FAIL: the machine's own ruleset changed during the benchmarks (sha256 $ruleset_before -> $ruleset_after)" >&2
    exit 1
  fi
  left=$(comm -13 <(echo "$netns_before") <(netns_list))
  if [ -n "$left" ]; then
    echo "FAIL: network namespaces left behind: $left" >&2
    exit 1
  fi
  echo "bench: host ruleset unchanged (sha256 $ruleset_after), no namespace left behind" >&2
fi
exit $rc
