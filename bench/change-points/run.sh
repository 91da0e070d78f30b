#!/usr/bin/env bash
# Quality benchmark of perfgate's change-point detection (perfgate-stats ChangePoints): seeded
# synthetic series, precision, recall, false detections, time; one PASS/FAIL line per bar.
# Usage: bench/change-points/run.sh [--series N]   (default 500 series)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
. bin/find-jdk.sh
classpath_file=$(mktemp)
trap 'rm -f "$classpath_file"' EXIT
# -am builds perfgate-model in the same reactor, so a fresh clone needs no prior install.
./mvnw -q -B -pl perfgate-stats -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test >/dev/null
cp="$root/perfgate-stats/target/test-classes:$root/perfgate-stats/target/classes:$(cat "$classpath_file")"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -n 1)"
start=$(date +%s.%N)
java -cp "$cp" org.perfgate.stats.ChangePointBenchmark "$@"
echo "benchmark wall time: $(echo "$(date +%s.%N) - $start" | bc | xargs printf '%.1f') s"
