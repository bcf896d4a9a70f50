#!/usr/bin/env bash
# A five-server ensemble on a real Mesos cluster: state in ZooKeeper, servers spread over racks.
# Run the scheduler first (or through Marathon: see marathon-scheduler.json), then these commands
# from any machine that can reach the scheduler's API.
set -euo pipefail
EM="$(dirname "$0")/../bin/exhibitor-mesos"

# Storage: the scheduler's state in a znode (zk:[user:password@]host:port[,...]/path), which the
# scheduler needs to restart on another host; file:PATH keeps it on the scheduler's own disk.
#   "$EM" scheduler --master zk://zk1:2181/mesos --api http://10.0.0.5:7000 \
#     --storage zk:zk1:2181,zk2:2181,zk3:2181/exhibitor-mesos --framework-role exhibitor --principal exhibitor-mesos
export EM_API="${EM_API:-http://10.0.0.5:7000}"

# Constraints: one server per host, and the five within at most three racks (agents started with
# --attributes rack:r1 etc.). Resources are per server; disk holds ZooKeeper's data on a volume.
"$EM" add 0..4 --cpu 0.5 --mem 1024 --disk 4096 --constraints hostname=unique,rack=groupBy:3
"$EM" start 0..4 --timeout 5m
"$EM" status

# Later: move server 4 off rack r3 at its next launch, and restart it there.
"$EM" config 4 --constraints hostname=unique,rack=unlike:r3
"$EM" stop 4 --timeout 2m && "$EM" start 4 --timeout 5m
