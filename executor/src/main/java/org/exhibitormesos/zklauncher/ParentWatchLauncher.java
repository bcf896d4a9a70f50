package org.exhibitormesos.zklauncher;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs a main class (ZooKeeper's {@code QuorumPeerMain}, or Exhibitor's later) and halts the JVM
 * when the executor that started it is gone, even if the executor was killed with SIGKILL.
 *
 * <p>Why this way: Java has no parent-death signal, and Linux's {@code PR_SET_PDEATHSIG} (what
 * {@code setpriv --pdeathsig} sets) fires when the <em>thread</em> that forked the child exits,
 * which in a JVM is any short-lived thread, not the executor process. A pipe is tied to the
 * process instead: the executor starts this JVM with its standard input a pipe whose write end
 * only the executor holds, and never writes to it. When the executor process ends, for whatever
 * reason, the kernel closes that end and the read below sees end-of-file; this class then halts
 * the JVM at once ({@link Runtime#halt}, no shutdown hooks: nobody is left to report to, and a
 * clean ZooKeeper shutdown is not needed for safety: its transaction log is fsynced).
 *
 * <p>Usage: {@code java ... org.exhibitormesos.zklauncher.ParentWatchLauncher <main class>
 * <args...>}. Exit status {@value #ORPHANED} when halted because the executor is gone.
 */
public final class ParentWatchLauncher {
  /** Exit status of a JVM halted because its executor went away. */
  public static final int ORPHANED = 86;
  /** Exit status for a usage error. */
  public static final int USAGE = 64;

  private ParentWatchLauncher() {}

  public static void main(String[] args) throws Throwable {
    if (args.length < 1) {
      System.err.println("usage: ParentWatchLauncher <main class> [args...]");
      Runtime.getRuntime().halt(USAGE);
    }
    watch(System.in);
    Method main = Class.forName(args[0]).getMethod("main", String[].class);
    try {
      main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Starts the daemon thread that halts the JVM when {@code parent} reaches end-of-file. */
  static Thread watch(InputStream parent) {
    Thread watcher = new Thread(() -> {
      try {
        byte[] buffer = new byte[64];
        while (parent.read(buffer) >= 0) {
          // The executor never writes; anything read is ignored.
        }
      } catch (IOException e) {
        // A broken pipe means the same: the executor is gone.
      }
      System.err.println("exhibitor-mesos launcher: executor gone (stdin closed); halting");
      System.err.flush();
      Runtime.getRuntime().halt(ORPHANED);
    }, "executor-watch");
    watcher.setDaemon(true);
    watcher.start();
    return watcher;
  }
}
