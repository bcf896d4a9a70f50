package org.exhibitormesos.mesos.local.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.exhibitormesos.mesos.http.recordio.RecordIODecoder;

/**
 * A scheduler written like the Mesos docs' curl examples: plain {@link HttpClient}, JSON bodies,
 * RecordIO read off the raw stream. Not the project's client, so it checks the wire format.
 */
public final class JsonScheduler implements AutoCloseable {
  private final String url;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  public final BlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
  public volatile String streamId;
  public volatile String frameworkId;
  public volatile HttpResponse<InputStream> subscribeResponse;
  public volatile boolean streamEnded;
  private Thread reader;

  public JsonScheduler(String masterUrl) {
    this.url = masterUrl + "/api/v1/scheduler";
  }

  /** Opens the SUBSCRIBE stream with {@code body}; returns the HTTP status. */
  public int subscribe(String body) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    HttpResponse<InputStream> response = http.send(request,
        HttpResponse.BodyHandlers.ofInputStream());
    subscribeResponse = response;
    if (response.statusCode() != 200) {
      response.body().close();
      return response.statusCode();
    }
    streamId = response.headers().firstValue("Mesos-Stream-Id").orElse(null);
    streamEnded = false;
    reader = new Thread(() -> read(response.body()), "json-scheduler-stream");
    reader.setDaemon(true);
    reader.start();
    return 200;
  }

  /** Subscribes a new framework with a doc-like FrameworkInfo. */
  public void subscribeNew(String frameworkInfoExtra) throws Exception {
    int status = subscribe("{\"type\":\"SUBSCRIBE\",\"subscribe\":{\"framework_info\":"
        + "{\"user\":\"foo\",\"name\":\"Example HTTP Framework\"" + frameworkInfoExtra + "}}}");
    if (status != 200) {
      throw new AssertionError("SUBSCRIBE answered " + status);
    }
    JsonObject subscribed = Await.next(events, e -> true, "first event");
    if (!subscribed.get("type").getAsString().equals("SUBSCRIBED")) {
      throw new AssertionError("first event is " + subscribed);
    }
    frameworkId = subscribed.getAsJsonObject("subscribed").getAsJsonObject("framework_id")
        .get("value").getAsString();
  }

  private void read(InputStream in) {
    RecordIODecoder decoder = new RecordIODecoder(16 * 1024 * 1024);
    byte[] buf = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(buf)) >= 0) {
        byte[] chunk = java.util.Arrays.copyOf(buf, n);
        for (byte[] record : decoder.feed(chunk)) {
          events.add(JsonParser.parseString(new String(record, StandardCharsets.UTF_8))
              .getAsJsonObject());
        }
      }
    } catch (IOException e) {
      // stream closed
    } finally {
      streamEnded = true;
    }
  }

  /** POSTs a call with the current stream id; returns status and body. */
  public HttpResponse<String> call(String body) throws IOException, InterruptedException {
    return call(body, "application/json", streamId);
  }

  public HttpResponse<String> call(String body, String contentType, String stream)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (stream != null) {
      b.header("Mesos-Stream-Id", stream);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url.replace("/api/v1/scheduler", path)))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Events skipped by {@link #next(Predicate, String)}, kept for later matches (no heartbeats). */
  private final java.util.List<JsonObject> backlog = new java.util.ArrayList<>();

  /**
   * The first event (skipped earlier or new) that matches; others stay in the backlog, so events
   * are never lost to a wait for something else.
   */
  public synchronized JsonObject next(java.util.function.Predicate<JsonObject> match, String what)
      throws InterruptedException {
    for (java.util.Iterator<JsonObject> it = backlog.iterator(); it.hasNext(); ) {
      JsonObject e = it.next();
      if (match.test(e)) {
        it.remove();
        return e;
      }
    }
    return Await.next(events, e -> {
      if (match.test(e)) {
        return true;
      }
      if (!e.get("type").getAsString().equals("HEARTBEAT")) {
        backlog.add(e);
      }
      return false;
    }, what);
  }

  /** Forgets skipped events (e.g. offers made void by a resubscription). */
  public synchronized void clearBacklog() {
    backlog.clear();
  }

  /** Next event of {@code type}. */
  public JsonObject next(String type) throws InterruptedException {
    return next(e -> e.get("type").getAsString().equals(type), type + " event");
  }

  /** Next UPDATE of a task in a state. */
  public JsonObject nextUpdate(String taskId, String state) throws InterruptedException {
    return next(e -> e.get("type").getAsString().equals("UPDATE")
        && status(e).getAsJsonObject("task_id").get("value").getAsString().equals(taskId)
        && status(e).get("state").getAsString().equals(state), "UPDATE " + taskId + " " + state)
        .getAsJsonObject("update").getAsJsonObject("status");
  }

  public static JsonObject status(JsonObject updateEvent) {
    return updateEvent.getAsJsonObject("update").getAsJsonObject("status");
  }

  /** Acknowledges an update status (uuid copied as is). */
  public void acknowledge(JsonObject status) throws Exception {
    HttpResponse<String> r = call("{\"framework_id\":{\"value\":\"" + frameworkId + "\"},"
        + "\"type\":\"ACKNOWLEDGE\",\"acknowledge\":{\"agent_id\":" + status.get("agent_id")
        + ",\"task_id\":" + status.get("task_id") + ",\"uuid\":\"" + status.get("uuid").getAsString()
        + "\"}}");
    if (r.statusCode() != 202) {
      throw new AssertionError("ACKNOWLEDGE answered " + r.statusCode() + ": " + r.body());
    }
  }

  public void close() {
    if (subscribeResponse != null) {
      try {
        subscribeResponse.body().close();
      } catch (IOException ignored) {
        // closing
      }
    }
    if (reader != null) {
      reader.interrupt();
    }
  }
}
