package org.exhibitormesos.storage.file;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link FileOps} on the real file system that records each call as {@code "op name"} (file name
 * only) and can fail one kind of operation with an {@link IOException}.
 */
final class RecordingFileOps implements FileOps {

  private final FileOps real = FileOps.system();
  private final List<String> calls = new ArrayList<>();
  private String failing;

  /** Makes every later call of {@code op} (e.g. {@code "force"}) throw, after recording it. */
  RecordingFileOps failOn(String op) {
    this.failing = op;
    return this;
  }

  List<String> calls() {
    return List.copyOf(calls);
  }

  void clear() {
    calls.clear();
  }

  @Override
  public byte[] readAll(Path file) throws IOException {
    record("read", file);
    return real.readAll(file);
  }

  @Override
  public WritableFile create(Path file) throws IOException {
    record("create", file);
    WritableFile out = real.create(file);
    return new WritableFile() {
      @Override
      public void write(byte[] data) throws IOException {
        record("write", file);
        out.write(data);
      }

      @Override
      public void force() throws IOException {
        record("force", file);
        out.force();
      }

      @Override
      public void close() throws IOException {
        record("close", file);
        out.close();
      }
    };
  }

  @Override
  public void move(Path source, Path target) throws IOException {
    record("move", source, target);
    real.move(source, target);
  }

  @Override
  public void delete(Path file) throws IOException {
    record("delete", file);
    real.delete(file);
  }

  @Override
  public void syncDirectory(Path directory) throws IOException {
    record("syncDirectory", directory);
    real.syncDirectory(directory);
  }

  private void record(String op, Path... paths) throws IOException {
    StringBuilder call = new StringBuilder(op);
    for (Path path : paths) {
      call.append(' ').append(path.getFileName());
    }
    calls.add(call.toString());
    if (op.equals(failing)) {
      throw new IOException("injected failure of " + call);
    }
  }
}
