#!/usr/bin/env bash
# Offer-evaluation benchmark (JMH). Builds bench/target/benchmarks.jar if missing, then runs it.
# Extra arguments go to JMH, e.g.  bench/run-jmh.sh -prof gc   or   bench/run-jmh.sh oneOffer -prof stack
# Default: both benchmarks with allocation figures (-prof gc).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/bench/target/benchmarks.jar"
if [[ ! -f "$jar" ]]; then
  (cd "$root" && mvn -B -q -pl bench -am verify -DskipTests)
fi
if [[ $# -eq 0 ]]; then
  set -- OfferEvaluationBenchmark -prof gc
fi
echo "nproc $(nproc); load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
exec java -jar "$jar" "$@"
