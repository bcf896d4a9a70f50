package org.exhibitormesos.exhibitor.client;

import java.io.IOException;
import java.util.OptionalInt;

/**
 * Exhibitor did not answer as expected: no connection, a timeout, an HTTP status other than 200,
 * an answer that is not the JSON expected, or a config change it refused.
 */
public final class ExhibitorException extends IOException {
  private final OptionalInt status;

  public ExhibitorException(String message, OptionalInt status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  public ExhibitorException(String message) {
    this(message, OptionalInt.empty(), null);
  }

  /** The HTTP status, when there was an answer. */
  public OptionalInt status() {
    return status;
  }
}
