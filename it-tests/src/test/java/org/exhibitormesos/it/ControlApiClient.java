package org.exhibitormesos.it;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Requests to the scheduler's control API over real HTTP; answers as status and JSON. */
public final class ControlApiClient {
  public record Answer(int status, String body) {
    public JsonObject json() {
      return JsonParser.parseString(body).getAsJsonObject();
    }

    public boolean success() {
      return json().get("success").getAsBoolean();
    }

    public String message() {
      return json().has("message") ? json().get("message").getAsString() : "";
    }
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final String base;

  public ControlApiClient(String base) {
    this.base = base;
  }

  public Answer get(String pathAndQuery) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET());
  }

  public Answer send(String method, String pathAndQuery) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
        .method(method, HttpRequest.BodyPublishers.noBody()));
  }

  private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(150)).build(),
        HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.body());
  }

  /** The status value, or empty while the scheduler does not answer. */
  public Optional<JsonObject> status() {
    try {
      Answer a = get("/api/status");
      return a.status() == 200 ? Optional.of(a.json().getAsJsonObject("value")) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
