package org.exhibitormesos.scheduler.api;

/**
 * A request the API refuses before it reaches the scheduler's state: a malformed parameter, an
 * unknown route, a body it cannot read. The message names the parameter and the accepted forms.
 */
public final class ApiRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  /** @param status a 4xx HTTP status code */
  public ApiRequestException(int status, String message) {
    super(message, null, false, false);
    if (status < 400 || status > 499) {
      throw new IllegalArgumentException("not a 4xx status: " + status);
    }
    this.status = status;
  }

  /** A 400 Bad Request. */
  public static ApiRequestException badRequest(String message) {
    return new ApiRequestException(400, message);
  }

  /** The HTTP status code to answer with. */
  public int status() {
    return status;
  }
}
