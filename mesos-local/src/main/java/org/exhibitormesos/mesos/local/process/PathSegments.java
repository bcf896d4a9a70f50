package org.exhibitormesos.mesos.local.process;

/** Validation of ids that become single path components (agent, framework, executor ids...). */
final class PathSegments {
  private PathSegments() {}

  /**
   * Returns {@code value} if it is a safe single path component.
   *
   * @throws IllegalArgumentException naming {@code what} if it is null, blank, {@code .}, {@code
   *     ..} or contains {@code /} or NUL
   */
  static String require(String what, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    if (value.equals(".") || value.equals("..") || value.indexOf('/') >= 0
        || value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          what + " '" + value + "' must be a single path component (no '/', not '.' or '..')");
    }
    return value;
  }
}
