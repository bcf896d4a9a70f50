package org.exhibitormesos.scheduler.artifacts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The files the scheduler serves to executors: only regular files directly in one folder. Looking
 * a name up never leaves the folder: names with separators, dot-names and symbolic links that
 * resolve outside the folder are refused. Thread-safe; touches the file system only in
 * {@link #find(String)}.
 */
public final class ArtifactFolder {
  /** What a lookup found. */
  public sealed interface Lookup {}

  /** A servable file and its size in bytes. */
  public record Found(Path file, long size) implements Lookup {}

  /** A name that can never name an artifact (a path, a dot-name); the reason is for the client. */
  public record Malformed(String reason) implements Lookup {}

  /** No such artifact (also: a link leading outside the folder, a folder, an unreadable file). */
  public record Missing(String name) implements Lookup {}

  private final Path folder;

  /** @param folder the artifacts folder; it need not exist yet */
  public ArtifactFolder(Path folder) {
    this.folder = Objects.requireNonNull(folder, "folder").toAbsolutePath().normalize();
  }

  public Path folder() {
    return folder;
  }

  /** @param name an artifact's name, already URL-decoded */
  public Lookup find(String name) {
    if (name.isEmpty()) {
      return new Malformed("no artifact name");
    }
    if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0) {
      return new Malformed("an artifact name is a plain file name, without '/', '\\' or NUL");
    }
    if (name.startsWith(".")) {
      // Covers "." and ".." (traversal) and hidden files, which are never artifacts.
      return new Malformed("an artifact name does not start with '.'");
    }
    try {
      Path root = folder.toRealPath();
      Path file = root.resolve(name);
      if (!file.getParent().equals(root)) {
        return new Malformed("an artifact name is a plain file name");
      }
      Path real = file.toRealPath();
      // A link inside the folder may point anywhere: serve it only if it stays inside.
      if (!real.startsWith(root) || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)
          || !Files.isReadable(real)) {
        return new Missing(name);
      }
      return new Found(real, Files.size(real));
    } catch (IOException | java.nio.file.InvalidPathException e) {
      return new Missing(name);
    }
  }
}
