package org.exhibitormesos.executor.process;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A log file that never grows past a bound: when writing would take {@code file} past
 * {@code maxBytes}, it is renamed to {@code file.1} (replacing the previous one) and a new
 * {@code file} starts. Together they hold at most {@code 2 * maxBytes}, the newest output in
 * {@code file}. Not thread safe: one writer (the pump thread of one stream).
 */
public final class BoundedLogFile implements AutoCloseable {
  private final Path file;
  private final Path previous;
  private final long maxBytes;
  private OutputStream out;
  private long size;

  /** Opens (appending to) {@code file}. @throws IOException if it cannot be opened */
  public BoundedLogFile(Path file, long maxBytes) throws IOException {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes " + maxBytes + " is not positive");
    }
    this.file = file;
    this.previous = file.resolveSibling(file.getFileName() + ".1");
    this.maxBytes = maxBytes;
    open();
  }

  private void open() throws IOException {
    out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    size = Files.size(file);
  }

  /** Writes {@code len} bytes, rotating first if they would not fit. */
  public void write(byte[] bytes, int off, int len) throws IOException {
    while (len > 0) {
      if (size >= maxBytes) {
        rotate();
      }
      int n = (int) Math.min(len, maxBytes - size);
      out.write(bytes, off, n);
      out.flush();
      size += n;
      off += n;
      len -= n;
    }
  }

  private void rotate() throws IOException {
    out.close();
    Files.move(file, previous, StandardCopyOption.REPLACE_EXISTING);
    open();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
