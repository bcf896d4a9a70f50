#!/usr/bin/env bash
# Footprint: RSS of the scheduler process holding 255 servers (default), or of each executor beside its
# ZooKeeper (--measure executor; --executor-variants 'OPTS|OPTS|OPTS' compares java-options per server).
# Flags: see org.exhibitormesos.bench.ours.FootprintMain.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/bench/target/benchmarks.jar"
if [[ ! -f "$jar" || ! -f "$root/bench/target/ours/scheduler.jar" ]]; then
  (cd "$root" && mvn -B -q -pl bench -am package -DskipTests)
fi
cd "$root"
exec java -Xmx128m -cp "$jar" org.exhibitormesos.bench.ours.FootprintMain "$@"
