package org.exhibitormesos.executor.zookeeper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What ZooKeeper data a directory pair holds before the server starts.
 *
 * @param found whether there is any snapshot, transaction log or {@code myid}
 * @param lastZxid the highest zxid in the names of {@code snapshot.<hex>} and {@code log.<hex>}
 *     files. A snapshot's name is the last zxid it includes; a log's name is its <em>first</em>
 *     zxid, so this is a lower bound of the last zxid on disk, enough to compare members and to
 *     see that data exists without reading ZooKeeper's files
 * @param myid the value of {@code <dataDir>/myid}, if the file holds a number
 */
public record DataOnDisk(boolean found, Optional<Long> lastZxid, Optional<Integer> myid) {
  private static final Pattern DATA_FILE = Pattern.compile("(?:log|snapshot)\\.([0-9a-fA-F]{1,16})");

  /** Nothing there. */
  public static final DataOnDisk EMPTY = new DataOnDisk(false, Optional.empty(), Optional.empty());

  /**
   * Scans {@code dataDir} and {@code dataLogDir} (and their {@code version-2} sub-directories,
   * where ZooKeeper writes) for data files, and reads {@code myid}. Missing directories are
   * empty.
   *
   * @throws IOException if a directory exists but cannot be listed
   */
  public static DataOnDisk scan(Path dataDir, Path dataLogDir) throws IOException {
    Optional<Long> last = Optional.empty();
    boolean files = false;
    for (Path dir : List.of(dataDir, dataDir.resolve("version-2"), dataLogDir,
        dataLogDir.resolve("version-2"))) {
      for (String name : names(dir)) {
        Optional<Long> zxid = zxidOf(name);
        if (zxid.isPresent()) {
          files = true;
          if (last.isEmpty() || Long.compareUnsigned(zxid.get(), last.get()) > 0) {
            last = zxid;
          }
        }
      }
    }
    Optional<Integer> myid = readMyid(dataDir.resolve("myid"));
    boolean myidFile = Files.exists(dataDir.resolve("myid"));
    return new DataOnDisk(files || myidFile, last, myid);
  }

  /** The zxid in a {@code log.<hex>} or {@code snapshot.<hex>} name, else empty. */
  public static Optional<Long> zxidOf(String fileName) {
    Matcher m = DATA_FILE.matcher(fileName);
    return m.matches() ? Optional.of(Long.parseUnsignedLong(m.group(1), 16)) : Optional.empty();
  }

  private static List<String> names(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
    }
  }

  private static Optional<Integer> readMyid(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    String text = Files.readString(file, StandardCharsets.UTF_8).strip();
    try {
      return Optional.of(Integer.parseInt(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
