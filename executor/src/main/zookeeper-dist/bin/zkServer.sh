#!/bin/sh
# exhibitor-mesos: the zkServer.sh Exhibitor 1.5.6 drives (it runs "<install>/bin/zkServer.sh start"
# and, before a kill -9, "zkServer.sh stop"). Not Apache's script: ZooKeeper never detaches from
# the task. "start" launches ZooKeeper in the background and returns, so Exhibitor's start call
# completes; ZooKeeper runs under the executor's parent-watch launcher, which halts it as soon as
# the executor's end of a FIFO closes (executor exit, even by SIGKILL), and the executor stops it
# by its pid file when the task ends. Every listener binds to the task's address.
#
# The executor sets, on the Exhibitor process whose environment this script inherits:
#   EXHIBITOR_MESOS_RUN_DIR      where zookeeper.pid, zookeeper.out/.err and zookeeper.log go
#   EXHIBITOR_MESOS_PARENT_FIFO  the FIFO whose only writer is the executor
#   EXHIBITOR_MESOS_ZK_HOST      the task's address (clientPortAddress)
#   EXHIBITOR_MESOS_JAVA         the java binary (default: java on PATH)
#   EXHIBITOR_MESOS_ZK_HEAP_MB   ZooKeeper's maximum heap (default 256)
#   EXHIBITOR_MESOS_ZK_JVM_OPTS  further JVM options (optional)
#   EXHIBITOR_MESOS_ZK_LOG4J     a log4j2 configuration file (default: conf/log4j2.xml)
# conf/java.env, written by Exhibitor from its java-environment setting, is sourced when present
# (it may set JVMFLAGS).
set -u

ZK_HOME=$(cd "$(dirname "$0")/.." && pwd)
MAIN=org.apache.zookeeper.server.quorum.QuorumPeerMain
LAUNCHER=org.exhibitormesos.zklauncher.ParentWatchLauncher
STOP_WAIT_TENTHS=${EXHIBITOR_MESOS_ZK_STOP_TENTHS:-50}

fail() {
  echo "zkServer.sh: $*" >&2
  exit 2
}

[ -n "${EXHIBITOR_MESOS_RUN_DIR:-}" ] || fail "EXHIBITOR_MESOS_RUN_DIR is not set (run by the exhibitor-mesos executor)"
PID_FILE=$EXHIBITOR_MESOS_RUN_DIR/zookeeper.pid

# Prints the pid of this task's ZooKeeper if it is alive.
alive_pid() {
  [ -f "$PID_FILE" ] || return 1
  pid=$(cat "$PID_FILE" 2>/dev/null)
  case "$pid" in ''|*[!0-9]*) return 1 ;; esac
  [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q "$MAIN" || return 1
  state=$(sed -e 's/^.*) //' -e 's/ .*$//' "/proc/$pid/stat" 2>/dev/null)
  [ "$state" != "Z" ] && [ -n "$state" ] || return 1
  echo "$pid"
}

start() {
  if pid=$(alive_pid); then
    echo "ZooKeeper already running as pid $pid"
    return 0
  fi
  [ -n "${EXHIBITOR_MESOS_PARENT_FIFO:-}" ] || fail "EXHIBITOR_MESOS_PARENT_FIFO is not set; refusing to start a ZooKeeper that could outlive its task"
  [ -p "$EXHIBITOR_MESOS_PARENT_FIFO" ] || fail "$EXHIBITOR_MESOS_PARENT_FIFO is not a FIFO"
  [ -n "${EXHIBITOR_MESOS_ZK_HOST:-}" ] || fail "EXHIBITOR_MESOS_ZK_HOST is not set"
  [ -f "$ZK_HOME/conf/zoo.cfg" ] || fail "$ZK_HOME/conf/zoo.cfg does not exist (Exhibitor writes it)"
  JVMFLAGS=${JVMFLAGS:-}
  if [ -f "$ZK_HOME/conf/java.env" ]; then
    . "$ZK_HOME/conf/java.env"
  fi
  # Exhibitor's zoo.cfg has no client address: ZooKeeper would listen on every address.
  cfg=$ZK_HOME/conf/zoo-task.cfg
  grep -v '^clientPortAddress=' "$ZK_HOME/conf/zoo.cfg" > "$cfg.tmp" || fail "cannot write $cfg"
  echo "clientPortAddress=$EXHIBITOR_MESOS_ZK_HOST" >> "$cfg.tmp"
  mv "$cfg.tmp" "$cfg"
  java=${EXHIBITOR_MESOS_JAVA:-java}
  # shellcheck disable=SC2086 # option lists are split on purpose
  "$java" ${EXHIBITOR_MESOS_ZK_JVM_OPTS:-} $JVMFLAGS "-Xmx${EXHIBITOR_MESOS_ZK_HEAP_MB:-256}m" \
    "-Dzookeeper.log.dir=$EXHIBITOR_MESOS_RUN_DIR" \
    "-Dlog4j2.configurationFile=${EXHIBITOR_MESOS_ZK_LOG4J:-$ZK_HOME/conf/log4j2.xml}" \
    -Dzookeeper.admin.enableServer=false \
    "-Dexhibitormesos.parentWatchFifo=$EXHIBITOR_MESOS_PARENT_FIFO" \
    -cp "$ZK_HOME/*:$ZK_HOME/lib/*" "$LAUNCHER" "$MAIN" "$cfg" \
    < /dev/null >> "$EXHIBITOR_MESOS_RUN_DIR/zookeeper.out" 2>> "$EXHIBITOR_MESOS_RUN_DIR/zookeeper.err" &
  pid=$!
  echo "$pid" > "$PID_FILE.tmp" && mv "$PID_FILE.tmp" "$PID_FILE"
  echo "ZooKeeper started as pid $pid"
}

stop() {
  if ! pid=$(alive_pid); then
    echo "ZooKeeper is not running"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null
  n=0
  while [ "$n" -lt "$STOP_WAIT_TENTHS" ] && alive_pid > /dev/null; do
    sleep 0.1
    n=$((n + 1))
  done
  if alive_pid > /dev/null; then
    kill -KILL "$pid" 2>/dev/null
  fi
  rm -f "$PID_FILE"
  echo "ZooKeeper pid $pid stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  status)
    if pid=$(alive_pid); then echo "ZooKeeper running as pid $pid"; else echo "ZooKeeper is not running"; exit 1; fi ;;
  *) echo "usage: zkServer.sh start|stop|restart|status" >&2; exit 64 ;;
esac
