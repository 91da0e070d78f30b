#!/usr/bin/env bash
# Quality benchmark of perfgate's trial comparison (perfgate-stats): seeded synthetic trials,
# false-positive rate, power against an ideal t-test, MDE honesty; one PASS/FAIL line per bar.
# Usage: bench/stats-quality/run.sh [--quick]   (--quick: a tenth of the repetitions)
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
exec java -cp "$cp" org.perfgate.stats.QualityBenchmark "$@"
