package org.exhibitormesos.core.state;

/**
 * A state document that cannot be decoded: not JSON, a missing or malformed field, an unknown schema
 * version. The message names the field path and what was expected. A scheduler that meets this
 * stops; it never starts from an empty state instead.
 */
public class StateFormatException extends Exception {
  public StateFormatException(String message) {
    super(message);
  }

  public StateFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
