package org.exhibitormesos.mesos.local.process;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code CommandInfo.URI}.
 *
 * @param value an {@code http(s)://} or {@code file://} URI, or an absolute path
 * @param executable chmod 0755 after fetching, and never extract
 * @param extract extract a recognised archive into the sandbox (Mesos default: true)
 * @param outputFile the name in the sandbox instead of the URI's last segment; relative, may
 *     contain sub-directories, may not leave the sandbox
 */
public record FetchUri(String value, boolean executable, boolean extract,
    Optional<String> outputFile) {

  public FetchUri {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(outputFile, "outputFile");
    if (value.isBlank()) {
      throw new IllegalArgumentException("URI must not be empty");
    }
    outputFile.ifPresent(name -> {
      Path path = Path.of(name).normalize();
      if (name.isBlank() || path.isAbsolute() || path.startsWith("..")
          || path.toString().isEmpty()) {
        throw new IllegalArgumentException(
            "output_file '" + name + "' of " + value
                + " must be a relative path inside the sandbox");
      }
    });
  }

  /** A URI with Mesos' defaults: not executable, extracted, named after its last segment. */
  public static FetchUri of(String value) {
    return new FetchUri(value, false, true, Optional.empty());
  }
}
