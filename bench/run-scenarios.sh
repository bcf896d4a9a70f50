#!/usr/bin/env bash
# Time to quorum, follower recovery, leader failover (and scale-up for ours), floor and ours interleaved
# (floor, ours, floor, ours ...), median and spread, and the ratio ours/floor.
# Flags: --servers 3,5  --runs 5  --sides floor,ours  --zookeeper-lib DIR  --work-dir DIR
#        --scheduler-jar JAR  --artifacts DIR  --keep true   (see ScenarioMain)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/bench/target/benchmarks.jar"
if [[ ! -f "$jar" || ! -d "$root/bench/target/zookeeper-lib" || ! -f "$root/bench/target/ours/scheduler.jar" ]]; then
  (cd "$root" && mvn -B -q -pl bench -am package -DskipTests)
fi
echo "nproc $(nproc); load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
cd "$root"
java -Xmx256m -cp "$jar" org.exhibitormesos.bench.floor.ScenarioMain \
  --zookeeper-lib "$root/bench/target/zookeeper-lib" "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
