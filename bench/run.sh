#!/usr/bin/env bash
# bench/run.sh: the performance suite (docs/performance.md).
#
# Builds the project, runs the JMH benchmarks with a fixed short configuration,
# then the plain-Java harnesses (node in process and over TCP, upgrade gaps,
# compile times, the compiler's growth on pathological inputs, command wall times,
# a durable node under each fsync mode,
# a three-member group); prints one markdown table on stdout and
# writes bench/results.json. About 6 minutes on 2 cores. JMH's own report goes
# to bench/target/jmh.txt. SKIP_BUILD=1 reuses the last build.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
if [ "${SKIP_BUILD:-}" != 1 ]; then
  echo "bench: building (mvn -B -q package -DskipTests) ..." >&2
  mvn -B -q package -DskipTests >&2
fi
jar="$root/bench/target/benchmarks.jar"
mkdir -p "$root/bench/target"
jmh_json="$root/bench/target/jmh.json"
# ONLY=durable,cluster bench/run.sh runs only the harnesses named (vm, node, gaps,
# compile, pathological, cli, durable, cluster) and writes bench/target/results-only.json instead.
only="${ONLY:-}"
out="$root/bench/results.json"
[ -n "$only" ] && out="$root/bench/target/results-only.json"
if [ -z "$only" ] || [[ ",$only," == *,vm,* ]]; then
  echo "bench: JMH (VmBench: 10 benchmarks, 1 fork, 8 x 2 s warm-up, 5 x 1 s measured) ..." >&2
  java -jar "$jar" VmBench -f 1 -wi 8 -w 2s -i 5 -r 1s -foe true -rf json -rff "$jmh_json" \
    -jvmArgsAppend "-Dhotsm.root=$root" > "$root/bench/target/jmh.txt"
fi
java -Dhotsm.root="$root" -Dhotsm.bench.only="$only" -cp "$jar" hotsm.bench.Suite "$jmh_json" "$out"
