package org.exhibitormesos.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads core's golden files, which reach this module through core's test-jar. */
final class GoldenFiles {

  /** The directory the golden configs use for everything on the persistent volume. */
  static final String VOLUME = "/mnt/zk";

  private GoldenFiles() {}

  static String read(String name) {
    String resource = "golden/ensemble/" + name;
    try (InputStream in = GoldenFiles.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new AssertionError("no " + resource + " on the classpath (core test-jar)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
