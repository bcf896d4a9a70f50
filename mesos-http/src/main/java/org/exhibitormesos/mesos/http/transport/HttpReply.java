package org.exhibitormesos.mesos.http.transport;

import java.util.Objects;

/**
 * A complete, non-streaming HTTP response.
 *
 * @param status the status code
 * @param location the {@code Location} header or {@code null}
 * @param body the body decoded as UTF-8 (Mesos error bodies are plain text), possibly empty
 */
public record HttpReply(int status, String location, String body) {
  public HttpReply {
    Objects.requireNonNull(body, "body");
  }
}
