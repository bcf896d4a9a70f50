package org.exhibitormesos.mesos.local.process;

/**
 * A URI could not be fetched or extracted; the launch fails (a real agent reports {@code
 * TASK_FAILED} with {@code REASON_CONTAINER_LAUNCH_FAILED}). The message names the URI and the
 * cause.
 */
public final class FetchException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String uri;

  public FetchException(String uri, String reason, Throwable cause) {
    super("failed to fetch '" + uri + "': " + reason, cause);
    this.uri = uri;
  }

  public FetchException(String uri, String reason) {
    this(uri, reason, null);
  }

  /** The URI as given in the {@link FetchUri}. */
  public String uri() {
    return uri;
  }
}
