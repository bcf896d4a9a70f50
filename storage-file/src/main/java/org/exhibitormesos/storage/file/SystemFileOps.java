package org.exhibitormesos.storage.file;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@link FileOps} on the default file system. Stateless and thread-safe. */
final class SystemFileOps implements FileOps {

  static final SystemFileOps INSTANCE = new SystemFileOps();

  private SystemFileOps() {}

  @Override
  public byte[] readAll(Path file) throws IOException {
    return Files.readAllBytes(file);
  }

  @Override
  public WritableFile create(Path file) throws IOException {
    FileChannel channel = FileChannel.open(file, CREATE, TRUNCATE_EXISTING, WRITE);
    return new WritableFile() {
      @Override
      public void write(byte[] data) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(data);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
      }

      @Override
      public void force() throws IOException {
        channel.force(true);
      }

      @Override
      public void close() throws IOException {
        channel.close();
      }
    };
  }

  @Override
  public void move(Path source, Path target) throws IOException {
    Files.move(source, target, ATOMIC_MOVE, REPLACE_EXISTING);
  }

  @Override
  public void delete(Path file) throws IOException {
    Files.deleteIfExists(file);
  }

  /**
   * Forces a directory by opening it read-only and calling {@code fsync} on it. This is how Linux
   * (and other POSIX systems) make a rename durable; some platforms (Windows) refuse to open a
   * directory as a channel and throw here, and the store is not supported there.
   */
  @Override
  public void syncDirectory(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory, READ)) {
      channel.force(true);
    }
  }
}
