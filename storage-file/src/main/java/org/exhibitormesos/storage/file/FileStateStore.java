package org.exhibitormesos.storage.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.exhibitormesos.core.state.store.StateStore;
import org.exhibitormesos.core.state.store.StateStoreException;
import org.exhibitormesos.core.state.store.StateStoreException.Reason;
import org.exhibitormesos.core.state.store.Versioned;
import org.exhibitormesos.core.state.store.WriteResult;

/**
 * A {@link StateStore} on one local file, in the format of {@link StateFileFormat}.
 *
 * <p><b>Files</b>, for a state file {@code x.json}: {@code x.json} holds the data (missing means
 * nothing stored); {@code x.json.tmp} is the next version being written, ignored by reads;
 * {@code x.json.lock} carries the OS lock and is never deleted.
 *
 * <p><b>Writes</b> happen in this order, so that after a crash or power loss the state file holds
 * either the old or the new document, complete: (1) read and decode the current file, compare
 * versions; (2) write the temp file; (3) force it to disk; (4) rename it atomically over the state
 * file; (5) force the directory, so the rename is durable (works on Linux; see
 * {@link FileOps#syncDirectory}). A failure before (4) leaves the old file untouched. Versions are
 * the counter in the header, never the modification time; the first write stores version 1.
 *
 * <p><b>Exclusion</b>: {@link #open} takes an OS lock on {@code x.json.lock} and holds it until
 * {@link #close()}; a second store on the same file, in this or another JVM, fails with
 * {@link Reason#LOCKED}. The OS releases the lock when the process dies, even by SIGKILL.
 *
 * <p><b>Threads</b>: all methods are synchronized, so the store is thread-safe; it is meant for one
 * writer thread.
 */
public final class FileStateStore implements StateStore {

  /** The prefix of a store spec, as in {@code file:/var/lib/exhibitor-mesos/state.json}. */
  public static final String SCHEME = "file:";

  private final Path file;
  private final Path tempFile;
  private final Path directory;
  private final FileOps ops;
  private final StateFileLock lock;
  private boolean closed;

  private FileStateStore(Path file, FileOps ops, StateFileLock lock) {
    this.file = file;
    this.tempFile = sibling(file, ".tmp");
    this.directory = file.getParent();
    this.ops = ops;
    this.lock = lock;
  }

  /**
   * Parses a store spec of the form {@code file:<path>}, the path absolute or relative to the
   * working directory.
   *
   * @param spec the spec, e.g. {@code file:/var/lib/exhibitor-mesos/state.json}
   * @return the path
   * @throws IllegalArgumentException naming the accepted form if {@code spec} is not one
   */
  public static Path parseSpec(String spec) {
    if (spec == null || !spec.startsWith(SCHEME) || spec.length() == SCHEME.length()) {
      throw new IllegalArgumentException(
          "state store spec must have the form file:<path>, got '" + spec + "'");
    }
    String path = spec.substring(SCHEME.length());
    if (path.isBlank() || path.endsWith("/")) {
      throw new IllegalArgumentException(
          "state store spec must have the form file:<path> naming a file, got '" + spec + "'");
    }
    try {
      return Path.of(path);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("state store spec must have the form file:<path>, got '"
          + spec + "': " + e.getMessage(), e);
    }
  }

  /**
   * Opens the store named by a {@code file:<path>} spec and takes its lock.
   *
   * @throws IllegalArgumentException if {@code spec} does not have the form {@code file:<path>}
   * @throws StateStoreException as {@link #open(Path)}
   */
  public static FileStateStore open(String spec) throws StateStoreException {
    return open(parseSpec(spec));
  }

  /**
   * Opens the store on {@code file} and takes its lock. Does not read the file: a corrupt file is
   * reported by the first {@link #read()} or write.
   *
   * @param file the state file; it need not exist, its directory must
   * @return the open store
   * @throws StateStoreException {@code LOCKED} if another store holds the file (message names the
   *     file and the lock file); {@code IO} if the directory is missing or the lock file cannot be
   *     opened
   */
  public static FileStateStore open(Path file) throws StateStoreException {
    return open(file, FileOps.system());
  }

  /**
   * As {@link #open(Path)}, performing data file operations through {@code ops} (for tests).
   *
   * @throws StateStoreException as {@link #open(Path)}
   */
  public static FileStateStore open(Path file, FileOps ops) throws StateStoreException {
    Objects.requireNonNull(ops, "ops");
    Path absolute = file.toAbsolutePath().normalize();
    if (absolute.getFileName() == null) {
      throw new IllegalArgumentException("state file path must name a file, got " + file);
    }
    String store = SCHEME + absolute;
    Path dir = absolute.getParent();
    if (!Files.isDirectory(dir)) {
      throw new StateStoreException(Reason.IO, store, "cannot open state file " + absolute
          + ": directory " + dir + (Files.exists(dir) ? " is not a directory" : " does not exist"));
    }
    if (Files.isDirectory(absolute)) {
      throw new StateStoreException(Reason.IO, store,
          "cannot open state file " + absolute + ": it is a directory");
    }
    StateFileLock lock = StateFileLock.acquire(sibling(absolute, ".lock"), absolute, store);
    return new FileStateStore(absolute, ops, lock);
  }

