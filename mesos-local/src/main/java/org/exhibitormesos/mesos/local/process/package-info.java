/**
 * How mesos-local runs executors as real operating-system processes, the way a Mesos agent with
 * the Mesos containerizer and the posix isolators would: sandboxes, the fetcher, persistent volume
 * directories, the {@code MESOS_*} environment and process groups.
 *
 * <p>Mechanisms (Linux only, as the emulator is):
 *
 * <ul>
 *   <li>Every executor runs in its own session and process group: the JVM starts util-linux
 *       {@code setsid <command...>} as the direct child. A child forked by the JVM is never a group
 *       leader, so {@code setsid} calls {@code setsid(2)} and then execs the command in place: the
 *       child's pid is the session id and the process group id. {@link
 *       org.exhibitormesos.mesos.local.process.ProcessLauncher#start} waits until
 *       {@code /proc/<pid>/stat} shows {@code pgrp == pid} before returning, so a signal sent right
 *       after start cannot miss the group.
 *   <li>Groups are signalled with procps {@code kill -<SIG> -- -<pgid>} (one {@code kill(2)} on the
 *       whole group, so members forking concurrently are not missed); the JDK has no API for
 *       process groups.
 *   <li>Exit codes are what {@link java.lang.Process#exitValue()} reports on Linux: the exit
 *       status, or {@code 128 + signal} for a child killed by a signal (137 for SIGKILL, 143 for
 *       SIGTERM), matching shell conventions.
 *   <li>Every process carries {@code MESOS_LOCAL_RUN=<marker>} (inherited by its descendants unless
 *       they scrub their environment), so {@link org.exhibitormesos.mesos.local.process.RunMarkers}
 *       can find leftovers of a run through {@code /proc/<pid>/environ}, even ones that escaped
 *       their group.
 *   <li>The fetcher extracts tar archives with the system {@code tar -xf} (as a real agent does;
 *       GNU tar detects gzip, bzip2 and xz itself) and zip archives with {@link java.util.zip}.
 * </ul>
 */
package org.exhibitormesos.mesos.local.process;
