package org.exhibitormesos.executor.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A FIFO this process holds open for writing, for grandchildren that are not started with the
 * executor's stdin pipe (ZooKeeper under Exhibitor). They read it through
 * {@link org.exhibitormesos.zklauncher.ParentWatchLauncher}; when this JVM ends, even by SIGKILL,
 * the kernel closes its descriptor, the readers see end-of-file and halt. {@link #close()} does
 * the same on purpose.
 *
 * <p>Opened read-write: on Linux that never blocks on a FIFO, while write-only would wait for a
 * reader. Java closes every other inherited descriptor in its children, so no child keeps the
 * FIFO's write side open. Linux only (needs {@code mkfifo}).
 */
public final class ParentWatchFifo implements AutoCloseable {
  private static final Logger LOG = LogManager.getLogger(ParentWatchFifo.class);

  private final Path path;
  private final RandomAccessFile held;

  private ParentWatchFifo(Path path, RandomAccessFile held) {
    this.path = path;
    this.held = held;
  }

  /**
   * Creates the FIFO at {@code path} (replacing whatever is there) and holds it.
   *
   * @throws IOException if {@code mkfifo} fails or the FIFO cannot be opened
   */
  public static ParentWatchFifo create(Path path) throws IOException {
    Files.deleteIfExists(path);
    Process mkfifo = new ProcessBuilder("mkfifo", "-m", "600", path.toString())
        .redirectErrorStream(true).start();
    try {
      if (!mkfifo.waitFor(10, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) {
        mkfifo.destroyForcibly();
        throw new IOException("mkfifo " + path + " failed: "
            + new String(mkfifo.getInputStream().readAllBytes()).strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while creating " + path, e);
    }
    ParentWatchFifo fifo = new ParentWatchFifo(path, new RandomAccessFile(path.toFile(), "rw"));
    LOG.info("holding parent-watch FIFO {}", path);
    return fifo;
  }

  public Path path() {
    return path;
  }

  /** Closes this process's end: every reader halts. Idempotent. */
  @Override
  public void close() {
    try {
      held.close();
    } catch (IOException e) {
      LOG.debug("closing {}", path, e);
    }
  }
}
