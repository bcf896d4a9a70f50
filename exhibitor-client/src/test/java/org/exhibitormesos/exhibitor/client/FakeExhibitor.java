package org.exhibitormesos.exhibitor.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP server on 127.0.0.1 answering Exhibitor's REST paths with canned bodies and recording
 * what was posted. Thread safe.
 */
final class FakeExhibitor implements AutoCloseable {
  /** A canned answer. */
  record Answer(int status, String body) {}

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  final List<String> requests = new CopyOnWriteArrayList<>();
  final List<String> posted = new CopyOnWriteArrayList<>();

  FakeExhibitor() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
    server.createContext(ExhibitorClient.BASE_PATH, this::handle);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** Answers {@code path} (relative to the API's base) with {@code body}. */
  FakeExhibitor answer(String path, int status, String body) {
    answers.put(path, new Answer(status, body));
    return this;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath().substring(ExhibitorClient.BASE_PATH.length());
    requests.add(exchange.getRequestMethod() + " " + path);
    if (exchange.getRequestMethod().equals("POST")) {
      posted.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    }
    Answer answer = answers.getOrDefault(path, new Answer(404, "no such path"));
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
