#!/usr/bin/env bash
# Bare-ZooKeeper floor: time to quorum, follower recovery, leader failover; median and spread.
# Flags: --servers 3,5  --runs 5  --zookeeper-lib DIR  --work-dir DIR   (see ScenarioMain)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/bench/target/benchmarks.jar"
if [[ ! -f "$jar" || ! -d "$root/bench/target/zookeeper-lib" ]]; then
  (cd "$root" && mvn -B -q -pl bench -am verify -DskipTests)
fi
echo "nproc $(nproc); load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
java -Xmx256m -cp "$jar" org.exhibitormesos.bench.floor.ScenarioMain \
  --zookeeper-lib "$root/bench/target/zookeeper-lib" "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
