package org.exhibitormesos.mesos.local.process;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Persistent volume directories of one emulated agent, where a real agent keeps them: {@code
 * <agentWorkDir>/volumes/roles/<role>/<persistenceId>}, with {@code /} in hierarchical roles
 * replaced by a space. Mounting is a symlink from the sandbox, as with the posix filesystem
 * isolator. Thread-safe as far as the file system is; no state of its own.
 */
public final class VolumeDirectories {
  private static final Logger LOG = LogManager.getLogger(VolumeDirectories.class);

  private final Path root;

  public VolumeDirectories(Path agentWorkDir) {
    this.root = Objects.requireNonNull(agentWorkDir, "agentWorkDir").resolve("volumes")
        .resolve("roles");
  }

  /** The host path of the volume, whether or not it exists. */
  public Path path(String role, String persistenceId) {
    Objects.requireNonNull(role, "role");
    return root.resolve(PathSegments.require("role", role.replace('/', ' ')))
        .resolve(PathSegments.require("persistenceId", persistenceId));
  }

  /** Creates the volume directory if needed (idempotent) and returns it. */
  public Path create(String role, String persistenceId) throws IOException {
    Path volume = path(role, persistenceId);
    if (!Files.isDirectory(volume)) {
      Files.createDirectories(volume);
      LOG.info("created persistent volume {} for role {} at {}", persistenceId, role, volume);
    }
    return volume;
  }

  /** Whether the volume directory exists. */
  public boolean exists(String role, String persistenceId) {
    return Files.isDirectory(path(role, persistenceId), LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * Deletes the volume and its data; nothing happens if it does not exist. Symlinks inside are
   * deleted, never followed.
   */
  public void destroy(String role, String persistenceId) throws IOException {
    Path volume = path(role, persistenceId);
    if (!Files.exists(volume, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(volume, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
    LOG.info("destroyed persistent volume {} of role {} (data deleted)", persistenceId, role);
  }

  /**
   * Makes {@code volume} appear at {@code <sandbox>/<containerPath>} as a symlink. Idempotent when
   * the link already points at {@code volume}.
   *
   * @throws IllegalArgumentException if {@code containerPath} is absolute, nested ({@code a/b}),
   *     empty, {@code .} or {@code ..}
   * @throws NoSuchFileException if the volume or the sandbox does not exist
   * @throws FileAlreadyExistsException if something else is already at that path
   */
  public void mount(Path volume, Path sandbox, String containerPath) throws IOException {
    Objects.requireNonNull(volume, "volume");
    Objects.requireNonNull(sandbox, "sandbox");
    if (containerPath == null || containerPath.startsWith("/")) {
      throw new IllegalArgumentException("container path '" + containerPath
          + "' must be relative to the sandbox");
    }
    PathSegments.require("container path", containerPath);
    if (!Files.isDirectory(volume)) {
      throw new NoSuchFileException(volume.toString(), null, "persistent volume does not exist");
    }
    if (!Files.isDirectory(sandbox)) {
      throw new NoSuchFileException(sandbox.toString(), null, "sandbox does not exist");
    }
    Path link = sandbox.resolve(containerPath);
    if (Files.isSymbolicLink(link)) {
      if (Files.readSymbolicLink(link).equals(volume)) {
        return;
      }
      throw new FileAlreadyExistsException(link.toString(), Files.readSymbolicLink(link).toString(),
          "already linked to another volume");
    }
    Files.createSymbolicLink(link, volume);
    LOG.info("mounted volume {} at {} (symlink, posix isolator)", volume, link);
  }
}