  /** @return the absolute path of the state file */
  public Path file() {
    return file;
  }

  @Override
  public synchronized Optional<Versioned<byte[]>> read() throws StateStoreException {
    ensureOpen();
    return readFile(file, ops, describe());
  }

  /**
   * Reads a state file without taking its lock, for inspection while a scheduler holds it. Writers
   * replace the file by an atomic rename, so this always sees one complete version.
   *
   * @return empty when the file does not exist
   * @throws StateStoreException {@code CORRUPT} or {@code IO}, as {@link #read()}
   */
  public static Optional<Versioned<byte[]>> readUnlocked(Path file) throws StateStoreException {
    Path absolute = file.toAbsolutePath().normalize();
    return readFile(absolute, FileOps.system(), SCHEME + absolute);
  }

  private static Optional<Versioned<byte[]>> readFile(Path file, FileOps ops, String store)
      throws StateStoreException {
    byte[] content;
    try {
      content = ops.readAll(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StateStoreException(Reason.IO, store,
          "cannot read state file " + file + ": " + e, e);
    }
    try {
      return Optional.of(StateFileFormat.decode(content));
    } catch (StateFileFormat.CorruptStateFileException e) {
      throw new StateStoreException(Reason.CORRUPT, store, "state file " + file
          + " is corrupt: " + e.getMessage()
          + "; it is not treated as empty: restore it from a backup or move it aside", e);
    }
  }

  @Override
  public synchronized WriteResult compareAndSet(byte[] data, long expectedVersion)
      throws StateStoreException {
    Objects.requireNonNull(data, "data");
    if (expectedVersion < ABSENT) {
      throw new IllegalArgumentException(
          "expectedVersion must be >= ABSENT (-1), got " + expectedVersion);
    }
    ensureOpen();
    long actual = currentVersion();
    if (actual != expectedVersion) {
      return new WriteResult.Conflict(actual);
    }
    long next = expectedVersion == ABSENT ? 1 : expectedVersion + 1;
    replace(StateFileFormat.encode(next, data));
    return new WriteResult.Written(next);
  }

  @Override
  public synchronized WriteResult delete(long expectedVersion) throws StateStoreException {
    if (expectedVersion < 0) {
      throw new IllegalArgumentException("expectedVersion must be >= 0, got " + expectedVersion);
    }
    ensureOpen();
    long actual = currentVersion();
    if (actual != expectedVersion) {
      return new WriteResult.Conflict(actual);
    }
    try {
      ops.delete(file);
      ops.syncDirectory(directory);
    } catch (IOException e) {
      throw new StateStoreException(Reason.IO, describe(),
          "cannot delete state file " + file + ": " + e, e);
    }
    return new WriteResult.Written(ABSENT);
  }

  @Override
  public String describe() {
    return SCHEME + file;
  }

  /** Releases the lock. Idempotent; never throws. Does not delete any file. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      lock.close();
    }
  }

  @Override
  public String toString() {
    return "FileStateStore[" + file + "]";
  }

  /** Reads the version on disk rather than trusting memory: the file is the only truth. */
  private long currentVersion() throws StateStoreException {
    return read().map(Versioned::version).orElse(ABSENT);
  }

  private void replace(byte[] content) throws StateStoreException {
    try {
      try (FileOps.WritableFile out = ops.create(tempFile)) {
        out.write(content);
        out.force();
      }
      ops.move(tempFile, file);
    } catch (IOException e) {
      StateStoreException failure = new StateStoreException(Reason.IO, describe(),
          "cannot write state file " + file + " (via " + tempFile + "); the previous version is"
              + " unchanged: " + e, e);
      try {
        ops.delete(tempFile);
      } catch (IOException cleanup) {
        failure.addSuppressed(cleanup);
      }
      throw failure;
    }
    try {
      ops.syncDirectory(directory);
    } catch (IOException e) {
      throw new StateStoreException(Reason.IO, describe(), "state file " + file
          + " was replaced but its directory " + directory + " could not be synced, so the new"
          + " version may not survive a power loss: " + e, e);
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("state store " + describe() + " is closed");
    }
  }

  private static Path sibling(Path file, String suffix) {
    return file.resolveSibling(file.getFileName() + suffix);
  }
}
