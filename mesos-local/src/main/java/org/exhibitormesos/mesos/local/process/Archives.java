package org.exhibitormesos.mesos.local.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Extraction as the Mesos fetcher does it, by file name: tar archives ({@code .tar .tgz .tar.gz
 * .tbz2 .tar.bz2 .txz .tar.xz}) with the system {@code tar -C <sandbox> -xf} (GNU tar detects the
 * compression; members with {@code ..} or absolute names are not written outside the sandbox),
 * {@code .zip} with {@link ZipFile} (overwriting, like {@code unzip -o}; Unix permissions in zip
 * entries are not restored, as the JDK does not expose them), and a lone {@code .gz} gunzipped next
 * to itself without the suffix. The archive itself is kept.
 */
final class Archives {
  enum Kind { TAR, ZIP, GZIP, NONE }

  private static final List<String> TAR_SUFFIXES =
      List.of(".tar", ".tgz", ".tar.gz", ".tbz2", ".tar.bz2", ".txz", ".tar.xz");

  private Archives() {}

  static Kind kind(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (TAR_SUFFIXES.stream().anyMatch(name::endsWith)) {
      return Kind.TAR;
    }
    if (name.endsWith(".zip")) {
      return Kind.ZIP;
    }
    return name.endsWith(".gz") ? Kind.GZIP : Kind.NONE;
  }

  /**
   * Extracts {@code archive} into {@code sandbox} if its name says it is an archive.
   *
   * @return the kind that was extracted ({@link Kind#NONE}: left as is)
   * @throws FetchException naming {@code uri} if the archive is broken or extraction times out
   */
  static Kind extract(String uri, Path archive, Path sandbox, Duration timeout)
      throws FetchException {
    Kind kind = kind(archive.getFileName().toString());
    try {
      switch (kind) {
        case TAR -> untar(uri, archive, sandbox, timeout);
        case ZIP -> unzip(uri, archive, sandbox);
        case GZIP -> gunzip(archive);
        case NONE -> { }
        default -> throw new AssertionError(kind);
      }
    } catch (IOException e) {
      throw new FetchException(uri, "cannot extract " + archive.getFileName() + " ("
          + kind.name().toLowerCase(Locale.ROOT) + "): " + e.getMessage(), e);
    }
    return kind;
  }

  private static void untar(String uri, Path archive, Path sandbox, Duration timeout)
      throws IOException, FetchException {
    List<String> argv = List.of(Executables.find("tar"), "-C", sandbox.toString(), "-xf",
        archive.toString());
    Path output = Files.createTempFile("mesos-local-tar", ".out");
    Process tar = null;
    try {
      tar = new ProcessBuilder(argv)
          .redirectErrorStream(true)
          .redirectOutput(output.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
          .start();
      if (!tar.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new FetchException(uri, "extracting " + archive.getFileName() + " with tar took"
            + " longer than " + timeout.toMillis() + " ms");
      }
      if (tar.exitValue() != 0) {
        throw new FetchException(uri, "bad archive " + archive.getFileName() + ": tar exited with "
            + tar.exitValue() + ": " + Files.readString(output, StandardCharsets.UTF_8).trim());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException(uri, "interrupted while extracting " + archive.getFileName(), e);
    } finally {
      if (tar != null && tar.isAlive()) {
        tar.destroyForcibly();
      }
      Files.deleteIfExists(output);
    }
  }

  private static void unzip(String uri, Path archive, Path sandbox)
      throws IOException, FetchException {
    Path root = sandbox.toAbsolutePath().normalize();
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        Path target = root.resolve(entry.getName()).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
          throw new FetchException(uri, "bad archive " + archive.getFileName() + ": entry '"
              + entry.getName() + "' points outside the sandbox");
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = zip.getInputStream(entry)) {
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (ZipException e) {
      throw new FetchException(uri, "bad archive " + archive.getFileName() + ": " + e.getMessage(),
          e);
    }
  }

  private static void gunzip(Path archive) throws IOException {
    String name = archive.getFileName().toString();
    Path target = archive.resolveSibling(name.substring(0, name.length() - ".gz".length()));
    try (InputStream in = new GZIPInputStream(Files.newInputStream(archive))) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
