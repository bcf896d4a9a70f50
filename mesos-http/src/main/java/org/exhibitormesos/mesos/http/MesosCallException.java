package org.exhibitormesos.mesos.http;

/**
 * A master or agent answered a call with an unexpected HTTP status. Carries the status and the
 * plain-text reason Mesos puts in error bodies.
 */
public final class MesosCallException extends Exception {
  private final String call;
  private final int status;
  private final String body;

  /**
   * @param call the call type, e.g. {@code ACCEPT}
   * @param status the HTTP status code
   * @param body the response body (Mesos sends a plain-text reason), possibly empty
   */
  public MesosCallException(String call, int status, String body) {
    super(call + " rejected with HTTP " + status + (body.isBlank() ? "" : ": " + body.strip()));
    this.call = call;
    this.status = status;
    this.body = body;
  }

  /** The call type that was rejected. */
  public String call() {
    return call;
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }

  /** The response body, possibly empty. */
  public String body() {
    return body;
  }
}
