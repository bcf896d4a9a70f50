package org.exhibitormesos.cli;

/** How a client command ends; the process exit status is {@link #status()}. */
public enum ExitCode {
  /** The scheduler carried out the request. */
  OK(0),
  /** The scheduler refused the request or the operation failed; {@code Error: <message>} on stderr. */
  FAILED(1),
  /** Unknown command or option, malformed value, no API URL: nothing was sent. */
  USAGE(2),
  /** The scheduler could not be reached: refused, timed out, unknown host. */
  UNREACHABLE(3);

  private final int status;

  ExitCode(int status) {
    this.status = status;
  }

  public int status() {
    return status;
  }
}
