package org.exhibitormesos.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import org.exhibitormesos.core.api.ApiRoutes;

/**
 * A stand-in for the scheduler's control API on 127.0.0.1 and a free port: answers each route with a
 * canned status code and body, and records every request. Unknown routes get a plain-text 404, as
 * the real API does. Closing stops it.
 */
final class FakeApiServer implements AutoCloseable {
  /** One request as received. */
  record Request(String method, String path, String contentType, String body, Map<String, String> form) { }

  private record Canned(int status, String body) { }

  private final HttpServer server;
  private final Map<String, Canned> answers = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Set<String> hanging = ConcurrentHashMap.newKeySet();
  private final CountDownLatch closed = new CountDownLatch(1);

  FakeApiServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answers {@code route} with {@code status} and {@code body} from now on. */
  FakeApiServer answer(String route, int status, String body) {
    answers.put(route, new Canned(status, body));
    return this;
  }

  /** Never answers {@code route} (until closed). */
  FakeApiServer hang(String route) {
    hanging.add(route);
    return this;
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  Request onlyRequest() {
    if (requests.size() != 1) {
      throw new AssertionError("expected one request, got " + requests);
    }
    return requests.get(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String path = exchange.getRequestURI().getPath();
    requests.add(new Request(exchange.getRequestMethod(), path,
        exchange.getRequestHeaders().getFirst("Content-Type"), body, form(body)));
    if (hanging.contains(path)) {
      try {
        closed.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
      return;
    }
    Canned canned = ApiRoutes.ALL.contains(path) ? answers.get(path) : null;
    if (canned == null) {
      canned = new Canned(404, "Not Found: " + path);
    }
    byte[] bytes = canned.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(canned.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Decodes a form body; keeps the order and fails on a repeated name. */
  static Map<String, String> form(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    if (body.isEmpty()) {
      return form;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      if (form.put(name, value) != null) {
        throw new IllegalStateException("parameter " + name + " sent twice in " + body);
      }
    }
    return form;
  }

  /** Lists the requests' paths, for messages. */
  List<String> paths() {
    List<String> paths = new ArrayList<>();
    requests.forEach(r -> paths.add(r.path()));
    return paths;
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
  }
}
