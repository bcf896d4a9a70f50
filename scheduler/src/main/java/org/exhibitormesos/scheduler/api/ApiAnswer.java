package org.exhibitormesos.scheduler.api;

import java.util.Objects;
import org.exhibitormesos.core.api.ApiJson;
import org.exhibitormesos.core.api.ApiResponse;
import org.exhibitormesos.core.api.StatusView;

/**
 * An API answer before it is written: the HTTP status code and the response envelope.
 *
 * @param status the HTTP status code (see {@link ControlApi} for which one when)
 * @param response the JSON envelope
 */
public record ApiAnswer(int status, ApiResponse<StatusView> response) {
  public ApiAnswer {
    Objects.requireNonNull(response, "response");
  }

  /** A 200 answer. */
  public static ApiAnswer ok(String message, StatusView value) {
    return new ApiAnswer(200, ApiResponse.ok(message, value));
  }

  /** An answer with {@code success: false} and no value. */
  public static ApiAnswer refused(int status, String message) {
    return new ApiAnswer(status, ApiResponse.refused(message));
  }

  /** The body, as {@link ApiJson} writes it. */
  public String json() {
    return ApiJson.write(response);
  }
}
