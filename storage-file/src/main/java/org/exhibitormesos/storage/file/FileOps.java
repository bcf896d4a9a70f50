package org.exhibitormesos.storage.file;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The file operations {@link FileStateStore} performs to read and write its data file, behind a
 * narrow interface so tests can record their order and inject failures. Locking is not part of it:
 * it is always the real OS lock.
 *
 * <p>Implementations need not be thread-safe; the store calls them from one thread at a time.
 */
public interface FileOps {

  /** @return the operations on the real file system */
  static FileOps system() {
    return SystemFileOps.INSTANCE;
  }

  /**
   * @param file the file to read
   * @return its whole content
   * @throws NoSuchFileException if the file does not exist
   * @throws IOException if it cannot be read
   */
  byte[] readAll(Path file) throws IOException;

  /**
   * Opens {@code file} for writing, creating it or truncating what is there.
   *
   * @param file the file to write
   * @return an open handle; the caller closes it
   * @throws IOException if it cannot be opened
   */
  WritableFile create(Path file) throws IOException;

  /**
   * Renames {@code source} to {@code target} atomically, replacing {@code target} if it exists.
   *
   * @throws IOException if the rename fails or cannot be atomic
   */
  void move(Path source, Path target) throws IOException;

  /**
   * Deletes {@code file} if it exists.
   *
   * @throws IOException if it exists and cannot be deleted
   */
  void delete(Path file) throws IOException;

  /**
   * Forces the directory entry changes (creations, renames, deletions) of {@code directory} to disk.
   *
   * @throws IOException if the directory cannot be opened or forced
   */
  void syncDirectory(Path directory) throws IOException;

  /** A file open for writing. */
  interface WritableFile extends Closeable {

    /**
     * Writes all of {@code data} at the current position.
     *
     * @throws IOException if the write fails
     */
    void write(byte[] data) throws IOException;

    /**
     * Forces the content and metadata written so far to the storage device.
     *
     * @throws IOException if the force fails
     */
    void force() throws IOException;
  }
}
