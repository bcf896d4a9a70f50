package org.exhibitormesos.bench.ours;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The scheduler's control API over real HTTP, as the CLI uses it: commands by GET with query
 * parameters, answers as JSON ({@code success}, {@code message}, {@code value}).
 */
final class ControlApi {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final String base;

  /** @param base {@code http://host:port} */
  ControlApi(String base) {
    this.base = base;
  }

  /**
   * Sends a command and returns its JSON answer once it comes (start waits for its timeout).
   *
   * @throws IOException if the scheduler refuses the command (not 200 or not success) or does not answer
   */
  JsonObject command(String path, String query) throws IOException, InterruptedException {
    return answer(path + " " + query, http.send(request(path, query), HttpResponse.BodyHandlers.ofString()));
  }

  /** Sends a command without waiting; the future holds its answer, or fails like {@link #command}. */
  CompletableFuture<JsonObject> commandAsync(String path, String query) {
    return http.sendAsync(request(path, query), HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
      try {
        return answer(path + " " + query, r);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  /** The status value, or empty while the scheduler does not answer. */
  Optional<JsonObject> status() {
    try {
      HttpResponse<String> r = http.send(request("/api/status", ""), HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200
          ? Optional.of(JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonObject("value"))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The servers of a status value. */
  static List<JsonObject> servers(JsonObject status) {
    List<JsonObject> out = new ArrayList<>();
    status.getAsJsonArray("servers").forEach(e -> out.add(e.getAsJsonObject()));
    return out;
  }

  /** Server {@code id} of a status value. */
  static Optional<JsonObject> server(JsonObject status, int id) {
    return servers(status).stream().filter(s -> s.get("id").getAsInt() == id).findFirst();
  }

  /** {@code host:port} of a server's client port, if it has been placed. */
  static Optional<String> clientEndpoint(JsonObject server) {
    JsonElement host = server.get("hostname");
    JsonElement ports = server.get("ports");
    if (host == null || host.isJsonNull() || ports == null || !ports.isJsonObject()
        || !ports.getAsJsonObject().has("client")) {
      return Optional.empty();
    }
    return Optional.of(host.getAsString() + ":" + ports.getAsJsonObject().get("client").getAsInt());
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private HttpRequest request(String path, String query) {
    String uri = base + path + (query.isEmpty() ? "" : "?" + query);
    return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(200)).GET().build();
  }

  private static JsonObject answer(String what, HttpResponse<String> r) throws IOException {
    JsonObject json;
    try {
      json = JsonParser.parseString(r.body()).getAsJsonObject();
    } catch (RuntimeException e) {
      throw new IOException(what + ": HTTP " + r.statusCode() + ", not JSON: " + r.body(), e);
    }
    if (r.statusCode() != 200 || !json.has("success") || !json.get("success").getAsBoolean()) {
      throw new IOException(what + ": HTTP " + r.statusCode() + ": " + r.body());
    }
    return json;
  }
}
