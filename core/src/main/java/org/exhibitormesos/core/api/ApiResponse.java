package org.exhibitormesos.core.api;

import java.util.Objects;

/**
 * The envelope of every control API answer: {@code {"success": bool, "message": str, "value": ...}},
 * as the original framework answered.
 *
 * <p>A refusal ({@code success == false}) comes with a 4xx status code and a message naming the bad
 * parameter; nothing changed. {@code message} uses the original's wording on success
 * ({@code Added servers 0..2}, {@code Started servers 0}, {@code Scheduled servers 0} when a start did
 * not wait).
 *
 * @param success whether the request was carried out
 * @param message what happened, or why not; never null (empty when there is nothing to say)
 * @param value the answer's payload; nullable (absent on refusals)
 * @param <T> the payload type; {@link StatusView} for every route
 */
public record ApiResponse<T>(boolean success, String message, T value) {
  public ApiResponse {
    message = Objects.requireNonNullElse(message, "");
  }

  /** A successful answer. */
  public static <T> ApiResponse<T> ok(String message, T value) {
    return new ApiResponse<>(true, message, value);
  }

  /** A refusal: nothing changed, {@code message} says why. */
  public static <T> ApiResponse<T> refused(String message) {
    return new ApiResponse<>(false, message, null);
  }
}
