package org.exhibitormesos.zklauncher;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
 * <p>Exhibitor mode: ZooKeeper is started by Exhibitor's {@code zkServer.sh}, not by the executor,
 * so its standard input is not the executor's pipe. There the executor holds a FIFO open for
 * writing instead, and names it in the system property {@value #FIFO_PROPERTY}; this class then
 * reads the FIFO rather than standard input: end-of-file comes when the last writer, the executor,
 * is gone. Opening a FIFO for reading waits for a writer, so a FIFO nobody holds within
 * {@link #FIFO_OPEN_TIMEOUT_MS} ms halts the JVM too.
 *
 * <p>Usage: {@code java ... org.exhibitormesos.zklauncher.ParentWatchLauncher <main class>
 * <args...>}. Exit status {@value #ORPHANED} when halted because the executor is gone.
 */
public final class ParentWatchLauncher {
  /** Exit status of a JVM halted because its executor went away. */
  public static final int ORPHANED = 86;
  /** Exit status for a usage error. */
  public static final int USAGE = 64;
  /** The system property naming the FIFO to watch instead of standard input. */
  public static final String FIFO_PROPERTY = "exhibitormesos.parentWatchFifo";
  /** How long opening the FIFO may wait for its writer. */
  public static final long FIFO_OPEN_TIMEOUT_MS = 10_000;

  private ParentWatchLauncher() {}

  public static void main(String[] args) throws Throwable {
    if (args.length < 1) {
      System.err.println("usage: ParentWatchLauncher <main class> [args...]");
      Runtime.getRuntime().halt(USAGE);
    }
    String fifo = System.getProperty(FIFO_PROPERTY, "");
    if (fifo.isEmpty()) {
      watch(System.in);
    } else {
      watchFifo(fifo);
    }
    Method main = Class.forName(args[0]).getMethod("main", String[].class);
    try {
      main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /**
   * Opens {@code fifo} for reading on a daemon thread and watches it; halts the JVM if it cannot
   * be opened within {@link #FIFO_OPEN_TIMEOUT_MS} (nobody holds it: the executor is gone).
   */
  static void watchFifo(String fifo) throws InterruptedException {
    CountDownLatch opened = new CountDownLatch(1);
    Thread opener = new Thread(() -> {
      InputStream in;
      try {
        in = new FileInputStream(fifo); // blocks until a writer holds the FIFO
      } catch (IOException e) {
        halt("cannot open " + fifo + " (" + e.getMessage() + ")");
        return;
      }
      opened.countDown();
      readToEnd(in, "FIFO " + fifo + " closed");
    }, "executor-watch");
    opener.setDaemon(true);
    opener.start();
    if (!opened.await(FIFO_OPEN_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
      halt("nobody holds " + fifo + " after " + FIFO_OPEN_TIMEOUT_MS + " ms");
    }
  }

  /** Starts the daemon thread that halts the JVM when {@code parent} reaches end-of-file. */
  static Thread watch(InputStream parent) {
    Thread watcher = new Thread(() -> readToEnd(parent, "stdin closed"), "executor-watch");
    watcher.setDaemon(true);
    watcher.start();
    return watcher;
  }

  private static void readToEnd(InputStream parent, String what) {
    try {
      byte[] buffer = new byte[64];
      while (parent.read(buffer) >= 0) {
        // The executor never writes; anything read is ignored.
      }
    } catch (IOException e) {
      // A broken pipe means the same: the executor is gone.
    }
    halt(what);
  }

  private static void halt(String why) {
    System.err.println("exhibitor-mesos launcher: executor gone (" + why + "); halting");
    System.err.flush();
    Runtime.getRuntime().halt(ORPHANED);
  }
}
