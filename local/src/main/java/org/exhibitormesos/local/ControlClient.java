package org.exhibitormesos.local;

import com.google.gson.JsonParseException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import org.exhibitormesos.core.api.ApiJson;
import org.exhibitormesos.core.api.ApiResponse;
import org.exhibitormesos.core.api.ApiRoutes;
import org.exhibitormesos.core.api.StatusView;

/**
 * The scheduler's control API as {@code local} uses it, over HTTP like any operator: status, add,
 * start. Thread-safe.
 */
final class ControlClient {
  /** An answer: the HTTP status and the decoded response. */
  record Answer(int status, ApiResponse<StatusView> response) {
    boolean ok() {
      return status == 200 && response.success();
    }
  }

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** @param base {@code http://127.0.0.1:7000} */
  ControlClient(String base) {
    this.base = base;
  }

  Answer status() throws IOException, InterruptedException {
    return post(ApiRoutes.STATUS, Map.of());
  }

  /**
   * @param parameters the route's parameters, such as {@code id=0..2}
   * @throws IOException when the scheduler cannot be reached or answers something else than an API answer
   */
  Answer post(String route, Map<String, String> parameters) throws IOException, InterruptedException {
    StringJoiner form = new StringJoiner("&");
    parameters.forEach((k, v) -> form.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + route)).timeout(TIMEOUT)
        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
        .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    try {
      return new Answer(response.statusCode(), ApiJson.readStatusResponse(response.body()));
    } catch (JsonParseException e) {
      throw new IOException(route + " answered HTTP " + response.statusCode() + " with something other than an API"
          + " answer", e);
    }
  }
}
