package org.exhibitormesos.core.ensemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden/ensemble/}. Run the tests with
 * {@code -Dgolden.update=true} to rewrite them from the current output, then review the diff.
 */
final class Golden {

  static final String DIR = "golden/ensemble/";
  private static final Path SOURCE_DIR = Path.of("src/test/resources", DIR);

  private Golden() {}

  /** The text of a golden file on the test classpath. */
  static String read(String name) {
    try (InputStream in = Golden.class.getClassLoader().getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new AssertionError("no golden file " + DIR + name
            + "; run with -Dgolden.update=true to create it");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts {@code actual} equals the golden file byte for byte, or rewrites it on request. */
  static void assertMatches(String name, String actual) {
    if (Boolean.getBoolean("golden.update")) {
      try {
        Files.createDirectories(SOURCE_DIR);
        Files.writeString(SOURCE_DIR.resolve(name), actual, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    assertThat(actual).as("rendered text vs golden file %s", name).isEqualTo(read(name));
  }
}
